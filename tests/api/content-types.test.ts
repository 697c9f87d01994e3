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
