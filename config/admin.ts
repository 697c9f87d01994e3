import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  autoOpen: false,
  // The API tests run without a built admin panel.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  // No call home: AI features, the satisfaction survey and the Enterprise promotion stay off.
  ai: { enabled: false },
  flags: {
    nps: false,
    promoteEE: false,
  },
});
