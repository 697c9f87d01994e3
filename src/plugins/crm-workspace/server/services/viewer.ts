import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';

/** Roles with access to the whole team's work; every other admin gets only what they own. */
const TEAM_ROLE_CODES = new Set(['crm-sales-director', 'strapi-super-admin']);

/** The logged-in admin user, as the workspace scopes data by it. */
export interface Viewer {
  id: number;
  name: string;
  /** True for the sales director and the super administrator. */
  seesTeam: boolean;
}

const adminUser = z.object({
  id: z.number(),
  firstname: z.string().nullish(),
  lastname: z.string().nullish(),
  email: z.string().nullish(),
  roles: z.array(z.object({ code: z.string().nullish() })).default([]),
});

/**
 * Reads the admin user that `admin::isAuthenticatedAdmin` put on the request.
 *
 * Refusals in this plugin are `PolicyError`s: Strapi's route wrapper turns any other
 * `ForbiddenError` raised by a handler into a bare « Forbidden », losing the French message.
 */
export function viewerOf(ctx: Context): Viewer {
  const parsed = adminUser.safeParse(ctx.state.user);
  if (!parsed.success) throw new errors.UnauthorizedError('Session expirée : reconnectez-vous.');

  const user = parsed.data;
  const name = [user.firstname, user.lastname].filter((part): part is string => Boolean(part)).join(' ') || user.email || `Utilisateur ${user.id}`;
  return { id: user.id, name, seesTeam: user.roles.some((role) => TEAM_ROLE_CODES.has(role.code ?? '')) };
}

/** Full name of an admin user row, or null for a missing owner. */
export function staffName(user: { firstname?: string | null; lastname?: string | null; email?: string | null } | null | undefined): string | null {
  if (!user) return null;
  const name = [user.firstname, user.lastname].filter((part): part is string => Boolean(part)).join(' ');
  return name || user.email || null;
}
