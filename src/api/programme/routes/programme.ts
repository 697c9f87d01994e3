import { factories } from '@strapi/strapi';

// Read-only over REST: GPS is the reference for the stock, imported every night.
export default factories.createCoreRouter('api::programme.programme', { only: ['find', 'findOne'] });
