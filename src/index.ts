import type { Core } from '@strapi/strapi';
import { ensureSchemaExtensions } from './database/schema-extensions';
import { applyAdminLayouts } from './admin-config/apply';
import { ensureCrmRoles } from './access/roles';

export default {
  register(_context: { strapi: Core.Strapi }) {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureSchemaExtensions(strapi);
    await ensureCrmRoles(strapi);
    await applyAdminLayouts(strapi);
  },
};
