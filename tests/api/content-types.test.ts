import type { Core } from '@strapi/strapi';
import { isPostgres, startStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;

beforeAll(async () => {
  strapi = await startStrapi();
});

afterAll(async () => {
  await stopStrapi();
});

const CRM_TYPES = [
  'api::programme.programme',
  'api::lot.lot',
  'api::contact.contact',
  'api::negotiation.negotiation',
  'api::proposition.proposition',
  'api::reservation.reservation',
  'api::activity.activity',
  'api::phase-change.phase-change',
] as const;

describe('content types', () => {
  it.each(CRM_TYPES)('%s exists without draft and publish', (uid) => {
    const contentType = strapi.contentType(uid);
    expect(contentType).toBeDefined();
    expect(contentType.options?.draftAndPublish).toBe(false);
  });

  it('lot belongs to a programme', () => {
    const attribute = strapi.contentType('api::lot.lot').attributes.programme;
    expect(attribute).toMatchObject({ type: 'relation', relation: 'manyToOne', target: 'api::programme.programme' });
  });

  it('négo owner is a staff member', () => {
    const attribute = strapi.contentType('api::negotiation.negotiation').attributes.owner;
    expect(attribute).toMatchObject({ type: 'relation', relation: 'manyToOne', target: 'admin::user' });
  });
});

describe('admin configuration', () => {
  it('labels négo fields in French', async () => {
    const configuration = await strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration({ uid: 'api::negotiation.negotiation' });
    expect(configuration.metadatas.phase.edit.label).toBe('Phase de vente');
    expect(configuration.metadatas.phase.edit.editable).toBe(false);
    expect(configuration.metadatas.buyer.list.label).toBe('Prospect');
    expect(configuration.layouts.list).toEqual(['subject', 'buyer', 'phase', 'negotiationStatus', 'owner', 'createdAt']);
  });

  it('creates the sales roles', async () => {
    const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: ['crm-negotiator', 'crm-sales-director'] } } });
    expect(roles.map((role: { name: string }) => role.name).sort()).toEqual(['Directeur commercial', 'Négociateur']);
  });
});

describe('database indexes', () => {
  const EXPECTED = [
    'programmes_gps_code_uq',
    'lots_gps_key_uq',
    'lots_programme_code_status_idx',
    'negotiations_status_phase_idx',
    'contacts_last_name_idx',
    'activities_status_due_idx',
    'lot_holds_one_active_uq',
  ];

  async function indexNames(): Promise<string[]> {
    const knex = strapi.db.connection;
    if (isPostgres()) {
      const rows: Array<{ indexname: string }> = await knex('pg_indexes').select('indexname');
      return rows.map((row) => row.indexname);
    }
    const rows: Array<{ name: string }> = await knex('sqlite_master').where('type', 'index').select('name');
    return rows.map((row) => row.name);
  }

  it.each(EXPECTED)('%s exists', async (name) => {
    expect(await indexNames()).toContain(name);
  });

  it('rejects a second active hold on a lot', async () => {
    const knex = strapi.db.connection;
    const programme = await strapi.documents('api::programme.programme').create({ data: { gpsCode: `IDX-${Date.now()}`, name: 'Index', commercialisationStatus: 'selling' } });
    const lot = await strapi.documents('api::lot.lot').create({
      data: { gpsKey: `${programme.gpsCode}/A1`, reference: 'A1', programmeCode: programme.gpsCode ?? '', kind: 'apartment', salesStatus: 'available' },
    });
    const negotiation = await strapi.documents('api::negotiation.negotiation').create({ data: { subject: 'Index' } });

    await knex('lot_holds').insert({ lot_id: lot.id, negotiation_id: negotiation.id, kind: 'option' });
    let failure: unknown = null;
    try {
      await knex('lot_holds').insert({ lot_id: lot.id, negotiation_id: negotiation.id, kind: 'reservation' });
    } catch (error) {
      failure = error;
    }

    expect(String(failure)).toMatch(/unique/i);
    const active = await knex('lot_holds').where({ lot_id: lot.id }).whereNull('released_at');
    expect(active).toHaveLength(1);
  });
});
