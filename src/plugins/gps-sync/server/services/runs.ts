import type { Core } from '@strapi/strapi';
import { SYNC_RUN_UID } from '../sync/tables';

/** Fields of a run shown in lists; the rejected rows and differences only come with one run. */
const LIST_FIELDS = [
  'startedAt',
  'finishedAt',
  'trigger',
  'status',
  'errorCode',
  'source',
  'checksum',
  'dryRun',
  'forced',
  'programmesCreated',
  'programmesUpdated',
  'programmesUnchanged',
  'programmesWithdrawn',
  'lotsCreated',
  'lotsUpdated',
  'lotsUnchanged',
  'lotsWithdrawn',
  'rejectedCount',
  'differenceCount',
  'message',
] as const;

export interface RunPage {
  results: unknown[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

export interface GpsRunsService {
  list(input: { page: number; pageSize: number }): Promise<RunPage>;
  findOne(documentId: string): Promise<unknown>;
}

/** Reads the recorded runs, newest first. */
export default ({ strapi }: { strapi: Core.Strapi }): GpsRunsService => ({
  async list({ page, pageSize }) {
    const documents = strapi.documents(SYNC_RUN_UID);
    const [results, total] = await Promise.all([
      documents.findMany({ fields: [...LIST_FIELDS], sort: [{ startedAt: 'desc' }, { id: 'desc' }], start: (page - 1) * pageSize, limit: pageSize }),
      documents.count({}),
    ]);
    return { results, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
  },

  async findOne(documentId) {
    return strapi.documents(SYNC_RUN_UID).findOne({ documentId });
  },
});
