import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::phase-change.phase-change');
