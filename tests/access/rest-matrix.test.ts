import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { findLeaks } from './support/leaks';
import { bearer, errorCode, http } from './support/http';
import {
  createActivity,
  createContact,
  createFreeLot,
  createNegotiation,
  createNegotiationReadyToReserve,
  createProgramme,
  createProposition,
  createReservedNegotiation,
  type Ref,
} from './support/records';
import { type Caller, CALLER_LABELS, CALLERS, createSalesTeam, leakRulesFor, type SalesTeam } from './support/team';

// Every REST endpoint of the CRM types, called by each kind of caller: the expected status,
// then a scan of the body for secrets, colleagues' e-mails and sensitive fields.

let strapi: Core.Strapi;
let team: SalesTeam;

/** Records of négociateur A that the other callers try to reach, and B's own records. */
interface Fixtures {
  contactA: Ref;
  negotiationA: Ref;
  propositionA: Ref;
  reservationA: Ref;
  activityA: Ref;
  phaseChangeA: Ref;
  contactB: Ref;
  negotiationB: Ref;
  programmeOnSale: Ref;
  programmeEnded: Ref;
  availableLot: Ref;
  soldLot: Ref;
}

let fixtures: Fixtures;

beforeAll(async () => {
  strapi = await startStrapi();
  team = await createSalesTeam(strapi);
  const a = team.negotiatorA.id;
  const b = team.negotiatorB.id;

  const contactA = await createContact(strapi, a);
  const negotiationA = await createNegotiation(strapi, a, contactA);
  const propositionA = await createProposition(strapi, negotiationA, await createFreeLot(strapi));
  const reserved = await createReservedNegotiation(strapi, a);
  const activityA = await createActivity(strapi, a, negotiationA, contactA);
  const phaseChange = await strapi.db.query('api::phase-change.phase-change').findOne({ where: { negotiation: { id: negotiationA.id } } });
  const contactB = await createContact(strapi, b);
  const negotiationB = await createNegotiation(strapi, b, contactB);
  const onSale = await createProgramme(strapi, 'selling', ['available', 'sold']);
  const ended = await createProgramme(strapi, 'ended', ['available']);

  fixtures = {
    contactA,
    negotiationA,
    propositionA,
    reservationA: reserved.reservation,
    activityA,
    phaseChangeA: { id: Number(phaseChange.id), documentId: phaseChange.documentId },
    contactB,
    negotiationB,
    programmeOnSale: onSale.programme,
    programmeEnded: ended.programme,
    availableLot: onSale.lots[0],
    soldLot: onSale.lots[1],
  };
});

afterAll(async () => {
  await stopStrapi();
});

type Action = 'list' | 'read' | 'create' | 'update' | 'delete';

/** Owner of the records a caller creates or links: its own staff member, else négociateur A. */
function ownerId(caller: Caller): number {
  if (caller === 'negotiatorB') return team.negotiatorB.id;
  if (caller === 'director') return team.director.id;
  return team.negotiatorA.id;
}

interface CrmType {
  path: string;
  /** A's record the callers read and update. */
  target: () => Ref;
  /** A fresh record of A, for a delete. */
  disposable: () => Promise<Ref>;
  createBody: (caller: Caller) => Promise<Record<string, unknown>>;
  updateBody: Record<string, unknown>;
}

const CRM_TYPES: CrmType[] = [
  {
    path: 'contacts',
    target: () => fixtures.contactA,
    disposable: () => createContact(strapi, team.negotiatorA.id),
    createBody: async () => ({ lastName: 'Haramburu', firstName: 'Peio', annualIncome: 61000 }),
    updateBody: { notes: 'Rappeler après le salon.' },
  },
  {
    path: 'negotiations',
    target: () => fixtures.negotiationA,
    disposable: async () => createNegotiation(strapi, team.negotiatorA.id, await createContact(strapi, team.negotiatorA.id)),
    createBody: async (caller) => ({ buyer: (await createContact(strapi, ownerId(caller))).documentId, purchaseType: 'main_residence' }),
    updateBody: { notes: 'Visite du T3 prévue.' },
  },
  {
    path: 'propositions',
    target: () => fixtures.propositionA,
    disposable: async () => createProposition(strapi, fixtures.negotiationA, await createFreeLot(strapi)),
    createBody: async (caller) => {
      const owner = ownerId(caller);
      const negotiation = await createNegotiation(strapi, owner, await createContact(strapi, owner));
      return { negotiation: negotiation.documentId, lot: (await createFreeLot(strapi)).documentId, proposedOn: '2026-11-03' };
    },
    updateBody: { notes: 'Vue sur la baie.' },
  },
  {
    path: 'reservations',
    target: () => fixtures.reservationA,
    disposable: async () => (await createReservedNegotiation(strapi, team.negotiatorA.id)).reservation,
    createBody: async (caller) => {
      const ready = await createNegotiationReadyToReserve(strapi, ownerId(caller));
      return { negotiation: ready.negotiation.documentId, lots: [ready.lot.documentId], contractPrice: 266000, signatureDate: '2026-11-21' };
    },
    updateBody: { notes: 'Dépôt de garantie reçu.' },
  },
  {
    path: 'activities',
    target: () => fixtures.activityA,
    disposable: () => createActivity(strapi, team.negotiatorA.id, fixtures.negotiationA, null),
    createBody: async () => ({ kind: 'meeting', subject: 'Rendez-vous au bureau de vente', priority: 'high' }),
    updateBody: { outcome: 'Client intéressé.' },
  },
];

const SUCCESS: Record<Action, number> = { list: 200, read: 200, create: 201, update: 200, delete: 204 };

/** Status each caller gets on a CRM type; B reaches none of A's records and gets 404. */
function expectedStatus(caller: Caller, action: Action): number {
  switch (caller) {
    case 'public':
    case 'unlinkedAccount':
      return 403;
    case 'readOnlyToken':
      return action === 'list' || action === 'read' ? 200 : 403;
    case 'negotiatorB':
      return action === 'list' || action === 'create' ? SUCCESS[action] : 404;
    case 'negotiatorA':
    case 'director':
      return SUCCESS[action];
  }
}

async function send(caller: Caller, method: 'get' | 'post' | 'put' | 'delete', path: string, data?: Record<string, unknown>) {
  const request = http(strapi)[method](path).set(bearer(team.tokens[caller]));
  return data === undefined ? request : request.send({ data });
}

async function expectNoLeak(caller: Caller, body: unknown) {
  const leaks = findLeaks(body, await leakRulesFor(strapi, team, caller));
  expect(leaks).toEqual([]);
}

const ACTIONS: Action[] = ['list', 'read', 'create', 'update', 'delete'];
const CRM_CASES = CRM_TYPES.flatMap((type) => CALLERS.flatMap((caller) => ACTIONS.map((action) => ({ type, caller, action }))));

describe('REST CRM types by caller', () => {
  it.each(CRM_CASES.map((entry) => [`${entry.type.path} ${entry.action} by ${CALLER_LABELS[entry.caller]}`, entry] as const))(
    '%s',
    async (_label, { type, caller, action }) => {
      let response;
      switch (action) {
        case 'list':
          response = await send(caller, 'get', `/api/${type.path}?populate=*`);
          break;
        case 'read':
          response = await send(caller, 'get', `/api/${type.path}/${type.target().documentId}?populate=*`);
          break;
        case 'create':
          response = await send(caller, 'post', `/api/${type.path}`, await type.createBody(caller));
          break;
        case 'update':
          response = await send(caller, 'put', `/api/${type.path}/${type.target().documentId}`, type.updateBody);
          break;
        case 'delete':
          response = await send(caller, 'delete', `/api/${type.path}/${(await type.disposable()).documentId}`);
          break;
      }

      expect(response.status).toBe(expectedStatus(caller, action));
      if (response.status === 404) expect(errorCode(response.body)).toBe('RECORD_NOT_FOUND');
      if (caller === 'unlinkedAccount') expect(errorCode(response.body)).toBe('STAFF_ACCOUNT_REQUIRED');
      await expectNoLeak(caller, response.body);
    },
  );
});

/** Narrows a list to the given records: the test files share one database. */
function onlyIds(...records: Ref[]): string {
  return records.map((record, index) => `filters[documentId][$in][${index}]=${record.documentId}`).join('&');
}

describe('REST lists by caller', () => {
  async function listedIds(caller: Caller, path: string): Promise<string[]> {
    const separator = path.includes('?') ? '&' : '?';
    const response = await send(caller, 'get', `/api/${path}${separator}pagination[pageSize]=100`);
    expect(response.status).toBe(200);
    return response.body.data.map((record: { documentId: string }) => record.documentId);
  }

  it('négociateur lists only own négos', async () => {
    const ids = await listedIds('negotiatorA', 'negotiations');
    expect(ids).toContain(fixtures.negotiationA.documentId);
    expect(ids).not.toContain(fixtures.negotiationB.documentId);
    const owners: Array<{ owner: { id: number } | null }> = await strapi.db
      .query('api::negotiation.negotiation')
      .findMany({ where: { documentId: { $in: ids } }, populate: { owner: { select: ['id'] } } });
    expect(owners.every((row) => row.owner?.id === team.negotiatorA.id)).toBe(true);
  });

  it('négociateur lists only own contacts', async () => {
    const ids = await listedIds('negotiatorB', 'contacts');
    expect(ids).toContain(fixtures.contactB.documentId);
    expect(ids).not.toContain(fixtures.contactA.documentId);
  });

  it('négociateur lists propositions of own négos', async () => {
    expect(await listedIds('negotiatorA', 'propositions')).toContain(fixtures.propositionA.documentId);
    expect(await listedIds('negotiatorB', 'propositions')).not.toContain(fixtures.propositionA.documentId);
    expect(await listedIds('negotiatorB', 'reservations')).not.toContain(fixtures.reservationA.documentId);
    expect(await listedIds('negotiatorB', 'phase-changes')).not.toContain(fixtures.phaseChangeA.documentId);
  });

  it('director lists every négociateur', async () => {
    const ids = await listedIds('director', `negotiations?${onlyIds(fixtures.negotiationA, fixtures.negotiationB)}`);
    expect(ids).toEqual(expect.arrayContaining([fixtures.negotiationA.documentId, fixtures.negotiationB.documentId]));
  });

  it('public lists stock on sale only', async () => {
    const programmes = await listedIds('public', `programmes?${onlyIds(fixtures.programmeOnSale, fixtures.programmeEnded)}`);
    expect(programmes).toContain(fixtures.programmeOnSale.documentId);
    expect(programmes).not.toContain(fixtures.programmeEnded.documentId);

    const lots = await listedIds('public', `lots?${onlyIds(fixtures.availableLot, fixtures.soldLot)}`);
    expect(lots).toContain(fixtures.availableLot.documentId);
    expect(lots).not.toContain(fixtures.soldLot.documentId);
  });
});

type ReadOnlyTarget = 'programmeOnSale' | 'programmeEnded' | 'availableLot' | 'soldLot' | 'phaseChangeA';

const READ_ONLY_TYPES: Array<{ path: string; targets: ReadOnlyTarget[] }> = [
  { path: 'programmes', targets: ['programmeOnSale', 'programmeEnded'] },
  { path: 'lots', targets: ['availableLot', 'soldLot'] },
  { path: 'phase-changes', targets: ['phaseChangeA'] },
];

function expectedReadOnlyStatus(caller: Caller, path: string, target: ReadOnlyTarget | null): number {
  if (caller === 'unlinkedAccount') return 403;
  if (caller === 'public') {
    if (path === 'phase-changes') return 403;
    return target === 'programmeEnded' || target === 'soldLot' ? 404 : 200;
  }
  if (caller === 'negotiatorB' && target === 'phaseChangeA') return 404;
  return 200;
}

const READ_ONLY_CASES = READ_ONLY_TYPES.flatMap((type) =>
  CALLERS.flatMap((caller) => [
    { type, caller, target: null as ReadOnlyTarget | null },
    ...type.targets.map((target) => ({ type, caller, target: target as ReadOnlyTarget | null })),
  ]),
);

describe('REST read-only types by caller', () => {
  it.each(READ_ONLY_CASES.map((entry) => [`${entry.type.path} ${entry.target ?? 'list'} by ${CALLER_LABELS[entry.caller]}`, entry] as const))(
    '%s',
    async (_label, { type, caller, target }) => {
      const path = target ? `/api/${type.path}/${fixtures[target].documentId}?populate=*` : `/api/${type.path}?populate=*`;
      const response = await send(caller, 'get', path);

      expect(response.status).toBe(expectedReadOnlyStatus(caller, type.path, target));
      await expectNoLeak(caller, response.body);
    },
  );

  it.each(READ_ONLY_TYPES.map((type) => [type.path]))('%s rejects writes', async (path) => {
    for (const caller of CALLERS) {
      const created = await send(caller, 'post', `/api/${path}`, { name: 'Nouveau' });
      expect(created.status).toBe(405);
      const targets: Record<string, Ref> = { programmes: fixtures.programmeOnSale, lots: fixtures.availableLot, 'phase-changes': fixtures.phaseChangeA };
      const target = targets[path];
      const updated = await send(caller, 'put', `/api/${path}/${target.documentId}`, { name: 'Changé' });
      expect(updated.status).toBe(405);
      const deleted = await send(caller, 'delete', `/api/${path}/${target.documentId}`);
      expect(deleted.status).toBe(405);
    }
  });
});

type StatusAction = 'close' | 'reopen';

function expectedActionStatus(caller: Caller): number {
  switch (caller) {
    case 'public':
    case 'readOnlyToken':
    case 'unlinkedAccount':
      return 403;
    case 'negotiatorB':
      return 404;
    case 'negotiatorA':
    case 'director':
      return 200;
  }
}

describe('REST négo actions by caller', () => {
  const cases = (['close', 'reopen'] as StatusAction[]).flatMap((action) => CALLERS.map((caller) => ({ action, caller })));

  it.each(cases.map((entry) => [`${entry.action} by ${CALLER_LABELS[entry.caller]}`, entry] as const))('%s', async (_label, { action, caller }) => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, await createContact(strapi, team.negotiatorA.id));
    if (action === 'reopen') await strapi.db.query('api::negotiation.negotiation').update({ where: { id: negotiation.id }, data: { negotiationStatus: 'closed' } });

    const response = await send(caller, 'post', `/api/negotiations/${negotiation.documentId}/${action}`);

    expect(response.status).toBe(expectedActionStatus(caller));
    await expectNoLeak(caller, response.body);
    const stored = await strapi.db.query('api::negotiation.negotiation').findOne({ where: { id: negotiation.id }, select: ['negotiationStatus'] });
    const before = action === 'close' ? 'open' : 'closed';
    const after = action === 'close' ? 'closed' : 'open';
    expect(stored.negotiationStatus).toBe(response.status === 200 ? after : before);
  });
});
