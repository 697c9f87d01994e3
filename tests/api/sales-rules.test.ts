import type { Core } from '@strapi/strapi';
import { createApiToken, http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createBuyer, createProgrammeWithLots } from '../helpers/fixtures';
import { createLotHolds } from '../../src/sales/lot-holds';

let strapi: Core.Strapi;
let token: string;

beforeAll(async () => {
  strapi = await startStrapi();
  token = await createApiToken(strapi, { name: 'Site négociateurs' });
});

afterAll(async () => {
  await stopStrapi();
});

const auth = () => ({ Authorization: `Bearer ${token}` });

const NEED = { purchaseType: 'main_residence', housingType: 't3', department: '64', city: 'Hendaye' };
const FINANCING = {
  personalContribution: 40000,
  loanAmount: 250000,
  lender: 'Banque Populaire',
  loanApplicationDate: '2026-11-10',
  loanOfferIssueDate: '2026-11-25',
  loanOfferDeadline: '2026-12-20',
};

async function post(path: string, data: Record<string, unknown>) {
  return http(strapi).post(`/api/${path}`).set(auth()).send({ data });
}

async function put(path: string, data: Record<string, unknown>) {
  return http(strapi).put(`/api/${path}`).set(auth()).send({ data });
}

async function negotiationRow(documentId: string) {
  return strapi.db.query('api::negotiation.negotiation').findOne({ where: { documentId } });
}

async function lotStatus(documentId: string) {
  const lot = await strapi.db.query('api::lot.lot').findOne({ where: { documentId }, select: ['salesStatus'] });
  return lot?.salesStatus;
}

async function phaseHistory(documentId: string) {
  const negotiation = await negotiationRow(documentId);
  return strapi.db.query('api::phase-change.phase-change').findMany({
    where: { negotiation: { id: negotiation.id } },
    orderBy: [{ id: 'asc' }],
  });
}

async function negotiationReadyToReserve() {
  const buyer = await createBuyer(strapi);
  const { programme, lots } = await createProgrammeWithLots(strapi, { lots: 3 });
  const created = await post('negotiations', { buyer: buyer.documentId, ...NEED });
  const negotiation = created.body.data;
  const proposed = await post('propositions', { negotiation: negotiation.documentId, lot: lots[0].documentId, proposedOn: '2026-11-02' });
  expect(proposed.status).toBe(201);
  return { buyer, programme, lots, negotiation };
}

describe('négo phases through REST', () => {
  it('starts in need with what is missing', async () => {
    const buyer = await createBuyer(strapi, 'Ibarra');
    const response = await post('negotiations', { buyer: buyer.documentId });

    expect(response.status).toBe(201);
    expect(response.body.data.phase).toBe('need');
    expect(response.body.data.negotiationStatus).toBe('open');
    expect(response.body.data.subject).toMatch(/^Maddi Ibarra le \d{2}\/\d{2}\/\d{4}$/);
    expect(response.body.data.missingForNextPhase).toContain('Pour passer en Actions commerciales');

    const history = await phaseHistory(response.body.data.documentId);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fromPhase: null, toPhase: 'need', toStatus: 'open', source: 'api' });
    expect(history[0].actor).toBe("Jeton d'API « Site négociateurs »");
  });

  it('moves to commercial actions once the need is filled', async () => {
    const buyer = await createBuyer(strapi);
    const created = await post('negotiations', { buyer: buyer.documentId });
    const updated = await put(`negotiations/${created.body.data.documentId}`, NEED);

    expect(updated.status).toBe(200);
    expect(updated.body.data.phase).toBe('commercial_actions');
    expect(updated.body.data.missingForNextPhase).toBe('Pour passer en Réservation : proposer au moins un lot');
  });

  it('moves to reservation when a lot is proposed', async () => {
    const { negotiation } = await negotiationReadyToReserve();
    const row = await negotiationRow(negotiation.documentId);
    expect(row.phase).toBe('reservation');
  });

  it('passes several phases in one save', async () => {
    const buyer = await createBuyer(strapi);
    const { lots } = await createProgrammeWithLots(strapi, { lots: 1 });
    const created = await post('negotiations', { buyer: buyer.documentId });
    const documentId = created.body.data.documentId;
    await post('propositions', { negotiation: documentId, lot: lots[0].documentId });
    expect((await negotiationRow(documentId)).phase).toBe('need');

    const response = await put(`negotiations/${documentId}`, NEED);

    expect(response.body.data.phase).toBe('reservation');
    const lastSave = (await phaseHistory(documentId)).slice(-2);
    expect(lastSave.map((change: { fromPhase: string }) => change.fromPhase)).toEqual(['need', 'commercial_actions']);
    expect(lastSave.map((change: { toPhase: string }) => change.toPhase)).toEqual(['commercial_actions', 'reservation']);
    expect(lastSave[0].saveId).toBe(lastSave[1].saveId);
  });

  it('wins the sale and sells the lot at the deed', async () => {
    const { negotiation, lots } = await negotiationReadyToReserve();
    const reservation = await post('reservations', { negotiation: negotiation.documentId, lots: [lots[0].documentId], contractPrice: 286000, deposit: 5720 });
    expect(reservation.status).toBe(201);
    expect((await negotiationRow(negotiation.documentId)).phase).toBe('financing');

    const response = await put(`negotiations/${negotiation.documentId}`, { ...FINANCING, deedSignatureDate: '2026-12-01' });

    expect(response.status).toBe(200);
    expect(response.body.data.phase).toBe('deed');
    expect(response.body.data.negotiationStatus).toBe('won');
    expect(response.body.data.closedAt).not.toBeNull();
    const [last] = (await phaseHistory(negotiation.documentId)).slice(-1);
    expect(last).toMatchObject({ fromPhase: 'financing', toPhase: 'deed', fromStatus: 'open', toStatus: 'won' });
    expect(await lotStatus(lots[0].documentId)).toBe('sold');
  });

  it('moves back when a field is cleared', async () => {
    const { negotiation, lots } = await negotiationReadyToReserve();
    await post('reservations', { negotiation: negotiation.documentId, lots: [lots[0].documentId], contractPrice: 286000 });
    await put(`negotiations/${negotiation.documentId}`, FINANCING);
    expect((await negotiationRow(negotiation.documentId)).phase).toBe('deed');

    const response = await put(`negotiations/${negotiation.documentId}`, { lender: null });

    expect(response.body.data.phase).toBe('financing');
    expect(response.body.data.missingForNextPhase).toBe("Pour passer en Acte : renseigner l'organisme prêteur");
  });

  it('accepts a cash purchase with a contribution only', async () => {
    const { negotiation, lots } = await negotiationReadyToReserve();
    await post('reservations', { negotiation: negotiation.documentId, lots: [lots[0].documentId], contractPrice: 286000 });

    const response = await put(`negotiations/${negotiation.documentId}`, { cashPurchase: true, personalContribution: 286000 });

    expect(response.body.data.phase).toBe('deed');
  });

  it('withdrawal releases the reserved lot', async () => {
    const { negotiation, lots } = await negotiationReadyToReserve();
    await post('reservations', { negotiation: negotiation.documentId, lots: [lots[0].documentId], contractPrice: 286000 });
    expect(await lotStatus(lots[0].documentId)).toBe('reserved');

    const response = await put(`negotiations/${negotiation.documentId}`, { withdrawalDate: '2026-11-28', withdrawalReason: 'loan_refused' });

    expect(response.body.data.phase).toBe('withdrawal');
    expect(response.body.data.negotiationStatus).toBe('lost');
    expect(await lotStatus(lots[0].documentId)).toBe('available');
    const reservations = await strapi.db.query('api::reservation.reservation').findMany({ where: { negotiation: { documentId: negotiation.documentId } } });
    expect(reservations.map((r: { reservationStatus: string }) => r.reservationStatus)).toEqual(['cancelled']);
  });
});

describe('read-only fields over REST', () => {
  it.each([
    ['phase', 'deed'],
    ['negotiationStatus', 'won'],
    ['createdAt', '2020-01-01T00:00:00.000Z'],
  ])('rejects %s', async (field, value) => {
    const buyer = await createBuyer(strapi);
    const created = await post('negotiations', { buyer: buyer.documentId });

    const response = await put(`negotiations/${created.body.data.documentId}`, { [field]: value, city: 'Biarritz' });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('READ_ONLY_FIELD');
    expect(response.body.error.message).toContain("ne peuvent pas être modifiés par l'API");
    const row = await negotiationRow(created.body.data.documentId);
    expect(row.phase).toBe('need');
    expect(row.city).toBeNull();
  });

  it('rejects inconsistent loan dates', async () => {
    const buyer = await createBuyer(strapi);
    const created = await post('negotiations', { buyer: buyer.documentId });

    const response = await put(`negotiations/${created.body.data.documentId}`, { loanOfferIssueDate: '2027-02-10', loanOfferDeadline: '2027-02-03' });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('LOAN_OFFER_DEADLINE_BEFORE_ISSUE');
    expect(response.body.error.message).toContain('03/02/2027');
  });
});

describe('close and reopen', () => {
  it('closes an open négo and reopens it', async () => {
    const buyer = await createBuyer(strapi);
    const created = await post('negotiations', { buyer: buyer.documentId, ...NEED });
    const documentId = created.body.data.documentId;

    const closed = await http(strapi).post(`/api/negotiations/${documentId}/close`).set(auth());
    expect(closed.status).toBe(200);
    expect(closed.body.data.negotiationStatus).toBe('closed');
    expect(closed.body.data.phase).toBe('commercial_actions');
    expect(closed.body.data.closedAt).not.toBeNull();

    const again = await http(strapi).post(`/api/negotiations/${documentId}/close`).set(auth());
    expect(again.status).toBe(409);
    expect(again.body.error.details.code).toBe('NEGOTIATION_NOT_OPEN');

    const reopened = await http(strapi).post(`/api/negotiations/${documentId}/reopen`).set(auth());
    expect(reopened.status).toBe(200);
    expect(reopened.body.data.negotiationStatus).toBe('open');
    expect(reopened.body.data.closedAt).toBeNull();
  });

  it('refuses to close a négo with a reservation', async () => {
    const { negotiation, lots } = await negotiationReadyToReserve();
    await post('reservations', { negotiation: negotiation.documentId, lots: [lots[0].documentId], contractPrice: 286000 });

    const response = await http(strapi).post(`/api/negotiations/${negotiation.documentId}/close`).set(auth());

    expect(response.status).toBe(409);
    expect(response.body.error.details.code).toBe('NEGOTIATION_HAS_RESERVATION');
    expect((await negotiationRow(negotiation.documentId)).negotiationStatus).toBe('open');
  });

  it('answers 404 for an unknown négo', async () => {
    const response = await http(strapi).post('/api/negotiations/doesnotexist000000000000/close').set(auth());
    expect(response.status).toBe(404);
  });
});

describe('lot stock', () => {
  it('refuses to propose a reserved lot', async () => {
    const { lots } = await (async () => {
      const ready = await negotiationReadyToReserve();
      await post('reservations', { negotiation: ready.negotiation.documentId, lots: [ready.lots[0].documentId], contractPrice: 286000 });
      return ready;
    })();
    const other = await post('negotiations', { buyer: (await createBuyer(strapi, 'Urruty')).documentId, ...NEED });

    const response = await post('propositions', { negotiation: other.body.data.documentId, lot: lots[0].documentId });

    expect(response.status).toBe(409);
    expect(response.body.error.details.code).toBe('LOT_NOT_AVAILABLE');
    expect(response.body.error.message).toContain('Le lot A001');
    expect(response.body.error.message).toContain('réservé par la négo « Maddi Etxeberria le');
  });

  it('refuses a lot of another programme', async () => {
    const { negotiation } = await negotiationReadyToReserve();
    const elsewhere = await createProgrammeWithLots(strapi, { lots: 1, name: 'Villa Bidassoa' });

    const response = await post('reservations', { negotiation: negotiation.documentId, lots: [elsewhere.lots[0].documentId], contractPrice: 250000 });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('LOT_OTHER_PROGRAMME');
    expect(response.body.error.message).toContain('Villa Bidassoa');
    expect(await lotStatus(elsewhere.lots[0].documentId)).toBe('available');
    const count = await strapi.db.query('api::reservation.reservation').count({ where: { negotiation: { documentId: negotiation.documentId } } });
    expect(count).toBe(0);
  });

  it('cancelling a reservation releases its lots', async () => {
    const { negotiation, lots } = await negotiationReadyToReserve();
    const reservation = await post('reservations', { negotiation: negotiation.documentId, lots: [lots[0].documentId], contractPrice: 286000 });

    const response = await put(`reservations/${reservation.body.data.documentId}`, { reservationStatus: 'cancelled' });

    expect(response.status).toBe(200);
    expect(response.body.data.cancelledAt).not.toBeNull();
    expect(await lotStatus(lots[0].documentId)).toBe('available');
    expect((await negotiationRow(negotiation.documentId)).phase).toBe('reservation');
  });

  it('holds an option until it expires', async () => {
    const buyer = await createBuyer(strapi);
    const { lots } = await createProgrammeWithLots(strapi, { lots: 1 });
    const created = await post('negotiations', { buyer: buyer.documentId, ...NEED });
    const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);

    const optioned = await post('propositions', { negotiation: created.body.data.documentId, lot: lots[0].documentId, optionUntil: tomorrow });
    expect(optioned.status).toBe(201);
    expect(await lotStatus(lots[0].documentId)).toBe('optioned');

    const other = await post('negotiations', { buyer: (await createBuyer(strapi, 'Olano')).documentId, ...NEED });
    const refused = await post('propositions', { negotiation: other.body.data.documentId, lot: lots[0].documentId });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('optionné');

    await createLotHolds(strapi).releaseExpiredOptions(new Date(Date.now() + 3 * 86400000));
    expect(await lotStatus(lots[0].documentId)).toBe('available');
  });

  it('rejects an option longer than 30 days', async () => {
    const buyer = await createBuyer(strapi);
    const { lots } = await createProgrammeWithLots(strapi, { lots: 1 });
    const created = await post('negotiations', { buyer: buyer.documentId, ...NEED });

    const response = await post('propositions', { negotiation: created.body.data.documentId, lot: lots[0].documentId, optionUntil: '2099-01-01' });

    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('OPTION_DATE_INVALID');
    expect(await lotStatus(lots[0].documentId)).toBe('available');
  });
});
