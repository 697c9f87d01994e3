import { assertNever } from '../assert-never';

/** Role of a staff member in the CRM, derived from the admin roles of their admin account. */
export type StaffRole = 'negotiator' | 'director' | 'administrator';

/** Codes of the admin roles that grant a staff role. Strapi creates the Super Admin role itself. */
export const SUPER_ADMIN_ROLE_CODE = 'strapi-super-admin';
export const DIRECTOR_ROLE_CODE = 'crm-sales-director';
export const NEGOTIATOR_ROLE_CODE = 'crm-negotiator';

/** Type of a content API token, as Strapi stores it. */
export type ApiTokenType = 'read-only' | 'full-access' | 'custom';

/**
 * Who sends a request or causes a save.
 *
 * - `public`: a REST request without credentials (users-permissions Public role).
 * - `staff`: an admin user, in the admin panel or through a users-permissions account linked
 *   to that admin user.
 * - `unlinked-account`: a users-permissions account with no active staff member behind it,
 *   or whose staff member holds no CRM role.
 * - `api-token`: an integration using a content API token.
 * - `system`: code running outside any request (scripts, scheduled jobs, the GPS import).
 */
export type Principal =
  | { kind: 'public' }
  | { kind: 'staff'; staffId: number; role: StaffRole }
  | { kind: 'unlinked-account' }
  | { kind: 'api-token'; tokenType: ApiTokenType }
  | { kind: 'system' };

/**
 * Returns the strongest staff role among the given admin role codes, or null when none of
 * them is a CRM role. A director who also holds the Négociateur role acts as a director.
 */
export function staffRoleFromRoleCodes(codes: readonly string[]): StaffRole | null {
  if (codes.includes(SUPER_ADMIN_ROLE_CODE)) return 'administrator';
  if (codes.includes(DIRECTOR_ROLE_CODE)) return 'director';
  if (codes.includes(NEGOTIATOR_ROLE_CODE)) return 'negotiator';
  return null;
}

/**
 * Returns true when the principal sees and changes every record of the sales team: the
 * sales director, an administrator, a full-access API token, and code outside requests.
 */
export function seesWholeSalesTeam(principal: Principal): boolean {
  switch (principal.kind) {
    case 'staff':
      return principal.role !== 'negotiator';
    case 'api-token':
      return principal.tokenType === 'full-access';
    case 'system':
      return true;
    case 'public':
    case 'unlinked-account':
      return false;
    default:
      return assertNever(principal, 'Principal');
  }
}

/** Returns the admin user id of a négociateur, or null for any other principal. */
export function negotiatorId(principal: Principal): number | null {
  return principal.kind === 'staff' && principal.role === 'negotiator' ? principal.staffId : null;
}
