import type { Core } from '@strapi/strapi';
import { type ApiTokenType, type Principal, staffRoleFromRoleCodes } from '../domain/access';

const USER_UID = 'plugin::users-permissions.user';
const ADMIN_USER_UID = 'admin::user';

/** Attribute of a users-permissions account that links it to its staff member. */
export const STAFF_MEMBER_ATTRIBUTE = 'staffMember';

/** A Koa context as far as the access rules read it. */
export interface RequestLike {
  state: unknown;
}

interface JoinTable {
  name: string;
  joinColumn: string;
  inverseJoinColumn: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readJoinTable(strapi: Core.Strapi, uid: string, attributeName: string): JoinTable {
  const attribute: unknown = strapi.db.metadata.get(uid).attributes[attributeName];
  const joinTable = isRecord(attribute) ? attribute.joinTable : undefined;
  if (!isRecord(joinTable) || typeof joinTable.name !== 'string' || !isRecord(joinTable.joinColumn) || !isRecord(joinTable.inverseJoinColumn)) {
    throw new Error(`${uid}.${attributeName} is not a relation stored in a join table`);
  }
  const { joinColumn, inverseJoinColumn } = joinTable;
  if (typeof joinColumn.name !== 'string' || typeof inverseJoinColumn.name !== 'string') {
    throw new Error(`${uid}.${attributeName} has no join column names`);
  }
  return { name: joinTable.name, joinColumn: joinColumn.name, inverseJoinColumn: inverseJoinColumn.name };
}

function parseTokenType(value: unknown): ApiTokenType {
  if (value === 'full-access' || value === 'read-only' || value === 'custom') return value;
  // An unknown token type gets the narrowest treatment: no sensitive field, no whole-team rights.
  return 'custom';
}

function roleCodes(user: Record<string, unknown>): string[] | null {
  if (!Array.isArray(user.roles)) return null;
  return user.roles.map((role: unknown) => (isRecord(role) && typeof role.code === 'string' ? role.code : '')).filter(Boolean);
}

/**
 * Resolves who sends a request, once per request. The authentication strategy that Strapi
 * ran distinguishes an admin session, a users-permissions account (linked to a staff member
 * or not), an API token and the public.
 */
export function createPrincipalResolver(strapi: Core.Strapi) {
  const cache = new WeakMap<object, Promise<Principal>>();
  let staffLink: JoinTable | null = null;
  let adminRoles: JoinTable | null = null;

  /**
   * Loads the staff member linked to a users-permissions account in one query: their
   * admin account must be active and not blocked, and hold a CRM role.
   */
  async function staffBehindAccount(accountId: number): Promise<Principal> {
    staffLink ??= readJoinTable(strapi, USER_UID, STAFF_MEMBER_ATTRIBUTE);
    adminRoles ??= readJoinTable(strapi, ADMIN_USER_UID, 'roles');
    const staffTable = strapi.db.metadata.get(ADMIN_USER_UID).tableName;
    const roleTable = strapi.db.metadata.get('admin::role').tableName;
    const rows: Array<{ id: number | string; code: string | null }> = await strapi.db
      .connection(`${staffLink.name} as link`)
      .join(`${staffTable} as staff`, 'staff.id', `link.${staffLink.inverseJoinColumn}`)
      .leftJoin(`${adminRoles.name} as user_role`, `user_role.${adminRoles.joinColumn}`, 'staff.id')
      .leftJoin(`${roleTable} as role`, 'role.id', `user_role.${adminRoles.inverseJoinColumn}`)
      .where(`link.${staffLink.joinColumn}`, accountId)
      .andWhere('staff.is_active', true)
      .andWhere((query) => query.where('staff.blocked', false).orWhereNull('staff.blocked'))
      .select('staff.id', 'role.code');

    if (rows.length === 0) return { kind: 'unlinked-account' };
    const role = staffRoleFromRoleCodes(rows.map((row) => row.code ?? ''));
    if (!role) return { kind: 'unlinked-account' };
    return { kind: 'staff', staffId: Number(rows[0].id), role };
  }

  async function adminUserPrincipal(user: Record<string, unknown>): Promise<Principal> {
    if (typeof user.id !== 'number') return { kind: 'unlinked-account' };
    let codes = roleCodes(user);
    if (codes === null) {
      const stored = await strapi.db.query(ADMIN_USER_UID).findOne({ where: { id: user.id }, populate: { roles: { select: ['code'] } } });
      codes = isRecord(stored) ? roleCodes(stored) ?? [] : [];
    }
    const role = staffRoleFromRoleCodes(codes);
    return role ? { kind: 'staff', staffId: user.id, role } : { kind: 'unlinked-account' };
  }

  async function resolve(state: unknown): Promise<Principal> {
    if (!isRecord(state)) return { kind: 'system' };
    const auth = isRecord(state.auth) ? state.auth : null;
    const strategy = auth && isRecord(auth.strategy) ? auth.strategy.name : undefined;
    const credentials = auth && isRecord(auth.credentials) ? auth.credentials : null;

    switch (strategy) {
      case 'users-permissions':
        if (!credentials) return { kind: 'public' };
        return typeof credentials.id === 'number' ? staffBehindAccount(credentials.id) : { kind: 'unlinked-account' };
      case 'content-api-token':
      case 'api-token':
        return { kind: 'api-token', tokenType: parseTokenType(credentials?.type) };
      case 'admin':
      case 'admin-token':
        return isRecord(state.user) ? adminUserPrincipal(state.user) : { kind: 'unlinked-account' };
      default:
        // Routes without authentication (login, password reset) save no CRM record themselves;
        // whatever they trigger runs as the application.
        return { kind: 'system' };
    }
  }

  /** Returns the principal of a request, resolved once and reused by every rule it meets. */
  function principalOf(request: RequestLike): Promise<Principal> {
    const key = isRecord(request.state) ? request.state : request;
    const cached = cache.get(key);
    if (cached) return cached;
    const pending = resolve(request.state);
    cache.set(key, pending);
    return pending;
  }

  /** Returns the principal of the request being served, or `system` outside any request. */
  function currentPrincipal(): Promise<Principal> {
    const context = strapi.requestContext.get();
    return context ? principalOf(context) : Promise.resolve({ kind: 'system' });
  }

  return { principalOf, currentPrincipal };
}

export type PrincipalResolver = ReturnType<typeof createPrincipalResolver>;
