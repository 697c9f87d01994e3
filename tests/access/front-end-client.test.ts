import { HTTPBadRequestError, HTTPNotFoundError, strapi as createClient } from '@strapi/client';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { PASSWORD } from './support/accounts';
import { listenOnLoopback } from './support/http';
import { createContact, createNegotiation, createProgramme, type Ref } from './support/records';
import { createSalesTeam, type SalesTeam } from './support/team';

// The two front-ends of the CRM, driven through Strapi's official client over HTTP on a
// loopback port: the developer's public site listing the stock, and the négociateurs'
// field app logging in, listing and updating their négos.

let strapi: Core.Strapi;
let team: SalesTeam;
let baseURL: string;
let onSale: { programme: Ref; lots: Ref[] };
let ended: { programme: Ref; lots: Ref[] };
let negotiationA: Ref;
let negotiationB: Ref;

beforeAll(async () => {
  strapi = await startStrapi();
  team = await createSalesTeam(strapi);
  baseURL = `${await listenOnLoopback(strapi)}/api`;

  onSale = await createProgramme(strapi, 'selling', ['available', 'available', 'reserved', 'sold']);
  ended = await createProgramme(strapi, 'ended', ['available']);
  negotiationA = await createNegotiation(strapi, team.negotiatorA.id, await createContact(strapi, team.negotiatorA.id));
  negotiationB = await createNegotiation(strapi, team.negotiatorB.id, await createContact(strapi, team.negotiatorB.id));
});

afterAll(async () => {
  await stopStrapi();
});

interface Document {
  documentId: string;
  [key: string]: unknown;
}

function isDocumentList(value: unknown): value is { data: Document[] } {
  return typeof value === 'object' && value !== null && 'data' in value && Array.isArray(value.data);
}

function documentIds(documents: Document[]): string[] {
  return documents.map((document) => document.documentId);
}

/** Logs in as a front-end does: POST /api/auth/local, then the JWT as bearer token. */
async function logIn(identifier: string) {
  const anonymous = createClient({ baseURL });
  const response = await anonymous.fetch('/auth/local', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier, password: PASSWORD }),
  });
  const body: unknown = await response.json();
  if (typeof body !== 'object' || body === null || !('jwt' in body) || typeof body.jwt !== 'string') {
    throw new Error(`Login of ${identifier} failed: ${JSON.stringify(body)}`);
  }
  return createClient({ baseURL, auth: body.jwt });
}

describe('public stock listing with @strapi/client', () => {
  it('lists programmes on sale with their available lots', async () => {
    const client = createClient({ baseURL });

    // The test files share one database: the list is narrowed to this file's two programmes.
    const programmes = await client.collection('programmes').find({
      filters: { documentId: { $in: [onSale.programme.documentId, ended.programme.documentId] } },
      populate: { lots: { fields: ['reference', 'price', 'typology'] } },
      pagination: { pageSize: 100 },
    });

    const ids = documentIds(programmes.data);
    expect(ids).toContain(onSale.programme.documentId);
    expect(ids).not.toContain(ended.programme.documentId);
    const programme = programmes.data.find((document) => document.documentId === onSale.programme.documentId);
    expect(programme).toBeDefined();
    expect(programme).not.toHaveProperty('gpsCode');
    expect(documentIds(programme?.lots as Document[])).toEqual([onSale.lots[0].documentId, onSale.lots[1].documentId]);
  });

  it('lists the available lots of a programme', async () => {
    const client = createClient({ baseURL });

    const lots = await client.collection('lots').find({
      filters: { programme: { documentId: { $eq: onSale.programme.documentId } } },
      sort: 'price:asc',
      pagination: { pageSize: 100 },
    });

    expect(documentIds(lots.data)).toEqual([onSale.lots[0].documentId, onSale.lots[1].documentId]);
    expect(lots.meta.pagination?.total).toBe(2);
    expect(lots.data[0]).not.toHaveProperty('gpsStatus');
  });

  it('reads no contact', async () => {
    const client = createClient({ baseURL });

    await expect(client.collection('contacts').find()).rejects.toMatchObject({ name: 'HTTPForbiddenError' });
  });
});

describe('négociateur app with @strapi/client', () => {
  it('logs in and lists own négos', async () => {
    const client = await logIn(team.negotiatorA.apiUsername);

    const negotiations = await client.collection('negotiations').find({ pagination: { pageSize: 100 } });

    expect(documentIds(negotiations.data)).toEqual([negotiationA.documentId]);
  });

  it('lists Mes négos ouvertes', async () => {
    const client = await logIn(team.negotiatorA.apiUsername);

    const response = await client.fetch('/negotiations?mine=true&sort=createdAt:desc');
    const body: unknown = await response.json();

    expect(response.status).toBe(200);
    if (!isDocumentList(body)) throw new Error(`Unexpected body: ${JSON.stringify(body)}`);
    expect(documentIds(body.data)).toEqual([negotiationA.documentId]);
  });

  it('updates own négo', async () => {
    const client = await logIn(team.negotiatorA.apiUsername);

    const updated = await client.collection('negotiations').update(negotiationA.documentId, { notes: 'Rappel après la visite du T3.', qualification: 'hot' });

    expect(updated.data.notes).toBe('Rappel après la visite du T3.');
    const stored = await strapi.db.query('api::negotiation.negotiation').findOne({ where: { id: negotiationA.id }, select: ['qualification'] });
    expect(stored.qualification).toBe('hot');
  });

  it('does not find a colleague’s négo', async () => {
    const client = await logIn(team.negotiatorA.apiUsername);

    await expect(client.collection('negotiations').findOne(negotiationB.documentId)).rejects.toBeInstanceOf(HTTPNotFoundError);
    await expect(client.collection('negotiations').update(negotiationB.documentId, { notes: 'Reprise' })).rejects.toBeInstanceOf(HTTPNotFoundError);
  });

  it('cannot change the owner', async () => {
    const client = await logIn(team.negotiatorA.apiUsername);

    await expect(client.collection('negotiations').update(negotiationA.documentId, { owner: team.negotiatorB.id })).rejects.toBeInstanceOf(HTTPBadRequestError);
  });
});
