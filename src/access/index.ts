import type { Core } from '@strapi/strapi';
import { registerAccessDocumentRules } from './document-rules';
import { registerOwnershipConditions } from './roles';
import { registerStaffEmailFilter } from './staff-emails';

export { ensureApiPermissions } from './api-permissions';
export { createAccessControlledController } from './controller';
export { ensureCrmRoles } from './roles';

/**
 * Registers the access rules that must be in place before Strapi bootstraps: the admin
 * ownership conditions, the document-service middleware and the admin API e-mail filter. Call it before the sales
 * rules, so a save is checked against its author's rights before any sales rule reads it.
 */
export function registerAccessRules(strapi: Core.Strapi): void {
  registerOwnershipConditions(strapi);
  registerAccessDocumentRules(strapi);
  registerStaffEmailFilter(strapi);
}
