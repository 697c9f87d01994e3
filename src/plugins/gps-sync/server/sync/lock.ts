import type { Knex } from 'knex';
import type { DatabaseEngine } from './apply';
import { asDbRow } from './db-values';

/**
 * Key of the PostgreSQL advisory lock that serialises GPS runs across every instance sharing
 * the database: the ASCII codes of "GPSS".
 */
export const GPS_SYNC_LOCK_KEY = 0x47505353;

export interface RunLock {
  release(): Promise<void>;
}

/** Runs of this process; SQLite has no advisory lock, and one process serves an SQLite file. */
let heldInProcess = false;

/**
 * Takes the run lock without waiting, or returns null when another run holds it. On
 * PostgreSQL a session advisory lock is taken on a connection set aside from the pool for the
 * whole run, so that the database releases it if the process dies.
 */
export async function tryAcquireRunLock(knex: Knex, engine: DatabaseEngine): Promise<RunLock | null> {
  if (heldInProcess) return null;
  heldInProcess = true;

  if (engine === 'sqlite') {
    return {
      release: async () => {
        heldInProcess = false;
      },
    };
  }

  let connection: unknown;
  try {
    connection = await knex.client.acquireConnection();
    const result: unknown = await knex.raw('select pg_try_advisory_lock(?) as locked', [GPS_SYNC_LOCK_KEY]).connection(connection);
    const locked = readLocked(result);
    if (!locked) {
      await knex.client.releaseConnection(connection);
      heldInProcess = false;
      return null;
    }
  } catch (error) {
    if (connection !== undefined) await knex.client.releaseConnection(connection);
    heldInProcess = false;
    throw error;
  }

  return {
    release: async () => {
      try {
        await knex.raw('select pg_advisory_unlock(?)', [GPS_SYNC_LOCK_KEY]).connection(connection);
      } finally {
        await knex.client.releaseConnection(connection);
        heldInProcess = false;
      }
    },
  };
}

function readLocked(result: unknown): boolean {
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows) && result.rows.length === 1) {
    return asDbRow(result.rows[0]).locked === true;
  }
  throw new Error('Unexpected result of pg_try_advisory_lock');
}
