import { errors } from '@strapi/utils';
import { createAccessControlledController } from '../../../access';
import { salesServices } from '../../../index';

const UID = 'api::negotiation.negotiation';

export default createAccessControlledController(UID, (strapi, access) => ({
  /** Closes an open négo without a sale: the négociateur's explicit action. */
  async close(ctx) {
    await access.assertReachable(ctx, String(ctx.params.id), 'write');
    const updated = await salesServices().negotiations.close(ctx.params.id);
    if (!updated) throw new errors.NotFoundError(`Négo introuvable : ${ctx.params.id}`, { code: 'NEGOTIATION_NOT_FOUND' });
    const data = await strapi.contentAPI.sanitize.output(updated, strapi.getModel(UID), { auth: ctx.state.auth });
    return { data: await access.redact(ctx, data), meta: {} };
  },

  /** Reopens a closed négo; its phase is derived from its data again. */
  async reopen(ctx) {
    await access.assertReachable(ctx, String(ctx.params.id), 'write');
    const updated = await salesServices().negotiations.reopen(ctx.params.id);
    if (!updated) throw new errors.NotFoundError(`Négo introuvable : ${ctx.params.id}`, { code: 'NEGOTIATION_NOT_FOUND' });
    const data = await strapi.contentAPI.sanitize.output(updated, strapi.getModel(UID), { auth: ctx.state.auth });
    return { data: await access.redact(ctx, data), meta: {} };
  },
}));
