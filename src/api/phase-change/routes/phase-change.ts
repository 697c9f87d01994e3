import { factories } from '@strapi/strapi';

// Read-only over REST: the sales rules write the phase history.
export default factories.createCoreRouter('api::phase-change.phase-change', { only: ['find', 'findOne'] });
