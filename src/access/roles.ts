import type { Core } from '@strapi/strapi';
import { ADMIN_ROLE_SPECS, type AdminRoleSpec, conditionId, type ContentPermissionRule, OWNERSHIP_CONDITIONS } from '../domain/access';
import { READ_ONLY_FIELDS } from '../sales/read-only-fields';

/** Admin panel roles of the sales team, created on first start. */
export const CRM_ROLES = ADMIN_ROLE_SPECS.map(({ code, name, description }) => ({ code, name, description }));

export type CrmRoleCode = AdminRoleSpec['code'];

interface PermissionInput {
  action: string;
  subject?: string;
  properties?: { fields?: string[] };
  conditions?: string[];
}

interface PermissionService {
  conditionProvider: { register(condition: object): Promise<unknown>; has(id: string): boolean };
  actionProvider: { has(id: string): boolean };
}

function permissionService(strapi: Core.Strapi): PermissionService {
  return strapi.service('admin::permission') as unknown as PermissionService;
}

const pendingConditions = new WeakMap<Core.Strapi, Promise<unknown>>();

/**
 * Registers the ownership conditions of the admin panel (« Est le négociateur »). It must
 * run in `register`: Strapi drops a condition it does not know when it builds a user's
 * permissions, which would turn a négociateur's conditional permission into a full one.
 */
export function registerOwnershipConditions(strapi: Core.Strapi): void {
  const { conditionProvider } = permissionService(strapi);
  const registrations = OWNERSHIP_CONDITIONS.map((condition) =>
    conditionProvider.register({ name: condition.name, displayName: condition.displayName, category: 'CRM', handler: condition.handler }),
  );
  pendingConditions.set(strapi, Promise.all(registrations));
}

/**
 * Lists every field of a content type as the admin permissions name them, with components
 * expanded to their sub-fields.
 */
function permissionFields(strapi: Core.Strapi, subject: string): string[] {
  const contentTypeService = strapi.service('admin::content-type') as unknown as {
    getNestedFields(model: unknown, options: { components: unknown }): string[];
  };
  const model = strapi.contentTypes[subject as keyof typeof strapi.contentTypes];
  return contentTypeService.getNestedFields(model, { components: strapi.components });
}

/**
 * Fields a role may write: every field except those the CRM computes (phase, status, full
 * name…) and, unless the role reassigns records, the owner.
 */
function writableFields(strapi: Core.Strapi, rule: ContentPermissionRule): string[] {
  const computed = READ_ONLY_FIELDS[rule.subject] ?? [];
  return permissionFields(strapi, rule.subject).filter((field) => {
    const root = field.split('.')[0];
    if (root === 'owner') return rule.ownerWritable;
    return !computed.includes(root);
  });
}

function rolePermissions(strapi: Core.Strapi, spec: AdminRoleSpec): PermissionInput[] {
  const { actionProvider } = permissionService(strapi);
  const permissions: PermissionInput[] = [];

  for (const rule of spec.content) {
    const conditions = rule.condition ? [conditionId(rule.condition)] : [];
    for (const verb of rule.actions) {
      const permission: PermissionInput = { action: `plugin::content-manager.explorer.${verb}`, subject: rule.subject, conditions };
      if (verb === 'read') permission.properties = { fields: permissionFields(strapi, rule.subject) };
      if (verb === 'create' || verb === 'update') permission.properties = { fields: writableFields(strapi, rule) };
      permissions.push(permission);
    }
  }

  for (const action of spec.otherActions) {
    // plugin::gps-sync.run exists only while the GPS plugin is enabled.
    if (actionProvider.has(action)) permissions.push({ action, conditions: [] });
  }
  return permissions;
}

/**
 * Creates the CRM roles that do not exist yet and sets the permissions of both at every
 * start, so an installation gets the current rules after an upgrade. Changes made to these
 * two roles in the admin panel are replaced; create another role to differ from them.
 */
export async function ensureCrmRoles(strapi: Core.Strapi): Promise<void> {
  await pendingConditions.get(strapi);
  const { conditionProvider } = permissionService(strapi);
  for (const condition of OWNERSHIP_CONDITIONS) {
    if (!conditionProvider.has(conditionId(condition.name))) {
      throw new Error(`Admin condition ${conditionId(condition.name)} is not registered: call registerOwnershipConditions in register()`);
    }
  }

  const roleService = strapi.service('admin::role');
  for (const spec of ADMIN_ROLE_SPECS) {
    let role = await strapi.db.query('admin::role').findOne({ where: { code: spec.code } });
    if (!role) {
      role = await roleService.create({ name: spec.name, code: spec.code, description: spec.description });
      strapi.log.info(`[access] created admin role ${spec.code} (id ${role.id})`);
    } else if (role.description !== spec.description) {
      await strapi.db.query('admin::role').update({ where: { id: role.id }, data: { description: spec.description } });
    }

    const changed: unknown[] = await roleService.assignPermissions(role.id, rolePermissions(strapi, spec));
    strapi.log.debug(`[access] admin role ${spec.code}: ${changed.length} permissions in place`);
  }
}
