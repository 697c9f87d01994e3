import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';

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
    expect(configuration.layouts.list).toEqual(['subject', 'buyer', 'phase', 'status', 'owner', 'createdAt']);
  });

  it('creates the sales roles', async () => {
    const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: ['crm-negotiator', 'crm-sales-director'] } } });
    expect(roles.map((role: { name: string }) => role.name).sort()).toEqual(['Directeur commercial', 'Négociateur']);
  });
});
