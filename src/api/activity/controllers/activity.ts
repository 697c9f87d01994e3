import { factories } from '@strapi/strapi';
import { assertNoReadOnlyFields } from '../../../sales/read-only-fields';

const UID = 'api::activity.activity';

export default factories.createCoreController(UID, () => ({
  async create(ctx) {
    assertNoReadOnlyFields(UID, ctx.request.body?.data);
    return super.create(ctx);
  },

  async update(ctx) {
    assertNoReadOnlyFields(UID, ctx.request.body?.data);
    return super.update(ctx);
  },
}));
