import type { Core } from '@strapi/strapi';
import { createApiToken, http, startStrapi, stopStrapi } from '../helpers/strapi';
import { createBuyer, createProgrammeWithLots } from '../helpers/fixtures';

let strapi: Core.Strapi;
let token: string;

beforeAll(async () => {
  strapi = await startStrapi();
  token = await createApiToken(strapi);
});

afterAll(async () => {
  await stopStrapi();
});

const CONTENDERS = 50;
const NEED = { purchaseType: 'main_residence', housingType: 't3', department: '64', city: 'Hendaye' } as const;

describe('reservation race on one lot', () => {
  it('gives the lot to exactly one of 50 négos', async () => {
    const { lots } = await createProgrammeWithLots(strapi, { lots: 1 });
    const lot = lots[0];

    const negotiations: string[] = [];
    for (let index = 0; index < CONTENDERS; index += 1) {
      const buyer = await createBuyer(strapi, `Concurrent${index}`);
      const negotiation = await strapi.documents('api::negotiation.negotiation').create({ data: { buyer: buyer.documentId, ...NEED } });
      await strapi.documents('api::proposition.proposition').create({ data: { negotiation: negotiation.documentId, lot: lot.documentId, answer: 'pending' } });
      negotiations.push(negotiation.documentId);
    }

    const responses = await Promise.all(
      negotiations.map((documentId) =>
        http(strapi)
          .post('/api/reservations')
          .set({ Authorization: `Bearer ${token}` })
          .send({ data: { negotiation: documentId, lots: [lot.documentId], contractPrice: 286000 } }),
      ),
    );

    const created = responses.filter((response) => response.status === 201);
    const conflicts = responses.filter((response) => response.status === 409);
    expect(created).toHaveLength(1);
    expect(conflicts).toHaveLength(CONTENDERS - 1);

    const winner = created[0].body.data;
    const winnerNegotiation = await strapi.db.query('api::reservation.reservation').findOne({
      where: { documentId: winner.documentId },
      populate: { negotiation: { select: ['documentId', 'subject'] } },
    });
    for (const response of conflicts) {
      expect(response.body.error.details.code).toBe('LOT_NOT_AVAILABLE');
      expect(response.body.error.details.lot.reference).toBe('A001');
      expect(response.body.error.details.heldBy.documentId).toBe(winnerNegotiation.negotiation.documentId);
      expect(response.body.error.message).toContain(`« ${winnerNegotiation.negotiation.subject} »`);
    }

    const activeHolds = await strapi.db.connection('lot_holds').where({ lot_id: lot.id }).whereNull('released_at');
    expect(activeHolds).toHaveLength(1);
    const reservations = await strapi.db.query('api::reservation.reservation').count({ where: { lots: { id: lot.id } } });
    expect(reservations).toBe(1);
    const stored = await strapi.db.query('api::lot.lot').findOne({ where: { id: lot.id }, select: ['salesStatus'] });
    expect(stored.salesStatus).toBe('reserved');
  });
});
