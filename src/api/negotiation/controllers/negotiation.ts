import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { salesServices } from '../../../index';
import { assertNoReadOnlyFields } from '../../../sales/read-only-fields';

const UID = 'api::negotiation.negotiation';

export default factories.createCoreController(UID, ({ strapi }) => ({
  async create(ctx) {
    assertNoReadOnlyFields(UID, ctx.request.body?.data);
    return super.create(ctx);
  },

  async update(ctx) {
    assertNoReadOnlyFields(UID, ctx.request.body?.data);
    return super.update(ctx);
  },

  /** Closes an open négo without a sale: the négociateur's explicit action. */
  async close(ctx) {
    const updated = await salesServices().negotiations.close(ctx.params.id);
    if (!updated) throw new errors.NotFoundError(`Négo introuvable : ${ctx.params.id}`, { code: 'NEGOTIATION_NOT_FOUND' });
    const data = await strapi.contentAPI.sanitize.output(updated, strapi.getModel(UID), { auth: ctx.state.auth });
    return { data, meta: {} };
  },

  /** Reopens a closed négo; its phase is derived from its data again. */
  async reopen(ctx) {
    const updated = await salesServices().negotiations.reopen(ctx.params.id);
    if (!updated) throw new errors.NotFoundError(`Négo introuvable : ${ctx.params.id}`, { code: 'NEGOTIATION_NOT_FOUND' });
    const data = await strapi.contentAPI.sanitize.output(updated, strapi.getModel(UID), { auth: ctx.state.auth });
    return { data, meta: {} };
  },
}));
