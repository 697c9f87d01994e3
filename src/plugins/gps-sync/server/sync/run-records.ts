import type { Core } from '@strapi/strapi';
import { asDbRow, readId, readString } from './db-values';
import type { RunReport, RunTrigger } from './report';
import { SYNC_RUN_UID } from './tables';

/**
 * Rows of rejectedRows and differences kept in a run record. The report returned by the
 * service has them all; rejectedCount and differenceCount always give the totals.
 */
export const MAX_STORED_ROWS = 1000;

export interface RunRecordRef {
  id: number;
  documentId: string;
}

export async function createRunRecord(
  strapi: Core.Strapi,
  input: { trigger: RunTrigger; startedAt: Date; dryRun: boolean; forced: boolean },
): Promise<RunRecordRef> {
  const created: unknown = await strapi.documents(SYNC_RUN_UID).create({
    data: {
      trigger: input.trigger,
      startedAt: input.startedAt,
      status: 'running',
      dryRun: input.dryRun,
      forced: input.forced,
    },
  });
  const row = asDbRow(created);
  return { id: readId(row, 'id'), documentId: readString(row, 'documentId') };
}

/** Stores the outcome of a run. Inside `strapi.db.transaction` it joins that transaction. */
export async function finishRunRecord(strapi: Core.Strapi, record: RunRecordRef, report: RunReport): Promise<void> {
  const { counts } = report;
  await strapi.db.query(SYNC_RUN_UID).update({
    where: { id: record.id },
    data: {
      status: report.status,
      errorCode: report.errorCode,
      finishedAt: report.finishedAt,
      source: report.source,
      checksum: report.checksum,
      programmesCreated: counts.programmes.created,
      programmesUpdated: counts.programmes.updated,
      programmesUnchanged: counts.programmes.unchanged,
      programmesWithdrawn: counts.programmes.withdrawn,
      lotsCreated: counts.lots.created,
      lotsUpdated: counts.lots.updated,
      lotsUnchanged: counts.lots.unchanged,
      lotsWithdrawn: counts.lots.withdrawn,
      rejectedCount: counts.rejected,
      differenceCount: report.differences.length,
      rejectedRows: report.rejectedRows.slice(0, MAX_STORED_ROWS),
      differences: report.differences.slice(0, MAX_STORED_ROWS),
      message: report.message,
    },
  });
}

/**
 * Marks as failed the records left 'running' by runs that died before their end. Called while
 * holding the run lock, so no other run is applying. Their writes were rolled back, because a
 * run stores its final status in the transaction that writes its plan.
 */
export async function closeInterruptedRuns(strapi: Core.Strapi, currentRecordId: number, now: Date): Promise<number> {
  const result: unknown = await strapi.db.query(SYNC_RUN_UID).updateMany({
    where: { status: 'running', id: { $ne: currentRecordId }, startedAt: { $lt: now } },
    data: {
      status: 'failed',
      errorCode: 'INTERRUPTED',
      finishedAt: now,
      message:
        "Synchronisation GPS interrompue avant sa fin (processus arrêté ou base indisponible) : ses écritures ont été annulées.",
    },
  });
  const row = asDbRow(result);
  return typeof row.count === 'number' ? row.count : 0;
}
