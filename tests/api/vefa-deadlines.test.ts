import type { Core } from '@strapi/strapi';
import { createApiToken, http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createBuyer, createProgrammeWithLots } from '../helpers/fixtures';
import { addDays, addMonths } from '../../src/domain/vefa';
import { DEADLINES_LOCK_KEY, runDailyDeadlineJob } from '../../src/sales/deadline-jobs';
import { parisToday } from '../../src/sales/paris-time';

let strapi: Core.Strapi;
let token: string;

beforeAll(async () => {
  strapi = await startStrapi();
  token = await createApiToken(strapi, { name: 'Échéances VEFA' });
});

afterAll(async () => {
  await stopStrapi();
});

const auth = () => ({ Authorization: `Bearer ${token}` });

const NEED = { purchaseType: 'main_residence', housingType: 't3', department: '64', city: 'Hendaye' };

/**
 * Saves run the rules as of the real day in Paris, so the dates of these tests are relative to
 * it. The daily job takes its day as an argument and is called with a fixed one.
 */
const TODAY = parisToday();
const inDays = (days: number) => addDays(TODAY, days);
const inMonths = (months: number) => addMonths(TODAY, months);

interface StoredDeadline {
  code: string;
  contactId?: string;
  dueDate: string | null;
  state: string;
  stateLabel: string;
  label: string;
  explanation: string;
  warnings: string[];
}

interface DeadlineTask {
  deadlineKey: string;
  subject: string;
  activityStatus: string;
  priority: string;
  dueAt: string | null;
}

async function post(path: string, data: Record<string, unknown>) {
  return http(strapi).post(`/api/${path}`).set(auth()).send({ data });
}

async function put(path: string, data: Record<string, unknown>) {
  return http(strapi).put(`/api/${path}`).set(auth()).send({ data });
}

async function negotiationRow(documentId: string) {
  return strapi.db.query('api::negotiation.negotiation').findOne({ where: { documentId } });
}

async function storedDeadlines(documentId: string): Promise<StoredDeadline[]> {
  return (await negotiationRow(documentId)).deadlines;
}

async function deadlineTasks(documentId: string): Promise<DeadlineTask[]> {
  return strapi.db.query('api::activity.activity').findMany({
    where: { negotiation: { documentId }, deadlineKey: { $notNull: true } },
    orderBy: [{ id: 'asc' }],
  });
}

function taskOf(tasks: DeadlineTask[], code: string): DeadlineTask {
  const task = tasks.find((candidate) => candidate.deadlineKey.split(':')[1] === code);
  if (task === undefined) throw new Error(`No ${code} task in ${JSON.stringify(tasks)}`);
  return task;
}

function deadlineOf(deadlines: StoredDeadline[], code: string): StoredDeadline {
  const deadline = deadlines.find((candidate) => candidate.code === code);
  if (deadline === undefined) throw new Error(`No ${code} deadline in ${JSON.stringify(deadlines)}`);
  return deadline;
}

async function lotStatus(documentId: string) {
  const lot = await strapi.db.query('api::lot.lot').findOne({ where: { documentId }, select: ['salesStatus'] });
  return lot?.salesStatus;
}

async function reservationCount(negotiationDocumentId: string) {
  return strapi.db.query('api::reservation.reservation').count({ where: { negotiation: { documentId: negotiationDocumentId } } });
}

/** Creates a négo with a lot proposed, ready for a reservation. */
async function negotiationReadyToReserve(extra: Record<string, unknown> = {}) {
  const buyer = await createBuyer(strapi, 'Durand');
  const { lots } = await createProgrammeWithLots(strapi, { lots: 1 });
  const created = await post('negotiations', { buyer: buyer.documentId, ...NEED, ...extra });
  expect(created.status).toBe(201);
  const negotiation = created.body.data;
  const proposed = await post('propositions', { negotiation: negotiation.documentId, lot: lots[0].documentId });
  expect(proposed.status).toBe(201);
  return { buyer, lot: lots[0], negotiation };
}

/** Builds the payload of a reservation signed today, with its deed planned in six months. */
function reservationData(negotiationId: string, lotId: string, extra: Record<string, unknown> = {}) {
  return {
    negotiation: negotiationId,
    lots: [lotId],
    contractPrice: 286000,
    deposit: 5720,
    signatureDate: TODAY,
    plannedDeedDate: inMonths(6),
    loanConditionDeadline: inDays(45),
    ...extra,
  };
}

describe('reservation legal checks', () => {
  it.each([
    ['deed within a year', { plannedDeedDate: inMonths(6) }, 20000, '5 % du prix, soit 14 300,00 €'],
    ['deed within two years', { plannedDeedDate: inMonths(18) }, 6000, '2 % du prix, soit 5 720,00 €'],
    ['no contract dates', { signatureDate: null, plannedDeedDate: null }, 15000, '5 % du prix, soit 14 300,00 €'],
  ])('rejects a deposit above the ceiling: %s', async (_case, dates, deposit, ceiling) => {
    const { negotiation, lot } = await negotiationReadyToReserve();

    const response = await post('reservations', { ...reservationData(negotiation.documentId, lot.documentId, dates), deposit });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('DEPOSIT_ABOVE_CEILING');
    expect(response.body.error.details.field).toBe('deposit');
    expect(response.body.error.message).toContain(ceiling);
    expect(response.body.error.message).toContain('art. R261-28 du CCH');
    expect(await reservationCount(negotiation.documentId)).toBe(0);
    expect(await lotStatus(lot.documentId)).toBe('available');
  });

  it('accepts a deposit at the ceiling', async () => {
    const { negotiation, lot } = await negotiationReadyToReserve();

    const response = await post('reservations', { ...reservationData(negotiation.documentId, lot.documentId), deposit: 14300 });

    expect(response.status).toBe(201);
    expect(await lotStatus(lot.documentId)).toBe('reserved');
  });

  it('rejects a loan condition shorter than a month', async () => {
    const { negotiation, lot } = await negotiationReadyToReserve();

    const response = await post('reservations', reservationData(negotiation.documentId, lot.documentId, { loanConditionDeadline: inDays(20) }));

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('LOAN_CONDITION_TOO_SHORT');
    expect(response.body.error.message).toContain('art. L313-41 du Code de la consommation');
    expect(await reservationCount(negotiation.documentId)).toBe(0);
    expect(await lotStatus(lot.documentId)).toBe('available');
  });

  it('keeps the stored loan condition on rejection', async () => {
    const { negotiation, lot } = await negotiationReadyToReserve();
    const created = await post('reservations', reservationData(negotiation.documentId, lot.documentId));
    expect(created.status).toBe(201);

    const response = await put(`reservations/${created.body.data.documentId}`, { loanConditionDeadline: inDays(10) });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('LOAN_CONDITION_TOO_SHORT');
    const row = await strapi.db.query('api::reservation.reservation').findOne({ where: { documentId: created.body.data.documentId } });
    expect(row.loanConditionDeadline).toBe(inDays(45));
  });

  it('skips the loan condition of a cash purchase', async () => {
    const { negotiation, lot } = await negotiationReadyToReserve({ cashPurchase: true });

    const response = await post('reservations', reservationData(negotiation.documentId, lot.documentId, { loanConditionDeadline: inDays(20) }));

    expect(response.status).toBe(201);
  });
});

describe('négo legal checks', () => {
  it('rejects a loan offer accepted before day 11', async () => {
    const { negotiation } = await negotiationReadyToReserve();

    const response = await put(`negotiations/${negotiation.documentId}`, {
      loanOfferReceivedDate: inDays(2),
      loanOfferAcceptanceDate: inDays(7),
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('LOAN_OFFER_ACCEPTED_TOO_EARLY');
    expect(response.body.error.details.field).toBe('loanOfferAcceptanceDate');
    expect(response.body.error.message).toContain('art. L313-34 du Code de la consommation');
    const row = await negotiationRow(negotiation.documentId);
    expect(row.loanOfferReceivedDate).toBeNull();
    expect(row.loanOfferAcceptanceDate).toBeNull();
  });

  it('accepts a loan offer accepted on day 11', async () => {
    const { negotiation } = await negotiationReadyToReserve();

    const response = await put(`negotiations/${negotiation.documentId}`, {
      loanOfferReceivedDate: inDays(2),
      loanOfferAcceptanceDate: inDays(13),
    });

    expect(response.status).toBe(200);
    expect(deadlineOf(response.body.data.deadlines, 'LOAN_OFFER_ACCEPTANCE').state).toBe('met');
  });

  it('flags a late draft deed without rejecting it', async () => {
    const { negotiation, lot } = await negotiationReadyToReserve();
    await post('reservations', reservationData(negotiation.documentId, lot.documentId, { plannedDeedDate: inDays(40) }));

    const response = await put(`negotiations/${negotiation.documentId}`, { draftDeedNotifiedDate: inDays(20) });

    expect(response.status).toBe(200);
    const draftDeed = deadlineOf(response.body.data.deadlines, 'DRAFT_DEED_NOTICE');
    expect(draftDeed.state).toBe('overdue');
    expect(draftDeed.stateLabel).toBe('dépassée');
    expect(draftDeed.warnings.join(' ')).toContain('art. R261-30 du CCH');
    expect((await negotiationRow(negotiation.documentId)).draftDeedNotifiedDate).toBe(inDays(20));
  });
});

describe('deadline tasks', () => {
  it('are not duplicated by repeated saves', async () => {
    const coBuyer = await createBuyer(strapi, 'Larralde');
    const { buyer, negotiation, lot } = await negotiationReadyToReserve();
    await put(`negotiations/${negotiation.documentId}`, { coBuyers: [coBuyer.documentId] });
    const reservation = await post(
      'reservations',
      reservationData(negotiation.documentId, lot.documentId, {
        buyerNotifications: [
          { contact: buyer.documentId, notificationDate: TODAY, notificationMethod: 'registered_letter' },
          { contact: coBuyer.documentId, notificationDate: inDays(1), notificationMethod: 'electronic_registered_letter' },
        ],
      }),
    );
    expect(reservation.status).toBe(201);
    const before = await deadlineTasks(negotiation.documentId);

    for (const notes of ['premier appel', 'deuxième appel', 'troisième appel']) {
      expect((await put(`negotiations/${negotiation.documentId}`, { notes })).status).toBe(200);
    }
    expect((await put(`reservations/${reservation.body.data.documentId}`, { notes: 'dossier complet' })).status).toBe(200);

    const after = await deadlineTasks(negotiation.documentId);
    const keys = (tasks: DeadlineTask[]) => tasks.map((task) => task.deadlineKey).sort();
    expect(keys(before)).toEqual([
      `${negotiation.documentId}:DRAFT_DEED_NOTICE`,
      `${negotiation.documentId}:LOAN_CONDITION`,
      ...[`${negotiation.documentId}:RETRACTION:${buyer.documentId}`, `${negotiation.documentId}:RETRACTION:${coBuyer.documentId}`].sort(),
    ]);
    expect(after).toHaveLength(before.length);
    expect(after.map((task) => task.deadlineKey)).toEqual(before.map((task) => task.deadlineKey));
    expect(after.map((task) => task.subject)).toEqual(
      expect.arrayContaining(['Fin du délai de rétractation de Maddi Durand', 'Fin du délai de rétractation de Maddi Larralde']),
    );
  });

  it('closes the retraction task on withdrawal', async () => {
    const { buyer, negotiation, lot } = await negotiationReadyToReserve();
    await post(
      'reservations',
      reservationData(negotiation.documentId, lot.documentId, {
        buyerNotifications: [{ contact: buyer.documentId, notificationDate: TODAY, notificationMethod: 'registered_letter' }],
      }),
    );
    expect(taskOf(await deadlineTasks(negotiation.documentId), 'RETRACTION').activityStatus).toBe('todo');

    const response = await put(`negotiations/${negotiation.documentId}`, { withdrawalDate: inDays(3), withdrawalReason: 'retraction' });

    expect(response.status).toBe(200);
    const tasks = await deadlineTasks(negotiation.documentId);
    expect(taskOf(tasks, 'RETRACTION').activityStatus).toBe('done');
    expect(taskOf(tasks, 'LOAN_CONDITION').activityStatus).toBe('cancelled');
    expect(taskOf(tasks, 'DRAFT_DEED_NOTICE').activityStatus).toBe('cancelled');
    expect(response.body.data.depositRefund).toContain('Dépôt de garantie de 5 720,00 €.');
    expect(response.body.data.depositRefund).toContain('le dépôt de garantie est restitué intégralement');
    expect((await negotiationRow(negotiation.documentId)).depositRefund).toBe(response.body.data.depositRefund);
  });

  it('rejects a second task with one key', async () => {
    const task = { kind: 'task', subject: 'Échéance', priority: 'normal', activityStatus: 'todo', deadlineKey: 'nego-test:LOAN_CONDITION' };
    await strapi.db.query('api::activity.activity').create({ data: task });

    await expect(strapi.db.query('api::activity.activity').create({ data: task })).rejects.toThrow();

    expect(await strapi.db.query('api::activity.activity').count({ where: { deadlineKey: task.deadlineKey } })).toBe(1);
  });

  it('gives the high priority to a deadline within 3 days', async () => {
    const { negotiation, lot } = await negotiationReadyToReserve();
    const signedEarlier = inDays(-40);
    await post(
      'reservations',
      reservationData(negotiation.documentId, lot.documentId, { signatureDate: signedEarlier, loanConditionDeadline: inDays(2) }),
    );

    const task = taskOf(await deadlineTasks(negotiation.documentId), 'LOAN_CONDITION');

    expect(task.priority).toBe('high');
    expect(task.activityStatus).toBe('todo');
  });
});

describe('négo without reservation', () => {
  it('keeps empty deadlines through updates', async () => {
    const { negotiation } = await negotiationReadyToReserve();
    expect(await storedDeadlines(negotiation.documentId)).toEqual([]);

    const updated = await put(`negotiations/${negotiation.documentId}`, { notes: 'rappel' });

    expect(updated.status).toBe(200);
    expect(updated.body.data.deadlines).toEqual([]);
    expect(await storedDeadlines(negotiation.documentId)).toEqual([]);
    expect(await deadlineTasks(negotiation.documentId)).toEqual([]);
  });

  it('gets deadlines once reserved', async () => {
    const { negotiation, lot } = await negotiationReadyToReserve();
    expect((await put(`negotiations/${negotiation.documentId}`, { notes: 'rappel' })).status).toBe(200);

    expect((await post('reservations', reservationData(negotiation.documentId, lot.documentId))).status).toBe(201);
    expect((await put(`negotiations/${negotiation.documentId}`, { notes: 'après la réservation' })).status).toBe(200);

    expect((await storedDeadlines(negotiation.documentId)).length).toBeGreaterThan(0);
    expect((await deadlineTasks(negotiation.documentId)).length).toBeGreaterThan(0);
  });
});

describe('deadlines over REST', () => {
  it('returns French labels and explanations', async () => {
    const { negotiation, lot } = await negotiationReadyToReserve();
    await post('reservations', reservationData(negotiation.documentId, lot.documentId, { notificationDate: TODAY }));

    const response = await http(strapi).get(`/api/negotiations/${negotiation.documentId}`).set(auth());

    expect(response.status).toBe(200);
    const deadlines: StoredDeadline[] = response.body.data.deadlines;
    expect(deadlines.map((deadline) => deadline.code)).toEqual(['RETRACTION', 'LOAN_CONDITION', 'DRAFT_DEED_NOTICE']);
    const loanCondition = deadlineOf(deadlines, 'LOAN_CONDITION');
    expect(loanCondition.label).toBe('Échéance de la condition suspensive de prêt');
    expect(loanCondition.dueDate).toBe(inDays(45));
    expect(loanCondition.stateLabel).toBe('à venir');
    expect(loanCondition.explanation).toContain('art. L313-41 du Code de la consommation');
    const retraction = deadlineOf(deadlines, 'RETRACTION');
    expect(retraction.label).toBe('Fin du délai de rétractation (Maddi Durand)');
    expect(retraction.warnings.join(' ')).toContain('Notification reprise du champ « Date de notification »');
  });

  it('rejects deadlines written by an API client', async () => {
    const { negotiation } = await negotiationReadyToReserve();

    const response = await put(`negotiations/${negotiation.documentId}`, { deadlines: [] });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('READ_ONLY_FIELD');
  });
});

describe('daily deadline job', () => {
  it('marks an overdue deadline', async () => {
    const { negotiation, lot } = await negotiationReadyToReserve();
    await post('reservations', reservationData(negotiation.documentId, lot.documentId));
    const before = taskOf(await deadlineTasks(negotiation.documentId), 'LOAN_CONDITION');
    expect(before.priority).toBe('normal');

    const run = await runDailyDeadlineJob(strapi, { today: inDays(46) });

    expect(run.outcome).toBe('done');
    const loanCondition = deadlineOf(await storedDeadlines(negotiation.documentId), 'LOAN_CONDITION');
    expect(loanCondition.state).toBe('overdue');
    expect(loanCondition.stateLabel).toBe('dépassée');
    const after = taskOf(await deadlineTasks(negotiation.documentId), 'LOAN_CONDITION');
    expect(after.priority).toBe('high');
    expect(after.activityStatus).toBe('todo');
    expect(after.dueAt).toBe(before.dueAt);
  });

  it('runs once per day', async () => {
    const first = await runDailyDeadlineJob(strapi, { today: inDays(60) });
    const second = await runDailyDeadlineJob(strapi, { today: inDays(60) });

    expect(first.outcome).toBe('done');
    expect(second.outcome).toBe('already_done');
  });

  it('skips while another instance holds the lock', async () => {
    // A second database session acts as another instance, because an advisory lock belongs to the session that took it.
    const knex = strapi.db.connection;
    const session: unknown = await knex.client.acquireConnection();
    try {
      const locked = await knex.raw('select pg_try_advisory_lock(?) as locked', [DEADLINES_LOCK_KEY]).connection(session);
      expect(locked.rows[0].locked).toBe(true);

      const run = await runDailyDeadlineJob(strapi, { today: inDays(61) });

      expect(run.outcome).toBe('locked');
    } finally {
      await knex.raw('select pg_advisory_unlock(?)', [DEADLINES_LOCK_KEY]).connection(session);
      await knex.client.releaseConnection(session);
    }
    expect((await runDailyDeadlineJob(strapi, { today: inDays(61) })).outcome).toBe('done');
  });
});

describe('admin configuration', () => {
  it('labels the buyer notification in French', async () => {
    const configuration = await strapi
      .plugin('content-manager')
      .service('components')
      .findConfiguration({ uid: 'sales.buyer-notification' });

    expect(configuration.metadatas.contact.edit.label).toBe('Acquéreur notifié');
    expect(configuration.metadatas.notificationMethod.edit.label).toBe('Mode de notification');
  });

  it('keeps raw deadlines off the form', async () => {
    const configuration = await strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration({ uid: 'api::negotiation.negotiation' });

    expect(configuration.metadatas.deadlines.edit.label).toBe('Échéances légales');
    expect(configuration.metadatas.deadlines.edit.editable).toBe(false);
    // The « Suivi de la négo » panel shows them in French; the form would show raw JSON.
    expect(configuration.layouts.edit.flat().map((field: { name: string }) => field.name)).not.toContain('deadlines');
  });
});
