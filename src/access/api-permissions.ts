import type { Core } from '@strapi/strapi';
import { AUTHENTICATED_API_ACTIONS, isForbiddenAccountAction, PUBLIC_API_ACTIONS } from '../domain/access';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** Content types whose REST permissions the CRM sets itself on the Public and Authenticated roles. */
const MANAGED_PREFIXES = [
  'api::contact.contact.',
  'api::negotiation.negotiation.',
  'api::proposition.proposition.',
  'api::reservation.reservation.',
  'api::activity.activity.',
  'api::phase-change.phase-change.',
  'api::programme.programme.',
  'api::lot.lot.',
];

function isManaged(action: string): boolean {
  return MANAGED_PREFIXES.some((prefix) => action.startsWith(prefix)) || isForbiddenAccountAction(action);
}

async function syncRole(strapi: Core.Strapi, roleType: 'public' | 'authenticated', wanted: readonly string[]): Promise<void> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: roleType }, select: ['id'] });
  if (!role) throw new Error(`The users-permissions role "${roleType}" does not exist; the plugin creates it at its first start`);

  const known = new Set<string>(strapi.contentAPI.permissions.providers.action.keys());
  const granted = wanted.filter((action) => known.has(action));
  const missing = wanted.filter((action) => !known.has(action));
  if (missing.length > 0) strapi.log.warn(`[access] REST actions not registered, not granted to ${roleType}: ${missing.join(', ')}`);

  const existing: Array<{ id: number; action: string }> = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id }, select: ['id', 'action'] });
  const stale = existing.filter((permission) => isManaged(permission.action) && !granted.includes(permission.action));
  const present = new Set(existing.map((permission) => permission.action));
  const added = granted.filter((action) => !present.has(action));

  if (stale.length > 0) await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: stale.map((permission) => permission.id) } } });
  for (const action of added) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  if (stale.length > 0 || added.length > 0) {
    strapi.log.info(`[access] REST role ${roleType}: granted ${added.length}, revoked ${stale.length} (${stale.map((p) => p.action).join(', ')})`);
  }
}

/**
 * Sets the REST permissions of the users-permissions Public and Authenticated roles at every
 * start: the public reads the stock, staff accounts reach the CRM types (narrowed to what
 * their staff member may see by the controllers). Self-registration and the account and
 * role endpoints are revoked from both roles, whatever an administrator enabled.
 */
export async function ensureApiPermissions(strapi: Core.Strapi): Promise<void> {
  await syncRole(strapi, 'public', PUBLIC_API_ACTIONS);
  await syncRole(strapi, 'authenticated', AUTHENTICATED_API_ACTIONS);
}
