import { factories, type Core, type UID } from '@strapi/strapi';
import type { Context } from 'koa';
import { assertNoReadOnlyFields } from '../sales/read-only-fields';
import { accessRuntime } from './runtime';
import { createRestAccess, type RestAccess } from './rest';

type ExtraActions = Record<string, (ctx: Context) => Promise<unknown>>;

function isKoaContext(value: unknown): value is Context {
  return typeof value === 'object' && value !== null && 'state' in value && 'request' in value;
}

/**
 * Builds the REST controller of a CRM content type with the access rules applied to every
 * core action. The caller's scope is added to each query, and a request for a record
 * outside it fails with 404. Filters on fields the caller may not read fail with 400, and
 * responses lose what the caller may not see. Create and update also reject the attributes
 * the CRM computes.
 *
 * `extraActions` adds custom actions, which receive the access rules of the type to check
 * the record they act on.
 */
export function createAccessControlledController(
  uid: UID.ContentType,
  extraActions?: (strapi: Core.Strapi, access: RestAccess) => ExtraActions,
) {
  return factories.createCoreController(uid, ({ strapi }) => {
    const access = createRestAccess(strapi, accessRuntime(strapi), uid);

    return {
      async find(ctx) {
        await access.authorize(ctx);
        return super.find(ctx);
      },

      async findOne(ctx) {
        await access.assertReachable(ctx, String(ctx.params.id), 'read');
        return super.findOne(ctx);
      },

      async create(ctx) {
        assertNoReadOnlyFields(uid, ctx.request.body?.data);
        await access.authorize(ctx);
        return super.create(ctx);
      },

      async update(ctx) {
        assertNoReadOnlyFields(uid, ctx.request.body?.data);
        await access.assertReachable(ctx, String(ctx.params.id), 'write');
        return super.update(ctx);
      },

      async delete(ctx) {
        await access.assertReachable(ctx, String(ctx.params.id), 'write');
        return super.delete(ctx);
      },

      async validateQuery(ctx) {
        await super.validateQuery(ctx);
        await access.checkQuery(ctx);
      },

      async sanitizeQuery(ctx) {
        return access.scopeQuery(ctx, await super.sanitizeQuery(ctx));
      },

      // Strapi types this helper and the actions under one index signature, so the override
      // takes its two arguments as a rest list and checks the context before using it.
      async sanitizeOutput(...args: unknown[]) {
        const [data, ctx] = args;
        if (!isKoaContext(ctx)) throw new Error('sanitizeOutput expects the Koa context as second argument');
        return access.redact(ctx, await super.sanitizeOutput(data, ctx));
      },

      ...(extraActions ? extraActions(strapi, access) : {}),
    };
  });
}
