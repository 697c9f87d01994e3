import type { Core } from '@strapi/strapi';
import { ensureSchemaExtensions } from './database/schema-extensions';

export default {
  register(_context: { strapi: Core.Strapi }) {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureSchemaExtensions(strapi);
  },
};
