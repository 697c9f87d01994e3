import type { Core } from '@strapi/strapi';

// Merged over Strapi's default winston configuration; LOG_LEVEL=warn quiets tests and scripts.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});
