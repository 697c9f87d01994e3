import type { Core } from '@strapi/strapi';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createProgrammeWithLots, uniqueCode } from '../helpers/fixtures';

let strapi: Core.Strapi;
const tokens: Record<'first' | 'second', string> = { first: '', second: '' };
const userIds: Record<'first' | 'second', number> = { first: 0, second: 0 };
const PASSWORD = 'Workspace-Test-2026';

/** Creates a négociateur account and returns its admin session token. */
async function negotiator(key: 'first' | 'second') {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'crm-negotiator' } });
  const email = `${uniqueCode(`nego-${key}`)}@example.com`;
  const user = await strapi.service('admin::user').create({
    email,
    firstname: key === 'first' ? 'Claire' : 'Julien',
    lastname: key === 'first' ? 'Martin' : 'Bernard',
    password: PASSWORD,
    isActive: true,
    roles: [role.id],
    registrationToken: null,
  });
  const login = await http(strapi).post('/admin/login').send({ email, password: PASSWORD });
  expect(login.status).toBe(200);
  tokens[key] = login.body.data.token;
  userIds[key] = user.id;
}

beforeAll(async () => {
  strapi = await startStrapi();
  await negotiator('first');
  await negotiator('second');
});

afterAll(async () => {
  await stopStrapi();
});

const as = (key: 'first' | 'second') => ({ Authorization: `Bearer ${tokens[key]}` });

/** Creates a négo of the given négociateur whose need (T3 up to 300 000 € in Hendaye) the fixture lots fit. */
async function negotiationOf(key: 'first' | 'second') {
  const buyer = await strapi.documents('api::contact.contact').create({
    data: { firstName: 'Maddi', lastName: key === 'first' ? 'Etxeberria' : 'Goikoetxea', contactType: 'prospect', owner: userIds[key] },
  });
  const negotiation = await strapi.documents('api::negotiation.negotiation').create({
    data: {
      buyer: buyer.documentId,
      owner: userIds[key],
      purchaseType: 'main_residence',
      housingType: 't3',
      budgetMax: 300000,
      department: '64',
      city: 'Hendaye',
    },
  });
  return negotiation.documentId;
}

describe('crm-workspace admin routes', () => {
  it('rejects a request without session', async () => {
    const response = await http(strapi).get('/crm-workspace/dashboard');
    expect(response.status).toBe(401);
  });

  it('progress of an own négo', async () => {
    const documentId = await negotiationOf('first');
    const response = await http(strapi).get(`/crm-workspace/negotiations/${documentId}/progress`).set(as('first'));
    expect(response.status).toBe(200);
    expect(response.body.data.phase).toBe('commercial_actions');
    expect(response.body.data.missingForNextPhase).toBe('Pour passer en Réservation : proposer au moins un lot');
    expect(response.body.data.steps.map((step: { state: string }) => step.state)).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expect(response.body.data.history.map((entry: { toPhase: string }) => entry.toPhase)).toEqual(['commercial_actions', 'need']);
    expect(response.body.data.canClose).toBe(true);
  });

  it("refuses another négociateur's négo", async () => {
    const documentId = await negotiationOf('first');
    const response = await http(strapi).get(`/crm-workspace/negotiations/${documentId}/progress`).set(as('second'));
    expect(response.status).toBe(403);
    expect(response.body.error.details.code).toBe('NEGOTIATION_NOT_YOURS');
    expect(response.body.error.message).toBe('Cette négo est suivie par Claire Martin : vous ne pouvez pas la modifier.');
  });

  it('returns 404 for an unknown négo', async () => {
    const response = await http(strapi).get('/crm-workspace/negotiations/doesnotexist000/progress').set(as('first'));
    expect(response.status).toBe(404);
    expect(response.body.error.details.code).toBe('NEGOTIATION_NOT_FOUND');
  });

  it('matches, proposes and reserves through the sales rules', async () => {
    const { programme, lots } = await createProgrammeWithLots(strapi, { lots: 3 });
    const mine = await negotiationOf('first');
    const theirs = await negotiationOf('second');
    // Other files' lots in Hendaye share the test database; the programme ranks these first.
    await strapi.documents('api::negotiation.negotiation').update({ documentId: mine, data: { programme: programme.documentId } });

    const matches = await http(strapi).get(`/crm-workspace/negotiations/${mine}/matches`).set(as('first'));
    expect(matches.status).toBe(200);
    const matched: string[] = matches.body.data.matches.map((match: { lot: { documentId: string } }) => match.lot.documentId);
    for (const lot of lots) expect(matched).toContain(lot.documentId);
    const first = matches.body.data.matches.find((match: { lot: { documentId: string } }) => match.lot.documentId === lots[0].documentId);
    expect(first.reasons.map((reason: { code: string }) => reason.code)).toEqual(['TYPOLOGY_EXACT', 'BUDGET_WITHIN', 'PROGRAMME']);

    const proposed = await http(strapi)
      .post(`/crm-workspace/negotiations/${mine}/propositions`)
      .set(as('first'))
      .send({ lots: [lots[0].documentId, lots[1].documentId] });
    expect(proposed.status).toBe(200);
    expect(proposed.body.data.created).toHaveLength(2);
    expect(proposed.body.data.rejected).toHaveLength(0);
    expect(proposed.body.data.progress.phase).toBe('reservation');

    const again = await http(strapi).get(`/crm-workspace/negotiations/${mine}/matches`).set(as('first'));
    expect(again.body.data.alreadyProposed).toEqual(expect.arrayContaining([lots[0].documentId, lots[1].documentId]));
    expect(again.body.data.matches.map((match: { lot: { documentId: string } }) => match.lot.documentId)).not.toContain(lots[0].documentId);

    const theirProposal = await http(strapi).post(`/crm-workspace/negotiations/${theirs}/propositions`).set(as('second')).send({ lots: [lots[0].documentId] });
    expect(theirProposal.status).toBe(200);

    const reserved = await http(strapi)
      .post(`/crm-workspace/negotiations/${mine}/reservations`)
      .set(as('first'))
      .send({ lots: [lots[0].documentId], contractPrice: 286000, deposit: 14300, signatureDate: '2026-12-04' });
    expect(reserved.status).toBe(200);
    expect(reserved.body.data.phase).toBe('financing');
    expect(reserved.body.data.activeReservation.contractPrice).toBe(286000);
    const retraction = reserved.body.data.deadlines.find((deadline: { code: string }) => deadline.code === 'RETRACTION');
    expect(retraction.label).toMatch(/rétractation/i);
    expect(retraction.explanation).toContain('L271-1');

    const refused = await http(strapi).post(`/crm-workspace/negotiations/${theirs}/reservations`).set(as('second')).send({ lots: [lots[0].documentId], contractPrice: 286000 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.code).toBe('LOT_NOT_AVAILABLE');
    expect(refused.body.error.message).toMatch(/n'est plus disponible : il est réservé par la négo/);
    const lot = await strapi.db.query('api::lot.lot').findOne({ where: { documentId: lots[0].documentId }, select: ['salesStatus'] });
    expect(lot.salesStatus).toBe('reserved');

    const closed = await http(strapi).post(`/crm-workspace/negotiations/${mine}/close`).set(as('first'));
    expect(closed.status).toBe(409);
    expect(closed.body.error.details.code).toBe('NEGOTIATION_HAS_RESERVATION');
  });

  it('rejects a duplicate proposition', async () => {
    const { lots } = await createProgrammeWithLots(strapi, { lots: 1 });
    const mine = await negotiationOf('first');
    await http(strapi).post(`/crm-workspace/negotiations/${mine}/propositions`).set(as('first')).send({ lots: [lots[0].documentId] });
    const duplicate = await http(strapi).post(`/crm-workspace/negotiations/${mine}/propositions`).set(as('first')).send({ lots: [lots[0].documentId] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details.code).toBe('PROPOSITION_DUPLICATE');
  });

  it('rejects an invalid reservation body in French', async () => {
    const mine = await negotiationOf('first');
    const response = await http(strapi).post(`/crm-workspace/negotiations/${mine}/reservations`).set(as('first')).send({ lots: [], contractPrice: 'cher' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('INVALID_REQUEST');
    expect(response.body.error.message).toMatch(/^Réservation invalide : lots : choisissez au moins un lot ; prix du contrat de réservation : /);
  });

  it('closes and reopens a négo', async () => {
    const mine = await negotiationOf('first');
    const closed = await http(strapi).post(`/crm-workspace/negotiations/${mine}/close`).set(as('first'));
    expect(closed.status).toBe(200);
    expect(closed.body.data.status).toBe('closed');
    expect(closed.body.data.canReopen).toBe(true);
    const reopened = await http(strapi).post(`/crm-workspace/negotiations/${mine}/reopen`).set(as('first'));
    expect(reopened.status).toBe(200);
    expect(reopened.body.data.status).toBe('open');
    expect(reopened.body.data.phase).toBe('commercial_actions');
  });

  it('creates a négo for a contact', async () => {
    const buyer = await strapi.documents('api::contact.contact').create({ data: { lastName: 'Larralde', contactType: 'prospect', owner: userIds.first } });
    const response = await http(strapi).post(`/crm-workspace/contacts/${buyer.documentId}/negotiations`).set(as('first'));
    expect(response.status).toBe(201);
    const negotiation = await strapi.db
      .query('api::negotiation.negotiation')
      .findOne({ where: { documentId: response.body.data.documentId }, populate: { owner: true, buyer: true } });
    expect(negotiation.owner.id).toBe(userIds.first);
    expect(negotiation.buyer.documentId).toBe(buyer.documentId);
    expect(negotiation.phase).toBe('need');

    const summary = await http(strapi).get(`/crm-workspace/contacts/${buyer.documentId}/summary`).set(as('first'));
    expect(summary.status).toBe(200);
    expect(summary.body.data.negotiations).toHaveLength(1);

    const other = await http(strapi).get(`/crm-workspace/contacts/${buyer.documentId}/summary`).set(as('second'));
    expect(other.status).toBe(403);
    expect(other.body.error.details.code).toBe('CONTACT_NOT_YOURS');
  });

  it('plans an activity on a négo for its buyer', async () => {
    const mine = await negotiationOf('first');
    const dueAt = new Date(Date.now() + 3600 * 1000).toISOString();
    const response = await http(strapi)
      .post('/crm-workspace/activities')
      .set(as('first'))
      .send({ kind: 'meeting', subject: 'Visite du logement témoin', priority: 'high', dueAt, negotiation: mine });
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(201);
    const activity = await strapi.db
      .query('api::activity.activity')
      .findOne({ where: { documentId: response.body.data.documentId }, populate: { owner: true, contact: true, negotiation: true } });
    expect(activity.activityStatus).toBe('todo');
    expect(activity.owner.id).toBe(userIds.first);
    expect(activity.negotiation.documentId).toBe(mine);
    expect(activity.contact.lastName).toBe('Etxeberria');

    const refused = await http(strapi).post('/crm-workspace/activities').set(as('second')).send({ kind: 'call', subject: 'Appel', negotiation: mine });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.code).toBe('NEGOTIATION_NOT_YOURS');
  });

  it('rejects an activity without négo or contact', async () => {
    const response = await http(strapi).post('/crm-workspace/activities').set(as('first')).send({ kind: 'call', subject: 'Appel' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('ACTIVITY_TARGET_REQUIRED');
  });

  it('dashboard of a négociateur has no team part', async () => {
    await negotiationOf('second');
    const response = await http(strapi).get('/crm-workspace/dashboard').set(as('second'));
    expect(Array.isArray(response.body.data.overdueDeadlines)).toBe(true);
    expect(response.status).toBe(200);
    expect(response.body.data.team).toBeNull();
    expect(response.body.data.viewer).toEqual({ name: 'Julien Bernard', seesTeam: false });
    const commercial = response.body.data.openByPhase.find((row: { phase: string }) => row.phase === 'commercial_actions');
    expect(commercial.count).toBeGreaterThanOrEqual(1);
  });

  it('exports the lot list as a French CSV', async () => {
    const { programme } = await createProgrammeWithLots(strapi, { lots: 2, name: 'Résidence Export' });
    const response = await http(strapi)
      .get('/crm-workspace/export/lots')
      .query({ filters: { programmeCode: { $eq: programme.gpsCode } }, sort: 'reference:ASC' })
      .set(as('first'))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="lots-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body: Buffer = response.body;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8').slice(1).split('\r\n')).toEqual([
      'Programme;Référence;Typologie;Surface habitable (m²);Prix TTC (€);Statut de vente',
      'Résidence Export;A001;T3;64,5;286 000,00;Libre',
      'Résidence Export;A002;T3;64,5;287 000,00;Libre',
      '',
    ]);
  });

  it('returns 404 for an unknown export list', async () => {
    const response = await http(strapi).get('/crm-workspace/export/programmes').set(as('first'));
    expect(response.status).toBe(404);
    expect(response.body.error.details.code).toBe('EXPORT_LIST_UNKNOWN');
  });
});
