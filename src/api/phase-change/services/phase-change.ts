import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::phase-change.phase-change');
