import type { Core } from '@strapi/strapi';
import { createApiToken, startStrapi, stopStrapi } from '../helpers/strapi';
import { apiLogin, createStaffMember } from './support/accounts';
import { bearer, errorCode, http } from './support/http';
import { findLeaks } from './support/leaks';
import { createActivity, createContact, createFreeLot, createNegotiation, createProgramme, createProposition, type Ref } from './support/records';
import { type Caller, CALLER_LABELS, CALLERS, createSalesTeam, leakRulesFor, type SalesTeam } from './support/team';

// Populate, filter and write variants that could expose what a caller may not see: password
// hashes and tokens, colleagues' e-mails, sensitive fields, computed or system attributes.

let strapi: Core.Strapi;
let team: SalesTeam;
let fullAccessToken: string;

interface Fixtures {
  contactA: Ref;
  negotiationA: Ref;
  /** A négo of A whose buyer is a contact B owns (set by the director). */
  negotiationAWithBuyerOfB: Ref;
  contactB: Ref;
  negotiationB: Ref;
  activityA: Ref;
  programmeOnSale: Ref;
}

let fixtures: Fixtures;

beforeAll(async () => {
  strapi = await startStrapi();
  team = await createSalesTeam(strapi);
  fullAccessToken = await createApiToken(strapi, { type: 'full-access' });

  const a = team.negotiatorA.id;
  const b = team.negotiatorB.id;
  const contactA = await createContact(strapi, a, 48000);
  const contactB = await createContact(strapi, b, 91000);
  const negotiationA = await createNegotiation(strapi, a, contactA);
  await strapi.documents('api::negotiation.negotiation').update({ documentId: negotiationA.documentId, data: { coBuyers: [contactB.documentId] } });
  await createProposition(strapi, negotiationA, await createFreeLot(strapi));
  const negotiationB = await createNegotiation(strapi, b, contactB);
  // B's négo also names A's contact as co-buyer: A's contact page must not show B's négo.
  await strapi.documents('api::negotiation.negotiation').update({ documentId: negotiationB.documentId, data: { coBuyers: [contactA.documentId] } });
  const activityA = await createActivity(strapi, a, negotiationA, contactA);
  await createActivity(strapi, b, negotiationB, contactA);
  const stock = await createProgramme(strapi, 'selling', ['available', 'sold', 'reserved']);

  fixtures = {
    contactA,
    negotiationA,
    negotiationAWithBuyerOfB: await createNegotiation(strapi, a, contactB),
    contactB,
    negotiationB,
    activityA,
    programmeOnSale: stock.programme,
  };
});

afterAll(async () => {
  await stopStrapi();
});

async function get(caller: Caller, path: string) {
  return http(strapi).get(path).set(bearer(team.tokens[caller]));
}

const POPULATES = [
  'populate=*',
  'populate[owner]=*',
  'populate[createdBy]=*',
  'populate[updatedBy]=*',
  'populate[buyer][populate]=*',
  'populate[buyer][populate][negotiations][populate]=*',
  'populate[coBuyers][populate][activities][populate]=*',
  'populate[activities][populate][owner]=*',
  'populate[phaseChanges][populate][changedBy]=*',
  'populate[propositions][populate][lot][populate]=*',
  'populate[buyer][fields][0]=annualIncome&populate[buyer][fields][1]=email',
  'fields[0]=loanAmount&fields[1]=personalContribution',
];

const LISTS = ['negotiations', 'contacts', 'activities', 'propositions', 'reservations', 'phase-changes', 'programmes', 'lots'];

describe('populate variants', () => {
  const cases = CALLERS.flatMap((caller) => POPULATES.map((populate) => ({ caller, populate })));

  it.each(cases.map((entry) => [`${entry.populate} on négos by ${CALLER_LABELS[entry.caller]}`, entry] as const))('%s', async (_label, { caller, populate }) => {
    const list = await get(caller, `/api/negotiations?${populate}`);
    const one = await get(caller, `/api/negotiations/${fixtures.negotiationA.documentId}?${populate}`);

    const rules = await leakRulesFor(strapi, team, caller);
    expect(findLeaks(list.body, rules)).toEqual([]);
    expect(findLeaks(one.body, rules)).toEqual([]);
    expect(list.status).toBeLessThan(500);
    expect(one.status).toBeLessThan(500);
  });

  it.each(CALLERS.flatMap((caller) => LISTS.map((path) => [`${path} populate=* by ${CALLER_LABELS[caller]}`, caller, path] as const)))(
    '%s',
    async (_label, caller, path) => {
      const response = await get(caller, `/api/${path}?populate=*`);
      expect(response.status).toBeLessThan(500);
      expect(findLeaks(response.body, await leakRulesFor(strapi, team, caller))).toEqual([]);
    },
  );

  it('account profile hides secrets and staff link', async () => {
    const response = await get('negotiatorA', '/api/users/me?populate=*');

    expect(response.status).toBe(200);
    expect(response.body.email).toBe(team.negotiatorA.apiEmail);
    expect(response.body).not.toHaveProperty('staffMember');
    expect(findLeaks(response.body, await leakRulesFor(strapi, team, 'negotiatorA'))).toEqual([]);
  });

  it('full-access token sees no secret', async () => {
    for (const populate of POPULATES) {
      const response = await http(strapi).get(`/api/negotiations?${populate}`).set(bearer(fullAccessToken));
      expect(findLeaks(response.body, { forbiddenEmails: [team.negotiatorA.email, team.negotiatorB.email, team.director.email], sensitiveAllowed: null })).toEqual([]);
    }
  });
});

describe('related records of a colleague', () => {
  it('buyer of B shows without income', async () => {
    const response = await get('negotiatorA', `/api/negotiations/${fixtures.negotiationAWithBuyerOfB.documentId}?populate=buyer`);

    expect(response.status).toBe(200);
    expect(response.body.data.buyer.documentId).toBe(fixtures.contactB.documentId);
    expect(response.body.data.buyer.lastName).toMatch(/^Larralde-/);
    expect(response.body.data.buyer).not.toHaveProperty('annualIncome');
  });

  it('own buyer shows with income', async () => {
    const response = await get('negotiatorA', `/api/negotiations/${fixtures.negotiationA.documentId}?populate=buyer`);

    expect(response.body.data.buyer.annualIncome).toBe(48000);
  });

  it('colleague négos left out of a contact', async () => {
    const response = await get('negotiatorA', `/api/contacts/${fixtures.contactA.documentId}?populate[negotiations]=true&populate[activities]=true`);

    expect(response.status).toBe(200);
    const activities: string[] = response.body.data.activities.map((activity: { documentId: string }) => activity.documentId);
    expect(activities).toEqual([fixtures.activityA.documentId]);
    expect(JSON.stringify(response.body)).not.toContain(fixtures.negotiationB.documentId);
  });

  it('director sees every related record', async () => {
    const response = await get('director', `/api/contacts/${fixtures.contactA.documentId}?populate[activities]=true`);

    expect(response.body.data.activities).toHaveLength(2);
    expect(response.body.data.annualIncome).toBe(48000);
  });

  it('read-only token gets no sensitive field', async () => {
    const contact = await get('readOnlyToken', `/api/contacts/${fixtures.contactA.documentId}`);
    const negotiation = await get('readOnlyToken', `/api/negotiations/${fixtures.negotiationA.documentId}`);

    expect(contact.status).toBe(200);
    expect(contact.body.data).not.toHaveProperty('annualIncome');
    expect(negotiation.body.data).not.toHaveProperty('loanAmount');
    expect(negotiation.body.data).not.toHaveProperty('personalContribution');
  });

  it('public sees available lots only', async () => {
    const response = await get('public', `/api/programmes/${fixtures.programmeOnSale.documentId}?populate[lots][populate]=*`);

    expect(response.status).toBe(200);
    const statuses = response.body.data.lots.map((lot: { salesStatus: string }) => lot.salesStatus);
    expect(statuses).toEqual(['available']);
    for (const key of ['gpsCode', 'lastGpsSyncAt', 'createdAt', 'commercialisationStatus']) expect(response.body.data).not.toHaveProperty(key);
    for (const key of ['gpsKey', 'gpsStatus', 'programmeCode', 'gpsUpdatedOn', 'updatedAt']) expect(response.body.data.lots[0]).not.toHaveProperty(key);
  });
});

describe('public filters through the stock relations', () => {
  async function programmesMatching(caller: Caller, lotFilter: string): Promise<number> {
    const response = await get(caller, `/api/programmes?filters[documentId][$eq]=${fixtures.programmeOnSale.documentId}&${lotFilter}`);
    expect(response.status).toBe(200);
    return response.body.meta.pagination.total;
  }

  it.each([
    ['price of a sold lot', 'filters[lots][price][$eq]=266000'],
    ['status sold', 'filters[lots][salesStatus][$eq]=sold'],
    ['reference of a reserved lot', 'filters[lots][reference][$eq]=L003'],
    ['sold lot inside $or', 'filters[$or][0][lots][salesStatus][$eq]=sold&filters[$or][1][name][$eq]=none'],
  ])('public finds no programme by the %s', async (_label, lotFilter) => {
    expect(await programmesMatching('public', lotFilter)).toBe(0);
  });

  it('public finds the programme by an available lot', async () => {
    expect(await programmesMatching('public', 'filters[lots][price][$eq]=265000')).toBe(1);
  });

  it('director finds the programme by a sold lot', async () => {
    expect(await programmesMatching('director', 'filters[lots][salesStatus][$eq]=sold')).toBe(1);
  });
});

describe('filters and sorts on hidden fields', () => {
  const rejected: Array<[string, Caller, string, string]> = [
    ['income filter by token', 'readOnlyToken', '/api/contacts?filters[annualIncome][$gt]=10000', 'SENSITIVE_FIELD_FILTER'],
    ['income sort by token', 'readOnlyToken', '/api/contacts?sort=annualIncome:desc', 'SENSITIVE_FIELD_FILTER'],
    ['loan filter by token', 'readOnlyToken', '/api/negotiations?filters[loanAmount][$null]=false', 'SENSITIVE_FIELD_FILTER'],
    ['nested income filter by négociateur', 'negotiatorA', '/api/negotiations?filters[buyer][annualIncome][$gt]=50000', 'SENSITIVE_FIELD_FILTER'],
    ['income inside $or by négociateur', 'negotiatorA', '/api/negotiations?filters[$or][0][subject][$contains]=a&filters[$or][1][coBuyers][annualIncome][$lt]=1', 'SENSITIVE_FIELD_FILTER'],
    ['income inside $not by négociateur', 'negotiatorA', '/api/activities?filters[$not][contact][annualIncome][$gt]=1', 'SENSITIVE_FIELD_FILTER'],
    ['nested income sort by négociateur', 'negotiatorA', '/api/negotiations?sort[0]=buyer.annualIncome:asc', 'SENSITIVE_FIELD_FILTER'],
    ['object sort on income', 'negotiatorB', '/api/negotiations?sort[buyer][annualIncome]=asc', 'SENSITIVE_FIELD_FILTER'],
    ['populate filter on income', 'negotiatorA', '/api/negotiations?populate[buyer][filters][annualIncome][$gt]=90000', 'SENSITIVE_FIELD_FILTER'],
    ['GPS status filter by public', 'public', '/api/lots?filters[gpsStatus][$eq]=blocked', 'FIELD_NOT_PUBLIC'],
    ['GPS code sort by public', 'public', '/api/programmes?sort=gpsCode', 'FIELD_NOT_PUBLIC'],
    ['commercialisation filter by public', 'public', '/api/lots?filters[programme][commercialisationStatus][$eq]=ended', 'FIELD_NOT_PUBLIC'],
  ];

  it.each(rejected)('%s answers 400', async (_label, caller, path, code) => {
    const response = await get(caller, path);

    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe(code);
    expect(response.body.error.message).toContain('«');
  });

  it('négociateur filters own contacts on income', async () => {
    const response = await get('negotiatorA', '/api/contacts?filters[annualIncome][$gt]=40000');

    expect(response.status).toBe(200);
    expect(response.body.data.map((contact: { documentId: string }) => contact.documentId)).toContain(fixtures.contactA.documentId);
  });

  it('director filters négos on buyer income', async () => {
    const response = await get('director', '/api/negotiations?filters[buyer][annualIncome][$gt]=90000');

    expect(response.status).toBe(200);
    const ids = response.body.data.map((negotiation: { documentId: string }) => negotiation.documentId);
    expect(ids).toEqual(expect.arrayContaining([fixtures.negotiationB.documentId, fixtures.negotiationAWithBuyerOfB.documentId]));
  });

  it('owner e-mail filter is rejected', async () => {
    const response = await http(strapi).get('/api/negotiations?filters[owner][email][$startsWith]=a').set(bearer(fullAccessToken));
    expect(response.status).toBe(400);
  });

  it('owner password filter is rejected', async () => {
    const response = await http(strapi).get('/api/negotiations?filters[owner][password][$startsWith]=$2').set(bearer(fullAccessToken));
    expect(response.status).toBe(400);
  });
});

describe('writes of computed and system fields', () => {
  const writes: Array<[string, string, Record<string, unknown>]> = [
    ['négo owner', 'negotiations', { owner: 1 }],
    ['négo phase', 'negotiations', { phase: 'deed' }],
    ['négo status', 'negotiations', { negotiationStatus: 'won' }],
    ['négo createdBy', 'negotiations', { createdBy: 1 }],
    ['négo publishedAt', 'negotiations', { publishedAt: '2026-01-01T00:00:00.000Z' }],
    ['contact owner', 'contacts', { owner: 1 }],
    ['contact updatedBy', 'contacts', { updatedBy: 1 }],
    ['activity owner', 'activities', { owner: 1 }],
    ['activity createdAt', 'activities', { createdAt: '2020-01-01T00:00:00.000Z' }],
    ['proposition publishedAt', 'propositions', { publishedAt: '2026-01-01T00:00:00.000Z' }],
    ['reservation createdBy', 'reservations', { createdBy: 1 }],
  ];

  it.each(writes)('%s rejected on create', async (_label, path, data) => {
    const response = await http(strapi).post(`/api/${path}`).set(bearer(team.tokens.negotiatorA)).send({ data });

    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe('READ_ONLY_FIELD');
  });

  it.each(writes.filter(([, path]) => path !== 'propositions' && path !== 'reservations'))('%s rejected on update', async (_label, path, data) => {
    const targets: Record<string, Ref> = { negotiations: fixtures.negotiationA, contacts: fixtures.contactA, activities: fixtures.activityA };
    const target = targets[path];
    const response = await http(strapi).put(`/api/${path}/${target.documentId}`).set(bearer(team.tokens.negotiatorA)).send({ data });

    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe('READ_ONLY_FIELD');
  });
});

describe('links to a colleague’s records', () => {
  it('proposition on a colleague’s négo', async () => {
    const lot = await createFreeLot(strapi);
    const response = await http(strapi)
      .post('/api/propositions')
      .set(bearer(team.tokens.negotiatorA))
      .send({ data: { negotiation: fixtures.negotiationB.documentId, lot: lot.documentId } });

    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe('RELATED_RECORD_NOT_FOUND');
    expect(await strapi.db.query('api::proposition.proposition').count({ where: { lot: { id: lot.id } } })).toBe(0);
  });

  it('contact taking over a colleague’s négo', async () => {
    const response = await http(strapi)
      .put(`/api/contacts/${fixtures.contactA.documentId}`)
      .set(bearer(team.tokens.negotiatorA))
      .send({ data: { negotiations: { connect: [fixtures.negotiationB.documentId] } } });

    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe('RELATED_RECORD_NOT_FOUND');
    const stored = await strapi.db.query('api::negotiation.negotiation').findOne({ where: { id: fixtures.negotiationB.id }, populate: { buyer: { select: ['id'] } } });
    expect(stored.buyer.id).toBe(fixtures.contactB.id);
  });

  it('négo with a colleague’s buyer', async () => {
    const response = await http(strapi)
      .post('/api/negotiations')
      .set(bearer(team.tokens.negotiatorA))
      .send({ data: { buyer: fixtures.contactB.documentId } });

    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe('RELATED_RECORD_NOT_FOUND');
  });

  it('activity on a colleague’s contact by id', async () => {
    const response = await http(strapi)
      .post('/api/activities')
      .set(bearer(team.tokens.negotiatorA))
      .send({ data: { kind: 'call', subject: 'Appel', contact: fixtures.contactB.id } });

    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe('RELATED_RECORD_NOT_FOUND');
  });

  it('new records belong to their author', async () => {
    const response = await http(strapi).post('/api/contacts').set(bearer(team.tokens.negotiatorB)).send({ data: { lastName: 'Sallaberry' } });

    expect(response.status).toBe(201);
    const stored = await strapi.db.query('api::contact.contact').findOne({ where: { documentId: response.body.data.documentId }, populate: { owner: { select: ['id'] } } });
    expect(stored.owner.id).toBe(team.negotiatorB.id);
  });
});

describe('accounts and roles through REST', () => {
  it('account cannot edit itself or others', async () => {
    const own = await http(strapi).put(`/api/users/${team.negotiatorA.apiAccountId}`).set(bearer(team.tokens.negotiatorA)).send({ role: 99, staffMember: team.director.id });
    const other = await http(strapi).put(`/api/users/${team.negotiatorB.apiAccountId}`).set(bearer(team.tokens.negotiatorA)).send({ email: 'pirate@example.com' });

    expect(own.status).toBe(403);
    expect(other.status).toBe(403);
    const stored = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: team.negotiatorB.apiAccountId }, select: ['email'] });
    expect(stored.email).toBe(team.negotiatorB.apiEmail);
  });

  it('accounts and roles are not listed', async () => {
    for (const path of ['/api/users', `/api/users/${team.negotiatorB.apiAccountId}`, '/api/users-permissions/roles', '/api/users/count']) {
      const response = await get('negotiatorA', path);
      expect(response.status).toBe(403);
    }
  });

  it('wrong password gets a French answer', async () => {
    const response = await http(strapi).post('/api/auth/local').send({ identifier: team.negotiatorA.apiUsername, password: 'Mauvais-2026' });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('INVALID_CREDENTIALS');
    expect(response.body.error.message).toBe('Identifiant ou mot de passe incorrect : vérifiez-les et réessayez.');
  });

  it('public cannot register an account', async () => {
    const response = await http(strapi).post('/api/auth/local/register').send({ username: 'intrus', email: 'intrus@example.com', password: 'Intrus-2026' });

    expect(response.status).toBe(403);
    expect(await strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'intrus' } })).toBe(0);
  });

  it('blocked staff member loses access', async () => {
    const member = await createStaffMember(strapi, 'crm-negotiator', 'Gaizka');
    const jwt = await apiLogin(strapi, member.apiUsername);
    await strapi.db.query('admin::user').update({ where: { id: member.id }, data: { isActive: false } });

    const response = await http(strapi).get('/api/negotiations').set(bearer(jwt));

    expect(response.status).toBe(403);
    expect(errorCode(response.body)).toBe('STAFF_ACCOUNT_REQUIRED');
  });
});

describe('mine=true lists', () => {
  it('Mes négos ouvertes lists open own négos', async () => {
    const closed = await createNegotiation(strapi, team.negotiatorA.id, fixtures.contactA);
    await strapi.db.query('api::negotiation.negotiation').update({ where: { id: closed.id }, data: { negotiationStatus: 'closed' } });

    const response = await get('negotiatorA', '/api/negotiations?mine=true&pagination[pageSize]=100');

    expect(response.status).toBe(200);
    const ids: string[] = response.body.data.map((negotiation: { documentId: string }) => negotiation.documentId);
    expect(ids).toContain(fixtures.negotiationA.documentId);
    expect(ids).not.toContain(closed.documentId);
    expect(response.body.data.every((negotiation: { negotiationStatus: string }) => negotiation.negotiationStatus === 'open')).toBe(true);
  });

  it('director Mes contacts lists own only', async () => {
    const own = await http(strapi).post('/api/contacts').set(bearer(team.tokens.director)).send({ data: { lastName: 'Mendiburu' } });

    const response = await get('director', '/api/contacts?mine=true&pagination[pageSize]=100');

    const ids: string[] = response.body.data.map((contact: { documentId: string }) => contact.documentId);
    expect(ids).toEqual([own.body.data.documentId]);
  });

  it.each([
    ['token', 'readOnlyToken', '/api/negotiations?mine=true', 'MINE_REQUIRES_STAFF_ACCOUNT'],
    ['invalid value', 'negotiatorA', '/api/negotiations?mine=oui', 'MINE_INVALID'],
    ['lots', 'negotiatorA', '/api/lots?mine=true', 'MINE_NOT_SUPPORTED'],
  ] as Array<[string, Caller, string, string]>)('mine rejects %s', async (_label, caller, path, code) => {
    const response = await get(caller, path);

    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe(code);
  });
});
