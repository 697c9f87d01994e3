import type { Core } from '@strapi/strapi';
import { ensureCrmRoles } from '../../src/access';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { adminLogin, apiLogin, createApiAccount, createStaffMember, type StaffMember } from './support/accounts';
import { bearer, errorCode, http } from './support/http';
import { findLeaks } from './support/leaks';
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
import { createSalesTeam, ownedDocumentIds, type SalesTeam } from './support/team';

// The admin panel's content-manager API for the two sales roles, after `POST /admin/login`:
// the expected status of each action, then a scan of every body for leaks.

let strapi: Core.Strapi;
let team: SalesTeam;
let sessions: Record<AdminCaller, string>;

type AdminCaller = 'negotiatorA' | 'negotiatorB' | 'director';
const ADMIN_CALLERS: AdminCaller[] = ['negotiatorA', 'negotiatorB', 'director'];
const LABELS: Record<AdminCaller, string> = { negotiatorA: 'négociateur A', negotiatorB: 'négociateur B', director: 'directeur' };

interface Fixtures {
  contactA: Ref;
  negotiationA: Ref;
  propositionA: Ref;
  reservationA: Ref;
  activityA: Ref;
  phaseChangeA: Ref;
  programme: Ref;
  lot: Ref;
}

let fixtures: Fixtures;

beforeAll(async () => {
  strapi = await startStrapi();
  team = await createSalesTeam(strapi);
  sessions = {
    negotiatorA: await adminLogin(strapi, team.negotiatorA.email),
    negotiatorB: await adminLogin(strapi, team.negotiatorB.email),
    director: await adminLogin(strapi, team.director.email),
  };

  const a = team.negotiatorA.id;
  const contactA = await createContact(strapi, a);
  const negotiationA = await createNegotiation(strapi, a, contactA);
  const propositionA = await createProposition(strapi, negotiationA, await createFreeLot(strapi));
  const reserved = await createReservedNegotiation(strapi, a);
  const phaseChange = await strapi.db.query('api::phase-change.phase-change').findOne({ where: { negotiation: { id: negotiationA.id } } });
  const stock = await createProgramme(strapi, 'selling', ['available']);
  fixtures = {
    contactA,
    negotiationA,
    propositionA,
    reservationA: reserved.reservation,
    activityA: await createActivity(strapi, a, negotiationA, contactA),
    phaseChangeA: { id: Number(phaseChange.id), documentId: phaseChange.documentId },
    programme: stock.programme,
    lot: stock.lots[0],
  };
});

afterAll(async () => {
  await stopStrapi();
});

const CM = '/content-manager/collection-types';

function staff(caller: AdminCaller): StaffMember {
  return team[caller];
}

async function send(caller: AdminCaller, method: 'get' | 'post' | 'put' | 'delete', path: string, body?: Record<string, unknown>) {
  const request = http(strapi)[method](path).set(bearer(sessions[caller]));
  return body === undefined ? request : request.send(body);
}

async function expectNoLeak(caller: AdminCaller, body: unknown) {
  const self = staff(caller);
  const others = [team.negotiatorA, team.negotiatorB, team.director].filter((member) => member !== self);
  const owned = await ownedDocumentIds(strapi, self.id);
  const leaks = findLeaks(body, {
    forbiddenEmails: others.flatMap((member) => [member.email, member.apiEmail]),
    sensitiveAllowed: caller === 'director' ? null : (documentId) => owned.has(documentId),
  });
  expect(leaks).toEqual([]);
}

type Action = 'list' | 'read' | 'create' | 'update' | 'delete';

interface CrmType {
  uid: string;
  target: () => Ref;
  disposable: () => Promise<Ref>;
  createBody: (caller: AdminCaller) => Promise<Record<string, unknown>>;
  updateBody: Record<string, unknown>;
}

const CRM_TYPES: CrmType[] = [
  {
    uid: 'api::contact.contact',
    target: () => fixtures.contactA,
    disposable: () => createContact(strapi, team.negotiatorA.id),
    createBody: async () => ({ lastName: 'Irigoyen', firstName: 'Maite', contactType: 'prospect' }),
    updateBody: { notes: 'Préfère être appelée le soir.' },
  },
  {
    uid: 'api::negotiation.negotiation',
    target: () => fixtures.negotiationA,
    disposable: async () => createNegotiation(strapi, team.negotiatorA.id, await createContact(strapi, team.negotiatorA.id)),
    createBody: async (caller) => ({ buyer: { connect: [{ documentId: (await createContact(strapi, staff(caller).id)).documentId }] }, purchaseType: 'main_residence' }),
    updateBody: { notes: 'Second rendez-vous fixé.' },
  },
  {
    uid: 'api::proposition.proposition',
    target: () => fixtures.propositionA,
    disposable: async () => createProposition(strapi, fixtures.negotiationA, await createFreeLot(strapi)),
    createBody: async (caller) => {
      const owner = staff(caller).id;
      const negotiation = await createNegotiation(strapi, owner, await createContact(strapi, owner));
      const lot = await createFreeLot(strapi);
      return { negotiation: { connect: [{ documentId: negotiation.documentId }] }, lot: { connect: [{ documentId: lot.documentId }] }, answer: 'pending' };
    },
    updateBody: { notes: 'Le client hésite avec le lot voisin.' },
  },
  {
    uid: 'api::reservation.reservation',
    target: () => fixtures.reservationA,
    disposable: async () => (await createReservedNegotiation(strapi, team.negotiatorA.id)).reservation,
    createBody: async (caller) => {
      const ready = await createNegotiationReadyToReserve(strapi, staff(caller).id);
      return {
        negotiation: { connect: [{ documentId: ready.negotiation.documentId }] },
        lots: { connect: [{ documentId: ready.lot.documentId }] },
        contractPrice: 266000,
      };
    },
    updateBody: { notes: 'Notaire de l’acquéreur confirmé.' },
  },
  {
    uid: 'api::activity.activity',
    target: () => fixtures.activityA,
    disposable: () => createActivity(strapi, team.negotiatorA.id, null, null),
    createBody: async () => ({ kind: 'task', subject: 'Envoyer la notice descriptive', priority: 'normal' }),
    updateBody: { outcome: 'Notice envoyée.' },
  },
];

const SUCCESS: Record<Action, number> = { list: 200, read: 200, create: 201, update: 200, delete: 200 };

/** The admin panel rejects a record outside the role's condition with 403, as Strapi does. */
function expectedStatus(caller: AdminCaller, action: Action): number {
  if (caller === 'negotiatorB' && (action === 'read' || action === 'update' || action === 'delete')) return 403;
  return SUCCESS[action];
}

const CASES = CRM_TYPES.flatMap((type) => ADMIN_CALLERS.flatMap((caller) => (['list', 'read', 'create', 'update', 'delete'] as Action[]).map((action) => ({ type, caller, action }))));

describe('content-manager CRM types by role', () => {
  it.each(CASES.map((entry) => [`${entry.type.uid} ${entry.action} by ${LABELS[entry.caller]}`, entry] as const))('%s', async (_label, { type, caller, action }) => {
    const base = `${CM}/${type.uid}`;
    let response;
    switch (action) {
      case 'list':
        response = await send(caller, 'get', `${base}?pageSize=100`);
        break;
      case 'read':
        response = await send(caller, 'get', `${base}/${type.target().documentId}`);
        break;
      case 'create':
        response = await send(caller, 'post', base, await type.createBody(caller));
        break;
      case 'update':
        response = await send(caller, 'put', `${base}/${type.target().documentId}`, type.updateBody);
        break;
      case 'delete':
        response = await send(caller, 'delete', `${base}/${(await type.disposable()).documentId}`);
        break;
    }

    expect(response.status).toBe(expectedStatus(caller, action));
    await expectNoLeak(caller, response.body);
  });

  it.each(ADMIN_CALLERS.map((caller) => [LABELS[caller], caller] as const))('list scope of %s', async (_label, caller) => {
    // Other files' négos share the database, so the list asks for négo A alone: the role's
    // scope decides whether it comes back.
    const response = await send(
      caller,
      'get',
      `${CM}/api::negotiation.negotiation?pageSize=100&filters[$and][0][documentId][$eq]=${fixtures.negotiationA.documentId}`,
    );
    const ids: string[] = response.body.results.map((record: { documentId: string }) => record.documentId);
    if (caller === 'negotiatorB') expect(ids).not.toContain(fixtures.negotiationA.documentId);
    else expect(ids).toContain(fixtures.negotiationA.documentId);

    const propositions = await send(
      caller,
      'get',
      `${CM}/api::proposition.proposition?pageSize=100&filters[$and][0][documentId][$eq]=${fixtures.propositionA.documentId}`,
    );
    const propositionIds: string[] = propositions.body.results.map((record: { documentId: string }) => record.documentId);
    expect(propositionIds.includes(fixtures.propositionA.documentId)).toBe(caller !== 'negotiatorB');
  });
});

describe('admin home page widgets', () => {
  it.each(['update', 'publish'])('recent documents (%s) keep to own records', async (action) => {
    const response = await send('negotiatorB', 'get', `/content-manager/homepage/recent-documents?action=${action}`);

    expect(response.status).toBe(200);
    const body = JSON.stringify(response.body);
    for (const record of [fixtures.contactA, fixtures.negotiationA, fixtures.propositionA, fixtures.activityA]) expect(body).not.toContain(record.documentId);
    await expectNoLeak('negotiatorB', response.body);
  });
});

describe('content-manager stock and history by role', () => {
  it.each(ADMIN_CALLERS.map((caller) => [LABELS[caller], caller] as const))('%s reads programmes and lots', async (_label, caller) => {
    for (const [uid, record] of [
      ['api::programme.programme', fixtures.programme],
      ['api::lot.lot', fixtures.lot],
    ] as const) {
      const list = await send(caller, 'get', `${CM}/${uid}`);
      expect(list.status).toBe(200);
      const one = await send(caller, 'get', `${CM}/${uid}/${record.documentId}`);
      expect(one.status).toBe(200);
      await expectNoLeak(caller, one.body);

      const created = await send(caller, 'post', `${CM}/${uid}`, { name: 'Programme pirate', gpsCode: 'X' });
      expect(created.status).toBe(403);
      const deleted = await send(caller, 'delete', `${CM}/${uid}/${record.documentId}`);
      expect(deleted.status).toBe(403);
    }
  });

  it('phase history follows the négo owner', async () => {
    const path = `${CM}/api::phase-change.phase-change/${fixtures.phaseChangeA.documentId}`;
    expect((await send('negotiatorA', 'get', path)).status).toBe(200);
    expect((await send('negotiatorB', 'get', path)).status).toBe(403);
    expect((await send('director', 'get', path)).status).toBe(200);
  });
});

describe('négo deletion past the reservation', () => {
  it('négociateur cannot delete a reserved négo', async () => {
    const { negotiation } = await createReservedNegotiation(strapi, team.negotiatorA.id);

    const response = await send('negotiatorA', 'delete', `${CM}/api::negotiation.negotiation/${negotiation.documentId}`);

    expect(response.status).toBe(403);
    expect(errorCode(response.body)).toBe('NEGOTIATION_DELETE_FORBIDDEN');
    expect(response.body.error.message).toContain('un négociateur ne peut plus la supprimer');
    expect(await strapi.db.query('api::negotiation.negotiation').count({ where: { id: negotiation.id } })).toBe(1);
  });

  it('négociateur cannot bulk delete a won négo', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, await createContact(strapi, team.negotiatorA.id));
    await strapi.db.query('api::negotiation.negotiation').update({ where: { id: negotiation.id }, data: { negotiationStatus: 'won', phase: 'deed' } });

    const response = await send('negotiatorA', 'post', `${CM}/api::negotiation.negotiation/actions/bulkDelete`, { documentIds: [negotiation.documentId] });

    expect(response.status).toBe(403);
    expect(errorCode(response.body)).toBe('NEGOTIATION_DELETE_FORBIDDEN');
    expect(await strapi.db.query('api::negotiation.negotiation').count({ where: { id: negotiation.id } })).toBe(1);
  });

  it('négociateur cannot delete through REST either', async () => {
    const { negotiation } = await createReservedNegotiation(strapi, team.negotiatorA.id);

    const response = await http(strapi).delete(`/api/negotiations/${negotiation.documentId}`).set(bearer(team.tokens.negotiatorA));

    expect(response.status).toBe(403);
    expect(errorCode(response.body)).toBe('NEGOTIATION_DELETE_FORBIDDEN');
  });

  it('director deletes a reserved négo', async () => {
    const { negotiation } = await createReservedNegotiation(strapi, team.negotiatorA.id);

    const response = await send('director', 'delete', `${CM}/api::negotiation.negotiation/${negotiation.documentId}`);

    expect(response.status).toBe(200);
    expect(await strapi.db.query('api::negotiation.negotiation').count({ where: { id: negotiation.id } })).toBe(0);
  });

  it('négociateur deletes a négo still in need', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, await createContact(strapi, team.negotiatorA.id));

    const response = await send('negotiatorA', 'delete', `${CM}/api::negotiation.negotiation/${negotiation.documentId}`);

    expect(response.status).toBe(200);
  });
});

describe('owner assignment in the admin panel', () => {
  async function ownerOf(uid: 'api::contact.contact' | 'api::negotiation.negotiation' | 'api::activity.activity', documentId: string) {
    const row = await strapi.db.query(uid).findOne({ where: { documentId }, populate: { owner: { select: ['id'] } } });
    return row?.owner?.id ?? null;
  }

  it('négociateur becomes owner of what they create', async () => {
    const response = await send('negotiatorB', 'post', `${CM}/api::contact.contact`, {
      lastName: 'Etchart',
      owner: { connect: [{ id: team.negotiatorA.id }] },
    });

    expect(response.status).toBe(201);
    expect(await ownerOf('api::contact.contact', response.body.data.documentId)).toBe(team.negotiatorB.id);
  });

  it('négociateur cannot reassign their négo', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, await createContact(strapi, team.negotiatorA.id));

    const response = await send('negotiatorA', 'put', `${CM}/api::negotiation.negotiation/${negotiation.documentId}`, {
      owner: { connect: [{ id: team.negotiatorB.id }] },
    });

    expect(response.status).toBe(200);
    expect(await ownerOf('api::negotiation.negotiation', negotiation.documentId)).toBe(team.negotiatorA.id);
  });

  it('director reassigns a négo', async () => {
    const negotiation = await createNegotiation(strapi, team.negotiatorA.id, await createContact(strapi, team.negotiatorA.id));

    const response = await send('director', 'put', `${CM}/api::negotiation.negotiation/${negotiation.documentId}`, {
      owner: { connect: [{ id: team.negotiatorB.id }] },
    });

    expect(response.status).toBe(200);
    expect(await ownerOf('api::negotiation.negotiation', negotiation.documentId)).toBe(team.negotiatorB.id);
  });

  it('director is owner when none is chosen', async () => {
    const response = await send('director', 'post', `${CM}/api::activity.activity`, { kind: 'call', subject: 'Point hebdomadaire', priority: 'low' });

    expect(response.status).toBe(201);
    expect(await ownerOf('api::activity.activity', response.body.data.documentId)).toBe(team.director.id);
  });

  it('négociateur cannot link a colleague’s négo', async () => {
    const negotiationB = await createNegotiation(strapi, team.negotiatorB.id, await createContact(strapi, team.negotiatorB.id));
    const lot = await createFreeLot(strapi);

    const response = await send('negotiatorA', 'post', `${CM}/api::proposition.proposition`, {
      negotiation: { connect: [{ documentId: negotiationB.documentId }] },
      lot: { connect: [{ documentId: lot.documentId }] },
      answer: 'pending',
    });

    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe('RELATED_RECORD_NOT_FOUND');
    expect(await strapi.db.query('api::proposition.proposition').count({ where: { lot: { id: lot.id } } })).toBe(0);
  });
});

describe('ready-made admin lists', () => {
  const openNegotiationsOf = (staffId: number) =>
    `${CM}/api::negotiation.negotiation?page=1&pageSize=100&filters[$and][0][owner][id][$eq]=${staffId}&filters[$and][1][negotiationStatus][$eq]=open`;

  it('director filters open négos of a négociateur', async () => {
    const open = await createNegotiation(strapi, team.negotiatorB.id, await createContact(strapi, team.negotiatorB.id));
    const closed = await createNegotiation(strapi, team.negotiatorB.id, await createContact(strapi, team.negotiatorB.id));
    await strapi.db.query('api::negotiation.negotiation').update({ where: { id: closed.id }, data: { negotiationStatus: 'closed' } });

    const response = await send('director', 'get', openNegotiationsOf(team.negotiatorB.id));

    expect(response.status).toBe(200);
    const ids: string[] = response.body.results.map((record: { documentId: string }) => record.documentId);
    expect(ids).toContain(open.documentId);
    expect(ids).not.toContain(closed.documentId);
    expect(ids).not.toContain(fixtures.negotiationA.documentId);
  });

  it('négociateur link shows own open négos', async () => {
    const response = await send('negotiatorA', 'get', openNegotiationsOf(team.negotiatorA.id));

    expect(response.status).toBe(200);
    const ids: string[] = response.body.results.map((record: { documentId: string }) => record.documentId);
    expect(ids).toContain(fixtures.negotiationA.documentId);
  });
});

describe('admin accounts and roles', () => {
  it('négociateur cannot edit a colleague', async () => {
    const response = await send('negotiatorA', 'put', `/admin/users/${team.negotiatorB.id}`, { firstname: 'Pirate' });
    expect(response.status).toBe(403);
    const stored = await strapi.db.query('admin::user').findOne({ where: { id: team.negotiatorB.id }, select: ['firstname'] });
    expect(stored.firstname).toBe(team.negotiatorB.firstname);
  });

  it('négociateur cannot change own roles', async () => {
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();

    const viaProfile = await send('negotiatorA', 'put', '/admin/users/me', { roles: [superAdmin.id] });
    const viaUsers = await send('negotiatorA', 'put', `/admin/users/${team.negotiatorA.id}`, { roles: [superAdmin.id] });

    // The profile endpoint rejects or ignores `roles`, depending on the Strapi version.
    expect([200, 400]).toContain(viaProfile.status);
    expect(viaUsers.status).toBe(403);
    const stored = await strapi.db.query('admin::user').findOne({ where: { id: team.negotiatorA.id }, populate: { roles: { select: ['code'] } } });
    expect(stored.roles.map((role: { code: string }) => role.code)).toEqual(['crm-negotiator']);
  });

  it('négociateur cannot list staff or roles', async () => {
    expect((await send('negotiatorA', 'get', '/admin/users')).status).toBe(403);
    expect((await send('negotiatorA', 'get', '/admin/roles')).status).toBe(403);
  });

  it('director lists staff without e-mails', async () => {
    const response = await send('director', 'get', '/admin/users?pageSize=100');

    expect(response.status).toBe(200);
    await expectNoLeak('director', response.body);
    expect(JSON.stringify(response.body)).toContain(team.negotiatorA.firstname);
  });

  it('owner picker lists staff without e-mails', async () => {
    const response = await send('director', 'get', `/content-manager/relations/api::negotiation.negotiation/owner?pageSize=50`);

    expect(response.status).toBe(200);
    await expectNoLeak('director', response.body);
  });

  it('own profile keeps own e-mail', async () => {
    const response = await send('negotiatorA', 'get', '/admin/users/me');

    expect(response.status).toBe(200);
    expect(response.body.data.email).toBe(team.negotiatorA.email);
  });
});

describe('REST account linked by an administrator', () => {
  it('links an account to its staff member', async () => {
    const administrator = await createStaffMember(strapi, 'strapi-super-admin', 'Iker');
    const newcomer = await createStaffMember(strapi, 'crm-negotiator', 'Nerea');
    const account = await createApiAccount(strapi, 'nerea-field', null);
    const session = await adminLogin(strapi, administrator.email);
    const path = `${CM}/plugin::users-permissions.user/${await documentIdOfAccount(account.id)}`;

    const before = await http(strapi).get('/api/negotiations').set(bearer(await apiLogin(strapi, account.username)));
    const linked = await http(strapi).put(path).set(bearer(session)).send({ staffMember: { connect: [{ id: newcomer.id }] } });
    const after = await http(strapi).get('/api/negotiations').set(bearer(await apiLogin(strapi, account.username)));

    expect(errorCode(before.body)).toBe('STAFF_ACCOUNT_REQUIRED');
    expect(linked.status).toBe(200);
    expect(after.status).toBe(200);
  });
});

async function documentIdOfAccount(accountId: number): Promise<string> {
  const row = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: accountId }, select: ['documentId'] });
  return row.documentId;
}

describe('CRM role permissions at start', () => {
  async function permissionRows(code: string) {
    return strapi.db.query('admin::permission').findMany({ where: { role: { code } }, select: ['id', 'action', 'subject', 'conditions'], orderBy: { id: 'asc' } });
  }

  it('second start changes nothing', async () => {
    const before = await permissionRows('crm-negotiator');

    await ensureCrmRoles(strapi);

    expect(await permissionRows('crm-negotiator')).toEqual(before);
  });

  it('start restores edited permissions', async () => {
    const before = await permissionRows('crm-negotiator');
    const read = before.find((row: { action: string; subject: string }) => row.action === 'plugin::content-manager.explorer.read' && row.subject === 'api::negotiation.negotiation');
    await strapi.db.query('admin::permission').update({ where: { id: read.id }, data: { conditions: [] } });
    const role = await strapi.db.query('admin::role').findOne({ where: { code: 'crm-negotiator' } });
    await strapi.db.query('admin::permission').create({
      data: { action: 'plugin::content-manager.explorer.delete', subject: 'api::programme.programme', role: role.id, conditions: [], properties: {} },
    });

    await ensureCrmRoles(strapi);

    const after = await permissionRows('crm-negotiator');
    expect(after.map((row: { action: string; subject: string; conditions: string[] }) => [row.action, row.subject, row.conditions]).sort()).toEqual(
      before.map((row: { action: string; subject: string; conditions: string[] }) => [row.action, row.subject, row.conditions]).sort(),
    );
  });

  it('négociateur permissions carry the owner condition', async () => {
    const rows = await permissionRows('crm-negotiator');
    const conditional = rows.filter((row: { subject: string }) => !['api::programme.programme', 'api::lot.lot'].includes(row.subject));

    expect(conditional.length).toBe(21);
    for (const row of conditional) expect(row.conditions).toHaveLength(1);
  });

  it('GPS sync pages follow the roles', async () => {
    expect((await send('director', 'get', '/gps-sync/status')).status).toBe(200);
    expect((await send('negotiatorA', 'get', '/gps-sync/status')).status).toBe(403);
    expect((await send('negotiatorA', 'post', '/gps-sync/run', {})).status).toBe(403);
  });

  it('director may run the GPS sync', async () => {
    const rows = await permissionRows('crm-sales-director');
    const actions = rows.map((row: { action: string }) => row.action);

    expect(actions).toContain('plugin::gps-sync.run');
    expect(actions).toContain('plugin::gps-sync.read');
    expect(actions).toContain('admin::users.read');
  });
});
