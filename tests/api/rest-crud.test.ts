import type { Core } from '@strapi/strapi';
import { createApiToken, http, startStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let token: string;

// GPS codes are unique, so each run uses its own.
const run = Date.now().toString(36);

beforeAll(async () => {
  strapi = await startStrapi();
  token = await createApiToken(strapi);
});

afterAll(async () => {
  await stopStrapi();
});

const auth = () => ({ Authorization: `Bearer ${token}` });

async function create(path: string, data: Record<string, unknown>) {
  const response = await http(strapi).post(`/api/${path}`).set(auth()).send({ data });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`POST /api/${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.data as { documentId: string } & Record<string, unknown>;
}

describe('REST API with a full-access token', () => {
  it('reads a lot above one million euros', async () => {
    const programme = await strapi.documents('api::programme.programme').create({
      data: { gpsCode: `REST-P1-${run}`, name: 'Résidence Les Embruns', city: 'Hendaye', postalCode: '64700', commercialisationStatus: 'selling' },
    });
    const lot = await strapi.documents('api::lot.lot').create({
      data: {
        gpsKey: `REST-P1-${run}/A101`,
        reference: 'A101',
        programmeCode: `REST-P1-${run}`,
        programme: programme.documentId,
        kind: 'apartment',
        typology: 't5',
        livingArea: 142.35,
        price: 1234567.89,
        salesStatus: 'available',
      },
    });

    const read = await http(strapi).get(`/api/lots/${lot.documentId}`).query({ populate: 'programme' }).set(auth());
    expect(read.status).toBe(200);
    expect(read.body.data.price).toBe(1234567.89);
    expect(read.body.data.livingArea).toBe(142.35);
    expect(read.body.data.programme.gpsCode).toBe(`REST-P1-${run}`);
  });

  it('creates and reads a contact', async () => {
    const contact = await create('contacts', {
      civility: 'mrs',
      firstName: 'Amaia',
      lastName: 'Etchegaray',
      email: 'amaia.etchegaray@example.com',
      firstTimeBuyer: true,
      annualIncome: 42000.5,
      profile: 'owner_occupier',
      contactType: 'prospect',
    });

    const read = await http(strapi).get(`/api/contacts/${contact.documentId}`).set(auth());
    expect(read.status).toBe(200);
    expect(read.body.data.lastName).toBe('Etchegaray');
    expect(read.body.data.annualIncome).toBe(42000.5);
    expect(read.body.data.firstTimeBuyer).toBe(true);
  });

  it('creates a négo with a proposition, a reservation and an activity', async () => {
    const buyer = await create('contacts', { lastName: 'Lasserre', firstName: 'Iban', contactType: 'prospect' });
    const programme = await strapi.documents('api::programme.programme').create({
      data: { gpsCode: `REST-P2-${run}`, name: 'Villa Txingudi', commercialisationStatus: 'selling' },
    });
    const lot = await strapi.documents('api::lot.lot').create({
      data: {
        gpsKey: `REST-P2-${run}/B12`,
        reference: 'B12',
        programmeCode: `REST-P2-${run}`,
        programme: programme.documentId,
        kind: 'apartment',
        price: 318000,
        salesStatus: 'available',
      },
    });
    const negotiation = await create('negotiations', {
      buyer: buyer.documentId,
      purchaseType: 'main_residence',
      housingType: 't3',
      department: '64',
      city: 'Hendaye',
    });
    const proposition = await create('propositions', {
      negotiation: negotiation.documentId,
      lot: lot.documentId,
      proposedOn: '2026-11-02',
    });
    const reservation = await create('reservations', {
      negotiation: negotiation.documentId,
      lots: [lot.documentId],
      contractPrice: 318000,
      deposit: 6360,
      signatureDate: '2026-11-20',
    });
    const activity = await create('activities', {
      kind: 'call',
      subject: 'Appeler M. Lasserre pour le financement',
      negotiation: negotiation.documentId,
      contact: buyer.documentId,
      priority: 'high',
      dueAt: '2026-12-07T09:00:00.000Z',
    });

    const read = await http(strapi)
      .get(`/api/negotiations/${negotiation.documentId}`)
      .query({ populate: ['buyer', 'propositions', 'reservations', 'activities'] })
      .set(auth());
    expect(read.status).toBe(200);
    expect(read.body.data.buyer.documentId).toBe(buyer.documentId);
    expect(read.body.data.propositions.map((p: { documentId: string }) => p.documentId)).toEqual([proposition.documentId]);
    expect(read.body.data.reservations.map((r: { documentId: string }) => r.documentId)).toEqual([reservation.documentId]);
    expect(read.body.data.activities.map((a: { documentId: string }) => a.documentId)).toEqual([activity.documentId]);
  });

  it('lists phase changes', async () => {
    const response = await http(strapi).get('/api/phase-changes').set(auth());
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body.data)).toBe(true);
  });

  it.each(['programmes', 'lots', 'phase-changes'])('offers no write route on %s', async (path) => {
    const response = await http(strapi).post(`/api/${path}`).set(auth()).send({ data: { name: 'x' } });
    expect([404, 405]).toContain(response.status);
  });

  it.each([
    ['a number field given as text', { lastName: 'Urrutia', annualIncome: 'abc' }, 'NUMBER_INVALID', 'doit être un nombre'],
    ['a value outside an enumeration', { lastName: 'Urrutia', profile: 'rentier' }, 'VALUE_NOT_ALLOWED', "doit valoir l'une de ces valeurs"],
    ['a missing required field', { firstName: 'Sans nom' }, 'FIELD_REQUIRED', 'Le champ « lastName » est obligatoire'],
    ['an invalid e-mail', { lastName: 'Urrutia', email: 'pas-un-mail' }, 'EMAIL_INVALID', 'adresse e-mail valide'],
  ])('rejects %s in French', async (_case, data, code, message) => {
    const before = await strapi.db.query('api::contact.contact').count({});

    const response = await http(strapi).post('/api/contacts').set(auth()).send({ data });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe(code);
    expect(response.body.error.message).toContain(message);
    expect(await strapi.db.query('api::contact.contact').count({})).toBe(before);
  });

  it('rejects a négo whose buyer does not exist', async () => {
    const response = await http(strapi).post('/api/negotiations').set(auth()).send({ data: { buyer: 'zzzzzzzzzzzzzzzzzzzzzzzz' } });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('RELATION_NOT_FOUND');
    expect(response.body.error.message).toContain('« zzzzzzzzzzzzzzzzzzzzzzzz » est introuvable');
  });

  it('rejects a request without a token', async () => {
    const response = await http(strapi).get('/api/contacts');
    expect(response.status).toBe(403);
    expect(response.body.error.details.code).toBe('FORBIDDEN');
    expect(response.body.error.message).toContain('Accès refusé');
  });
});
