import type { Core } from '@strapi/strapi';
import { isPostgres, startStrapi, stopStrapi } from '../helpers/strapi';
import { bearer, http } from './support/http';
import { createContact, createNegotiation, type Ref } from './support/records';
import { createSalesTeam, type SalesTeam } from './support/team';
import { createStaffMember } from './support/accounts';

// The négos carry a copy of their owner, kept by triggers on the owner link table, and the
// owner filters read it instead of joining the link table. The copy must follow every change
// of owner, and the lists must return what the join returns.

const NEGOTIATION_UID = 'api::negotiation.negotiation';

let strapi: Core.Strapi;
let team: SalesTeam;
let buyer: Ref;

beforeAll(async () => {
  strapi = await startStrapi();
  team = await createSalesTeam(strapi);
  buyer = await createContact(strapi, team.negotiatorA.id);
});

afterAll(async () => {
  await stopStrapi();
});

async function ownerColumn(negotiationId: number): Promise<number | null> {
  const row = await strapi.db.connection('negotiations').where({ id: negotiationId }).first('crm_owner_id');
  return row.crm_owner_id === null ? null : Number(row.crm_owner_id);
}

/** Ids of the négos owned by `ownerId` according to the link table Strapi writes. */
async function linkedNegotiations(ownerId: number, status?: string): Promise<number[]> {
  const query = strapi.db
    .connection('negotiations_owner_lnk as link')
    .join('negotiations as negotiation', 'negotiation.id', 'link.negotiation_id')
    .where('link.user_id', ownerId)
    .orderBy('negotiation.id')
    .select('negotiation.id');
  if (status) query.where('negotiation.negotiation_status', status);
  return (await query).map((row: { id: number | string }) => Number(row.id));
}

/** Returns the SQL statements Strapi sends while `action` runs. */
async function capturedSql(action: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const listener = (query: { sql: string }) => statements.push(query.sql);
  strapi.db.connection.client.on('query', listener);
  try {
    await action();
  } finally {
    strapi.db.connection.client.removeListener('query', listener);
  }
  return statements;
}

describe('owner copy on the négo', () => {
  it('is set when a négo is created with an owner', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, buyer);

    expect(await ownerColumn(negotiation.id)).toBe(team.negotiatorA.id);
  });

  it('follows a reassignment to another négociateur', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, buyer);

    await strapi.documents(NEGOTIATION_UID).update({ documentId: negotiation.documentId, data: { owner: team.negotiatorB.id } });

    expect(await ownerColumn(negotiation.id)).toBe(team.negotiatorB.id);
    expect(await linkedNegotiations(team.negotiatorB.id)).toContain(negotiation.id);
  });

  it('is left alone by an update that does not touch the owner', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, buyer);

    await strapi.documents(NEGOTIATION_UID).update({ documentId: negotiation.documentId, data: { city: 'Urrugne' } });

    expect(await ownerColumn(negotiation.id)).toBe(team.negotiatorA.id);
  });

  it('is cleared when the owner is removed', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, buyer);

    await strapi.documents(NEGOTIATION_UID).update({ documentId: negotiation.documentId, data: { owner: null } });

    expect(await ownerColumn(negotiation.id)).toBeNull();
  });

  it('is cleared when the owner account is deleted', async () => {
    const leaving = await createStaffMember(strapi, 'crm-negotiator', 'Peio');
    const negotiation = await createNegotiation(strapi, leaving.id, buyer);
    expect(await ownerColumn(negotiation.id)).toBe(leaving.id);

    await strapi.service('admin::user').deleteById(leaving.id);

    expect(await ownerColumn(negotiation.id)).toBeNull();
  });

  it('follows a link written straight into the link table', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, buyer);

    await strapi.db.connection('negotiations_owner_lnk').where({ negotiation_id: negotiation.id }).update({ user_id: team.negotiatorB.id });

    expect(await ownerColumn(negotiation.id)).toBe(team.negotiatorB.id);
  });
});

describe('reassignment of a négo', () => {
  it('hands its open activities to the new négociateur', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, buyer);
    const activity = (activityStatus: 'todo' | 'in_progress' | 'done') =>
      strapi.documents('api::activity.activity').create({
        data: {
          kind: 'task',
          subject: `Relance ${activityStatus}`,
          priority: 'normal',
          activityStatus,
          owner: team.negotiatorA.id,
          negotiation: negotiation.documentId,
        },
      });
    const todo = await activity('todo');
    const inProgress = await activity('in_progress');
    const done = await activity('done');

    await strapi.documents(NEGOTIATION_UID).update({ documentId: negotiation.documentId, data: { owner: team.negotiatorB.id } });

    const ownerOf = async (documentId: string) =>
      (await strapi.db.query('api::activity.activity').findOne({ where: { documentId }, populate: { owner: { select: ['id'] } } })).owner?.id;
    expect(await ownerOf(todo.documentId)).toBe(team.negotiatorB.id);
    expect(await ownerOf(inProgress.documentId)).toBe(team.negotiatorB.id);
    expect(await ownerOf(done.documentId)).toBe(team.negotiatorA.id);
  });

  it('leaves the activities alone when the owner stays', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, buyer);
    const todo = await strapi.documents('api::activity.activity').create({
      data: { kind: 'task', subject: 'Relance', priority: 'normal', activityStatus: 'todo', owner: team.negotiatorB.id, negotiation: negotiation.documentId },
    });

    await strapi.documents(NEGOTIATION_UID).update({ documentId: negotiation.documentId, data: { owner: team.negotiatorA.id } });

    const stored = await strapi.db.query('api::activity.activity').findOne({ where: { documentId: todo.documentId }, populate: { owner: { select: ['id'] } } });
    expect(stored.owner.id).toBe(team.negotiatorB.id);
  });
});

describe('owner filters', () => {
  it('mine list reads the owner copy', async () => {
    const own = await createNegotiation(strapi, team.negotiatorA.id, buyer);

    let body: { data: Array<{ id: number }>; meta: { pagination: { total: number } } } = { data: [], meta: { pagination: { total: 0 } } };
    const statements = await capturedSql(async () => {
      const response = await http(strapi)
        .get('/api/negotiations?mine=true&pagination[pageSize]=100')
        .set(bearer(team.tokens.negotiatorA));
      expect(response.status).toBe(200);
      body = response.body;
    });

    // PostgreSQL quotes names with ", SQLite with `.
    const listed = statements.filter((sql) => /from ["`](public["`]\.["`])?negotiations["`] as ["`]t0["`]/.test(sql));
    expect(listed.length).toBeGreaterThanOrEqual(2);
    for (const sql of listed) {
      expect(sql).toMatch(/["`]crm_owner_id["`]/);
      expect(sql).not.toContain('negotiations_owner_lnk');
    }
    const expected = await linkedNegotiations(team.negotiatorA.id, 'open');
    expect(body.meta.pagination.total).toBe(expected.length);
    expect(body.data.map((record) => record.id)).toEqual(expected.slice(0, 100));
    expect(expected).toContain(own.id);
  });

  it('another négociateur’s négo stays out of reach after a reassignment', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, buyer);
    await strapi.documents(NEGOTIATION_UID).update({ documentId: negotiation.documentId, data: { owner: team.negotiatorB.id } });

    const byA = await http(strapi).get(`/api/negotiations/${negotiation.documentId}`).set(bearer(team.tokens.negotiatorA));
    const byB = await http(strapi).get(`/api/negotiations/${negotiation.documentId}`).set(bearer(team.tokens.negotiatorB));

    expect(byA.status).toBe(404);
    expect(byB.status).toBe(200);
  });

  it('an owner filter on several ids keeps the join and the same answer', async () => {
    const filters = { owner: { id: { $in: [team.negotiatorA.id] } } };

    const statements = await capturedSql(() => strapi.documents(NEGOTIATION_UID).count({ filters }));
    const found = await strapi.documents(NEGOTIATION_UID).findMany({ filters, fields: ['id'], sort: 'id:asc', limit: 1000 });

    expect(statements.some((sql) => sql.includes('negotiations_owner_lnk'))).toBe(true);
    expect(found.map((record) => Number(record.id))).toEqual(await linkedNegotiations(team.negotiatorA.id));
  });
});

(isPostgres() ? describe : describe.skip)('PostgreSQL session settings', () => {
  it('plans with random_page_cost 1.1', async () => {
    const result = await strapi.db.connection.raw('show random_page_cost');

    expect(result.rows[0].random_page_cost).toBe('1.1');
  });
});
