import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::phase-change.phase-change');
