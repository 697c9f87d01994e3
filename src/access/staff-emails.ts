import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { withoutOtherStaffEmails } from '../domain/access';
import { accessRuntime } from './runtime';

/** Returns true for a body that Koa serialises as JSON, and false for streams, buffers and strings. */
function isJsonBody(body: unknown): boolean {
  if (Array.isArray(body)) return true;
  if (typeof body !== 'object' || body === null) return false;
  const prototype: unknown = Object.getPrototypeOf(body);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Removes colleagues' e-mail addresses from the admin API responses sent to négociateurs
 * and sales directors (creator fields, owner relations, the staff list). Administrators
 * manage the accounts and keep them. The REST API never sends them: Strapi marks the admin
 * user e-mail as private.
 */
export function registerStaffEmailFilter(strapi: Core.Strapi): void {
  const { principals } = accessRuntime(strapi);

  // Registered in `register`, before Strapi's own middlewares, so it runs last on the way out
  // and reads the final body.
  strapi.server.use(async (ctx: Context, next: Next) => {
    await next();
    if (ctx.path.startsWith('/api/') || !isJsonBody(ctx.body)) return;

    const principal = await principals.principalOf(ctx);
    if (principal.kind !== 'staff' || principal.role === 'administrator') return;
    ctx.body = withoutOtherStaffEmails(ctx.body, principal.staffId);
  });
}
