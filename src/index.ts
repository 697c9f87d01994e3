import type { Core } from '@strapi/strapi';
import { ensureSchemaExtensions } from './database/schema-extensions';
import { useNegotiationOwnerColumn } from './database/owner-column';
import { applyAdminLayouts } from './admin-config/apply';
import { ensureApiPermissions, ensureCrmRoles, registerAccessRules } from './access';
import { registerSalesRules, type SalesServices } from './sales';
import { registerDeadlineJobs } from './sales/deadline-jobs';

let sales: SalesServices | null = null;

/** Sales services built at register time; controllers and jobs reach them through here. */
export function salesServices(): SalesServices {
  if (!sales) throw new Error('The sales rules are not registered yet');
  return sales;
}

const OPTION_EXPIRY_RULE = '*/10 * * * *';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerAccessRules(strapi);
    sales = registerSalesRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureSchemaExtensions(strapi);
    useNegotiationOwnerColumn(strapi);
    await ensureCrmRoles(strapi);
    await ensureApiPermissions(strapi);
    await applyAdminLayouts(strapi);

    if (process.env.CRM_SCHEDULES_ENABLED !== 'false') {
      // Releasing an expired option is idempotent, so several instances may run it safely.
      strapi.cron.add({
        releaseExpiredOptions: {
          task: async () => {
            const lots = await salesServices().holds.releaseExpiredOptions();
            if (lots.length > 0) strapi.log.info(`[sales] released expired options on lots ${lots.join(', ')}`);
          },
          options: { rule: OPTION_EXPIRY_RULE, tz: 'Europe/Paris' },
        },
      });
    }
    registerDeadlineJobs(strapi);
  },
};
