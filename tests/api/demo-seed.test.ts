import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { http, startStrapi, stopStrapi } from '../helpers/strapi';
import { seedDemo } from '../../src/demo/seed';

let strapi: Core.Strapi;

beforeAll(async () => {
  strapi = await startStrapi();
});

afterAll(async () => {
  await stopStrapi();
});

const accounts = {
  admin: { email: 'demo-admin@example.com', password: 'Demo-Admin-2026' },
  negotiators: [
    { email: 'demo-nego-1@example.com', password: 'Demo-Nego-2026', firstname: 'Claire', lastname: 'Martin' },
    { email: 'demo-nego-2@example.com', password: 'Demo-Nego-2026', firstname: 'Julien', lastname: 'Bernard' },
  ],
};

const TABLES = ['admin_users', 'up_users', 'contacts', 'negotiations', 'propositions', 'reservations', 'activities', 'programmes', 'lots', 'phase_changes', 'lot_holds'];

async function counts() {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await strapi.db.connection(table).count({ total: '*' });
    result[table] = Number(row.total);
  }
  return result;
}

describe('demo seed', () => {
  it('loads the demo once and nothing more on a second run', async () => {
    const before = await counts();
    // The test database holds other files' programmes, which the sample, a full snapshot, would
    // withdraw in bulk: the withdrawal guard would stop the import without force.
    const options = { accounts, gpsSourceDir: path.resolve(__dirname, '..', '..', 'data', 'gps-hendaye'), gpsForce: true };

    const first = await seedDemo(strapi, options);
    const afterFirst = await counts();
    const second = await seedDemo(strapi, options);
    const afterSecond = await counts();

    expect(['success', 'partial']).toContain(first.gpsRunStatus);
    // The administrator, two négociateurs and their two REST accounts.
    expect(first.created.users).toBe(5);
    expect(first.created.contacts).toBe(32);
    expect(first.created.negotiations).toBe(40);
    expect(first.created.activities).toBeGreaterThan(20);
    const [programmes] = await strapi.db.connection('programmes').where('gps_code', 'like', 'HEN-%').count({ total: '*' });
    const [lots] = await strapi.db.connection('lots').where('programme_code', 'like', 'HEN-%').count({ total: '*' });
    expect(Number(programmes.total)).toBe(35);
    expect(Number(lots.total)).toBe(676);
    expect(afterFirst.negotiations - before.negotiations).toBe(40);

    expect(second.created).toEqual({ users: 0, contacts: 0, negotiations: 0, activities: 0 });
    expect(afterSecond).toEqual(afterFirst);
  });

  it('lets a négociateur use the REST API with the demo password', async () => {
    const login = await http(strapi).post('/api/auth/local').send({ identifier: 'demo-nego-1', password: 'Demo-Nego-2026' });
    expect(login.status).toBe(200);

    const mine = await http(strapi).get('/api/negotiations?mine=true').set('Authorization', `Bearer ${login.body.jwt}`);

    expect(mine.status).toBe(200);
    expect(mine.body.meta.pagination.total).toBeGreaterThan(0);
  });

  it('spreads the négos over every phase and status', async () => {
    const rows: Array<{ phase: string; status: string }> = await strapi.db.connection('negotiations').select('phase', 'negotiation_status as status');
    const phases = new Set(rows.map((row) => row.phase));
    const statuses = new Set(rows.map((row) => row.status));

    for (const phase of ['need', 'commercial_actions', 'reservation', 'financing', 'deed', 'withdrawal']) {
      expect(phases).toContain(phase);
    }
    for (const status of ['open', 'won', 'lost', 'closed']) {
      expect(statuses).toContain(status);
    }
  });

  it('reserves and sells lots through the sales rules', async () => {
    const reserved = await strapi.db.connection('lots').where('sales_status', 'reserved').count({ total: '*' });
    const activeHolds = await strapi.db.connection('lot_holds').whereNull('released_at').count({ total: '*' });
    expect(Number(reserved[0].total)).toBeGreaterThan(0);
    expect(Number(activeHolds[0].total)).toBeGreaterThan(0);
  });
});
