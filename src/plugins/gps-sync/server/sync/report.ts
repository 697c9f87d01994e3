import type { RejectedRow, StatusDifference, SyncCounts, SyncPlan } from '../../../../domain/gps';
import type { RunFailureCode } from './errors';
import type { SourceOptions } from './source';

export type RunTrigger = 'schedule' | 'admin' | 'cli' | 'demo';
export const RUN_TRIGGERS: readonly RunTrigger[] = ['schedule', 'admin', 'cli', 'demo'];

/** 'partial': applied, but some rows were rejected. 'skipped': another run held the lock. */
export type RunStatus = 'success' | 'partial' | 'failed' | 'skipped';

export type RunPhase = 'reading' | 'planning' | 'applying' | 'done';

export interface RunProgress {
  runId: string;
  phase: RunPhase;
  /** Rows written so far while applying, out of `total`; both are 0 in the other phases. */
  done: number;
  total: number;
  /** French, for a progress line. */
  message: string;
}

export interface RunOptions {
  source?: SourceOptions;
  trigger: RunTrigger;
  /** Computes and reports the plan without writing it. */
  dryRun?: boolean;
  /** Applies the run even if it withdraws more lots than the configured share. */
  force?: boolean;
  onProgress?: (progress: RunProgress) => void;
}

export interface RunReport {
  /** documentId of the run's plugin::gps-sync.sync-run record. */
  runId: string;
  status: RunStatus;
  /** Changes applied, or the planned changes of a dry run or of a run stopped by the withdrawal guard. */
  counts: SyncCounts;
  rejectedRows: RejectedRow[];
  differences: StatusDifference[];
  /** French summary for users. */
  message: string;
  /** Stable code of the failure, null unless status is 'failed' or 'skipped'. */
  errorCode: RunFailureCode | null;
  dryRun: boolean;
  forced: boolean;
  /** Folder or URL read (without credentials), null when the run stopped before resolving it. */
  source: string | null;
  /** sha256 of the sha256 digests of programmes.csv and lots.csv, in that order; null when the files were not read. */
  checksum: string | null;
  startedAt: Date;
  finishedAt: Date;
}

export function emptyCounts(): SyncCounts {
  const zero = () => ({ created: 0, updated: 0, unchanged: 0, withdrawn: 0 });
  return { programmes: zero(), lots: zero(), rejected: 0 };
}

/**
 * Builds the reports of one run. The source and checksum are filled in as the run learns them,
 * so that a report of a run that fails later still names what it read.
 */
export class RunReportBuilder {
  source: string | null = null;
  checksum: string | null = null;

  constructor(private readonly run: { runId: string; dryRun: boolean; forced: boolean; startedAt: Date }) {}

  build(input: Partial<RunReport> & Pick<RunReport, 'status' | 'message'>): RunReport {
    return {
      runId: this.run.runId,
      counts: emptyCounts(),
      rejectedRows: [],
      differences: [],
      errorCode: null,
      dryRun: this.run.dryRun,
      forced: this.run.forced,
      source: this.source,
      checksum: this.checksum,
      startedAt: this.run.startedAt,
      finishedAt: new Date(),
      ...input,
    };
  }

  fromPlan(plan: SyncPlan, status: RunStatus, message: string, errorCode: RunFailureCode | null = null): RunReport {
    return this.build({ status, message, errorCode, counts: plan.counts, rejectedRows: plan.rejected, differences: plan.differences });
  }
}
