import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import type { GpsRunsService } from '../services/runs';
import type { GpsSyncService } from '../services/sync';

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const runBody = z
  .object({
    dryRun: z.boolean().optional(),
    force: z.boolean().optional(),
  })
  .strict();

function invalidInput(message: string, error: z.ZodError): errors.ValidationError {
  return new errors.ValidationError(message, { code: 'INVALID_REQUEST', issues: z.treeifyError(error) });
}

/** Admin endpoints of the GPS synchronisation: run history, current progress, manual run. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const runs = (): GpsRunsService => strapi.plugin('gps-sync').service('runs');
  const sync = (): GpsSyncService => strapi.plugin('gps-sync').service('sync');

  return {
    async find(ctx: Context) {
      const query = pageQuery.safeParse(ctx.query);
      if (!query.success) throw invalidInput('Paramètres de pagination invalides : page ≥ 1 et pageSize entre 1 et 100.', query.error);

      const page = await runs().list(query.data);
      ctx.body = { data: page.results, meta: { pagination: page.pagination } };
    },

    async findOne(ctx: Context) {
      const documentId = String(ctx.params.id ?? '');
      const run = await runs().findOne(documentId);
      if (!run) throw new errors.NotFoundError(`Synchronisation GPS « ${documentId} » introuvable.`, { code: 'RUN_NOT_FOUND' });
      ctx.body = { data: run };
    },

    async status(ctx: Context) {
      const current = sync().current();
      const latest = await runs().list({ page: 1, pageSize: 1 });
      ctx.body = { data: { running: current !== null, current, lastRun: latest.results[0] ?? null } };
    },

    /**
     * Runs a synchronisation and returns its report when it ends, while GET /status shows its
     * progress. A failed or skipped run becomes an error response with its run id.
     */
    async run(ctx: Context) {
      const body = runBody.safeParse(ctx.request.body ?? {});
      if (!body.success) throw invalidInput('Requête invalide : seuls dryRun et force (booléens) sont acceptés.', body.error);

      const report = await sync().run({ trigger: 'admin', dryRun: body.data.dryRun, force: body.data.force });
      if (report.status === 'failed' || report.status === 'skipped') {
        throw new errors.ApplicationError(report.message, { code: report.errorCode, runId: report.runId, report });
      }
      ctx.body = { data: report };
    },
  };
};
