import type { Core } from '@strapi/strapi';
import { createHash } from 'node:crypto';
import { databaseClient } from '../../../../database/schema-extensions';
import {
  checkWithdrawalGuard,
  completedRunMessage,
  computeSyncPlan,
  ExportValidator,
  failedRunMessage,
  type ParsedExport,
  SKIPPED_RUN_MESSAGE,
  type SyncPlan,
  withdrawalGuardMessage,
} from '../../../../domain/gps';
import { parseEncoding, readConfig } from '../config';
import { applyPlan } from '../sync/apply';
import { inspectFile, streamCsvRecords } from '../sync/csv-file';
import { describeError, RunFailure } from '../sync/errors';
import { type RunLock, tryAcquireRunLock } from '../sync/lock';
import { type RunOptions, type RunProgress, type RunReport, RunReportBuilder, type RunStatus, type RunTrigger } from '../sync/report';
import { closeInterruptedRuns, createRunRecord, finishRunRecord, type RunRecordRef } from '../sync/run-records';
import { type ResolvedSource, resolveSource } from '../sync/source';
import { loadStoredState } from '../sync/state';
import { TABLES } from '../sync/tables';

/** The run in progress in this process, for GET /gps-sync/status. */
export interface CurrentRun {
  runId: string;
  trigger: RunTrigger;
  dryRun: boolean;
  startedAt: Date;
  progress: RunProgress;
}

export interface GpsSyncService {
  run(options: RunOptions): Promise<RunReport>;
  current(): CurrentRun | null;
}

interface ReadExport {
  parsed: ParsedExport;
  checksum: string;
}

/** Outcome of the transaction: the plan, and the report stored with it when it was written. */
interface PlanOutcome {
  plan: SyncPlan;
  appliedReport: RunReport | null;
  guardMessage: string | null;
}

/** Rows written by a run above which the GPS tables are analysed afterwards. */
const LARGE_WRITE_ROWS = 10_000;

function runStatusOf(plan: SyncPlan): RunStatus {
  return plan.counts.rejected > 0 ? 'partial' : 'success';
}

export default ({ strapi }: { strapi: Core.Strapi }): GpsSyncService => {
  let currentRun: CurrentRun | null = null;
  const log = strapi.log;

  function reportProgress(options: RunOptions, progress: RunProgress): void {
    if (currentRun !== null && currentRun.runId === progress.runId) currentRun.progress = progress;
    if (!options.onProgress) return;
    try {
      options.onProgress(progress);
    } catch (error) {
      log.warn(`GPS sync ${progress.runId}: the progress callback failed: ${describeError(error)}`);
    }
  }

  async function readExport(runId: string, source: ResolvedSource, options: RunOptions): Promise<ReadExport> {
    const config = readConfig(strapi);
    const encodingName = options.source?.encoding ?? config.encoding;
    const configuredEncoding = parseEncoding(encodingName);
    if (configuredEncoding === undefined) {
      throw new RunFailure(`encodage « ${encodingName} » inconnu : indiquez utf-8 ou windows-1252, ou laissez vide pour le détecter.`, {
        code: 'INVALID_ENCODING',
      });
    }

    const checksum = createHash('sha256');
    const validator = new ExportValidator();
    for (const kind of ['programmes', 'lots'] as const) {
      const { path, file } = source.files[kind];
      reportProgress(options, { runId, phase: 'reading', done: 0, total: 0, message: `Lecture de ${file}` });

      const inspection = await inspectFile(path, file);
      checksum.update(inspection.sha256);
      const encoding = configuredEncoding ?? (inspection.validUtf8 ? 'utf-8' : 'windows-1252');
      const rows = await streamCsvRecords({
        path,
        file,
        inspection,
        encoding,
        onHeader: (header) => {
          const check = kind === 'programmes' ? validator.startProgrammes(file, header) : validator.startLots(file, header);
          if (!check.ok) throw new RunFailure(check.message, { code: check.code, file, line: 1 });
        },
        onRecord: kind === 'programmes' ? (record) => validator.addProgramme(record) : (record) => validator.addLot(record),
      });
      log.info(`GPS sync ${runId}: read ${file} (${inspection.bytes} bytes, ${encoding}, ${rows} rows)`);
    }

    return { parsed: validator.finish(), checksum: checksum.digest('hex') };
  }

  /**
   * Reads the export while loading the stored state, then computes the plan. Unless the run is
   * dry or stopped by the withdrawal guard, it then writes the plan and the run's final record
   * in the same transaction. A process killed midway therefore leaves the database as it was,
   * with the run record still 'running'.
   */
  async function planAndApply(input: {
    record: RunRecordRef;
    source: ResolvedSource;
    options: RunOptions;
    reports: RunReportBuilder;
  }): Promise<PlanOutcome> {
    const { record, options, reports } = input;
    const config = readConfig(strapi);
    const engine = databaseClient(strapi);
    const runId = record.documentId;

    return strapi.db.transaction(async ({ trx }) => {
      if (engine === 'postgres' && !options.dryRun) {
        // A lot hold created in the CRM while the plan is computed and written would be
        // overwritten by a status computed without it, so new holds wait for this transaction.
        // NOTE: a CRM transaction that updates a lot before inserting its hold can deadlock
        // with this one; PostgreSQL then aborts one of the two and this run fails.
        await trx.raw('lock table ?? in share mode', [TABLES.holds]);
      }

      // The database sends the stored state while this process parses the files.
      const loadingState = loadStoredState(trx);
      // Marks a failure as handled until it is awaited below, so that Node does not stop the process.
      loadingState.catch(() => undefined);
      let parsed: ParsedExport;
      try {
        const read = await readExport(runId, input.source, options);
        reports.checksum = read.checksum;
        parsed = read.parsed;
      } catch (error) {
        // The transaction rolls back once its last query has ended, whatever that query returned.
        await loadingState.catch(() => undefined);
        throw error;
      }
      const state = await loadingState;

      reportProgress(options, { runId, phase: 'planning', done: 0, total: 0, message: 'Calcul des changements' });
      const plan = computeSyncPlan(parsed, state);
      log.info(
        `GPS sync ${runId}: plan with ${plan.programmeWrites.length} programme and ${plan.lotWrites.length} lot writes, ` +
          `${plan.counts.rejected} rejected rows, ${plan.differences.length} differences with CRM holds`,
      );

      const breach = options.force ? null : checkWithdrawalGuard(plan, config.maxWithdrawalShare);
      if (breach) return { plan, appliedReport: null, guardMessage: withdrawalGuardMessage(breach) };
      if (options.dryRun) return { plan, appliedReport: null, guardMessage: null };

      await applyPlan({
        trx,
        engine,
        schema: engine === 'postgres' ? strapi.db.getSchemaName() : undefined,
        plan,
        storedProgrammeIds: new Map(state.programmes.map((programme) => [programme.code, programme.id])),
        storedLotIds: new Map(state.lots.map((lot) => [lot.gpsKey, lot.id])),
        now: new Date(),
        onProgress: ({ written, total }) =>
          reportProgress(options, { runId, phase: 'applying', done: written, total, message: `Écriture : ${written} / ${total}` }),
      });

      const message = completedRunMessage({ counts: plan.counts, dryRun: false, differenceCount: plan.differences.length });
      const appliedReport = input.reports.fromPlan(plan, runStatusOf(plan), message);
      await finishRunRecord(strapi, record, appliedReport);
      return { plan, appliedReport, guardMessage: null };
    });
  }

  /** Turns the outcome of the transaction into the run's report, storing it unless the transaction did. */
  async function concludeRun(record: RunRecordRef, reports: RunReportBuilder, outcome: PlanOutcome): Promise<RunReport> {
    const { plan } = outcome;
    const runId = record.documentId;

    if (outcome.appliedReport !== null) return outcome.appliedReport;

    if (outcome.guardMessage !== null) {
      log.warn(
        `GPS sync ${runId}: not applied, it would withdraw ${plan.withdrawal.availableWithdrawn} of ` +
          `${plan.withdrawal.availableBefore} available lots`,
      );
      const stopped = reports.fromPlan(plan, 'failed', outcome.guardMessage, 'WITHDRAWAL_THRESHOLD_EXCEEDED');
      await finishRunRecord(strapi, record, stopped);
      return stopped;
    }

    const message = completedRunMessage({ counts: plan.counts, dryRun: true, differenceCount: plan.differences.length });
    const dryRun = reports.fromPlan(plan, runStatusOf(plan), message);
    await finishRunRecord(strapi, record, dryRun);
    return dryRun;
  }

  /**
   * Runs VACUUM ANALYZE on the GPS tables after a run that wrote many rows, outside the run's
   * transaction. The planner then has statistics for the new rows, and the next reader does not
   * pay for setting their visibility hint bits. In one measurement with 100 000 new lots
   * (scripts/bench/gps.js data, 2 loaded cores), the next unchanged import took 3.6 s without it
   * and 2.4 s with it. A failure is logged and does not change the run's outcome.
   */
  async function analyseAfterLargeWrite(runId: string, plan: SyncPlan): Promise<void> {
    const written = plan.programmeWrites.length + plan.lotWrites.length;
    if (databaseClient(strapi) !== 'postgres' || written < LARGE_WRITE_ROWS) return;
    try {
      await strapi.db.connection.raw('vacuum analyze ??, ??, ??, ??', [TABLES.lots, TABLES.programmes, TABLES.programmeLinks, TABLES.mainLotLinks]);
    } catch (error) {
      log.warn(`GPS sync ${runId}: VACUUM ANALYZE of the GPS tables failed: ${describeError(error)}`);
    }
  }

  function logCompletion(report: RunReport, plan: SyncPlan): void {
    const { programmes, lots, rejected } = plan.counts;
    log.info(
      `GPS sync ${report.runId}: ${report.status}${report.dryRun ? ' (dry run)' : ''}; programmes ${programmes.created} created, ` +
        `${programmes.updated} updated, ${programmes.unchanged} unchanged, ${programmes.withdrawn} ended; lots ` +
        `${lots.created} created, ${lots.updated} updated, ${lots.unchanged} unchanged, ${lots.withdrawn} withdrawn; ` +
        `${rejected} rejected rows; ${plan.differences.length} differences`,
    );
  }

  /** Builds and logs the report of a run stopped by an error; a RunFailure carries its code and French message. */
  function failureReport(runId: string, reports: RunReportBuilder, error: unknown): RunReport {
    if (error instanceof RunFailure) {
      log.warn(`GPS sync ${runId}: failed with ${error.details.code}: ${error.message}`);
      return reports.build({ status: 'failed', errorCode: error.details.code, message: failedRunMessage(error.message) });
    }
    log.error(`GPS sync ${runId}: failed unexpectedly`, error);
    return reports.build({
      status: 'failed',
      errorCode: 'UNEXPECTED_ERROR',
      message: failedRunMessage(`erreur inattendue (${describeError(error)}).`),
    });
  }

  async function run(options: RunOptions): Promise<RunReport> {
    const startedAt = new Date();
    const dryRun = options.dryRun ?? false;
    const forced = options.force ?? false;
    const record = await createRunRecord(strapi, { trigger: options.trigger, startedAt, dryRun, forced });
    const runId = record.documentId;
    const reports = new RunReportBuilder({ runId, dryRun, forced, startedAt });
    log.info(`GPS sync ${runId}: started by ${options.trigger}${dryRun ? ' (dry run)' : ''}${forced ? ' (forced)' : ''}`);

    let lock: RunLock | null;
    try {
      lock = await tryAcquireRunLock(strapi.db.connection, databaseClient(strapi));
    } catch (error) {
      const failure = failureReport(runId, reports, error);
      await finishRunRecord(strapi, record, failure);
      return failure;
    }
    if (lock === null) {
      const skipped = reports.build({ status: 'skipped', message: SKIPPED_RUN_MESSAGE, errorCode: 'SYNC_ALREADY_RUNNING' });
      await finishRunRecord(strapi, record, skipped);
      log.warn(`GPS sync ${runId}: skipped because another run has taken the run lock`);
      return skipped;
    }

    currentRun = {
      runId,
      trigger: options.trigger,
      dryRun,
      startedAt,
      progress: { runId, phase: 'reading', done: 0, total: 0, message: 'Démarrage' },
    };

    try {
      const interrupted = await closeInterruptedRuns(strapi, record.id, startedAt);
      if (interrupted > 0) log.warn(`GPS sync ${runId}: marked ${interrupted} interrupted earlier runs as failed`);

      const source = await resolveSource({ options: options.source ?? {}, config: readConfig(strapi), appRoot: strapi.dirs.app.root });
      reports.source = source.description;
      let outcome: PlanOutcome;
      try {
        outcome = await planAndApply({ record, source, options, reports });
      } finally {
        await source.cleanup();
      }

      const final = await concludeRun(record, reports, outcome);
      logCompletion(final, outcome.plan);
      if (outcome.appliedReport !== null) await analyseAfterLargeWrite(runId, outcome.plan);
      reportProgress(options, { runId, phase: 'done', done: 0, total: 0, message: final.message });
      return final;
    } catch (error) {
      const failure = failureReport(runId, reports, error);
      await finishRunRecord(strapi, record, failure);
      reportProgress(options, { runId, phase: 'done', done: 0, total: 0, message: failure.message });
      return failure;
    } finally {
      currentRun = null;
      await lock.release();
    }
  }

  return {
    run,
    current: () => currentRun,
  };
};
