import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { databaseClient } from '../database/schema-extensions';
import { IsoDate, parseIsoDate } from '../domain/vefa';
import { createDeadlineRules, OpenNegotiationsRefresh } from './deadlines';
import { parisToday } from './paris-time';

/**
 * Key of the PostgreSQL advisory lock that lets one instance at a time recompute the deadlines:
 * the ASCII codes of "VEFA". The GPS import uses "GPSS", and each lock needs a key of its own.
 */
export const DEADLINES_LOCK_KEY = 0x56454641;

/** Every day at 06:00 in Paris, before the négociateurs start their day. */
export const DAILY_DEADLINES_RULE = '0 6 * * *';

/** Core store entry holding the last day the job completed, shared by every instance. */
const LAST_RUN_STORE = { type: 'core', name: 'vefa-deadlines', key: 'lastRunDate' } as const;

export type DailyDeadlineRun =
  | ({ outcome: 'done'; runId: string; today: IsoDate } & OpenNegotiationsRefresh)
  | { outcome: 'locked'; runId: string; today: IsoDate }
  | { outcome: 'already_done'; runId: string; today: IsoDate };

/**
 * Schedules the daily recomputation of the deadlines, unless CRM_SCHEDULES_ENABLED is `false`.
 * Call it from the application's bootstrap.
 */
export function registerDeadlineJobs(strapi: Core.Strapi): void {
  if (process.env.CRM_SCHEDULES_ENABLED === 'false') return;

  strapi.cron.add({
    recomputeVefaDeadlines: {
      task: async () => {
        await runDailyDeadlineJob(strapi);
      },
      options: { rule: DAILY_DEADLINES_RULE, tz: 'Europe/Paris' },
    },
  });
}

/**
 * Recomputes the deadlines of every open négo as of `today`, by default the current day in
 * Paris, so that states such as « dépassée » and the priority of the tasks follow the calendar
 * between saves of the négo.
 *
 * Every instance schedules the job. On PostgreSQL, the instance that takes the advisory lock
 * runs it and the others return `locked`. Inside the lock, a day already completed returns
 * `already_done`, so an instance whose clock runs late does not run the day twice. SQLite
 * serves a single process and takes no lock.
 */
export async function runDailyDeadlineJob(strapi: Core.Strapi, options: { today?: IsoDate } = {}): Promise<DailyDeadlineRun> {
  const today = options.today ?? parisToday();
  parseIsoDate(today);
  const runId = randomUUID().slice(0, 8);

  const lock = await tryLock(strapi);
  if (lock === null) {
    strapi.log.info(`[deadlines] run ${runId}: skipped because another instance holds the lock`);
    return { outcome: 'locked', runId, today };
  }

  try {
    const store = strapi.store(LAST_RUN_STORE);
    const lastRunDate: unknown = await store.get({});
    if (lastRunDate === today) {
      strapi.log.info(`[deadlines] run ${runId}: skipped because the deadlines of ${today} are already recomputed`);
      return { outcome: 'already_done', runId, today };
    }

    strapi.log.info(`[deadlines] run ${runId}: recomputing the deadlines of open négos as of ${today}`);
    const result = await createDeadlineRules(strapi).refreshOpenNegotiations(today, runId);
    await store.set({ value: today });

    const failures = result.failedNegotiationIds.length;
    const summary =
      `[deadlines] run ${runId}: ${result.negotiations} négos recomputed, ${result.overdueDeadlines} overdue deadlines, ` +
      `${result.taskChanges} task changes, ${failures} failures`;
    if (failures > 0) strapi.log.error(`${summary} (négos ${result.failedNegotiationIds.join(', ')})`);
    else strapi.log.info(summary);
    return { outcome: 'done', runId, today, ...result };
  } finally {
    await lock.release();
  }
}

interface JobLock {
  release(): Promise<void>;
}

/** Runs of this process, which share one connection pool and need no database lock. */
let runningInProcess = false;

/**
 * Takes the job lock without waiting, or returns null when a run holds it. A session advisory
 * lock belongs to one connection, so it is taken on a connection set aside from the pool for
 * the whole run. PostgreSQL drops it if the process dies.
 */
async function tryLock(strapi: Core.Strapi): Promise<JobLock | null> {
  if (runningInProcess) return null;
  runningInProcess = true;

  if (databaseClient(strapi) === 'sqlite') {
    return {
      release: async () => {
        runningInProcess = false;
      },
    };
  }

  const knex = strapi.db.connection;
  let connection: unknown;
  try {
    connection = await knex.client.acquireConnection();
    const result: unknown = await knex.raw('select pg_try_advisory_lock(?) as locked', [DEADLINES_LOCK_KEY]).connection(connection);
    if (!readLocked(result)) {
      await knex.client.releaseConnection(connection);
      runningInProcess = false;
      return null;
    }
  } catch (error) {
    if (connection !== undefined) await knex.client.releaseConnection(connection);
    runningInProcess = false;
    throw error;
  }

  return {
    release: async () => {
      try {
        await knex.raw('select pg_advisory_unlock(?)', [DEADLINES_LOCK_KEY]).connection(connection);
      } finally {
        await knex.client.releaseConnection(connection);
        runningInProcess = false;
      }
    },
  };
}

function readLocked(result: unknown): boolean {
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows) && result.rows.length === 1) {
    const row: unknown = result.rows[0];
    if (typeof row === 'object' && row !== null && 'locked' in row) return row.locked === true;
  }
  throw new Error(`Unexpected result of pg_try_advisory_lock: ${JSON.stringify(result)}`);
}
