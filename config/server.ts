import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // The update check queries the npm registry at every start; the CRM never calls home.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env('NODE_ENV', 'development') !== 'test' },
  },
});
