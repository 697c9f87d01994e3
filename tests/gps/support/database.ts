import fs from 'node:fs';
import path from 'node:path';
import createKnex from 'knex';
import { isPostgres } from '../../helpers/strapi';

const APP_DIR = path.resolve(__dirname, '..', '..', '..');

async function onSharedServer(url: string, work: (admin: ReturnType<typeof createKnex>) => Promise<unknown>): Promise<void> {
  const admin = createKnex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    await work(admin);
  } finally {
    await admin.destroy();
  }
}

export interface IsolatedDatabase {
  /** DATABASE_* variables of the database, for child processes. */
  env: Record<string, string>;
  /** Restores the previous variables and drops the database. */
  release(): Promise<void>;
}

/**
 * Points this test file at a database of its own, created empty. A GPS run treats every
 * stored programme missing from its export as ended, so it must not see the programmes
 * and lots that other test files create in the shared database.
 */
export async function useIsolatedDatabase(label: string): Promise<IsolatedDatabase> {
  const name = `crm_test_gps_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;

  if (!isPostgres()) {
    const previous = process.env.DATABASE_FILENAME;
    const file = path.join(APP_DIR, '.tmp', `${name}.db`);
    fs.rmSync(file, { force: true });
    process.env.DATABASE_FILENAME = file;
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
      release: async () => {
        if (previous === undefined) delete process.env.DATABASE_FILENAME;
        else process.env.DATABASE_FILENAME = previous;
        fs.rmSync(file, { force: true });
      },
    };
  }

  const sharedUrl = process.env.DATABASE_URL;
  if (!sharedUrl) throw new Error('DATABASE_URL must be set for the PostgreSQL suite');

  await onSharedServer(sharedUrl, async (admin) => {
    await admin.raw(`drop database if exists "${name}" with (force)`);
    await admin.raw(`create database "${name}"`);
  });

  const url = new URL(sharedUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();

  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    release: async () => {
      process.env.DATABASE_URL = sharedUrl;
      await onSharedServer(sharedUrl, (admin) => admin.raw(`drop database if exists "${name}" with (force)`));
    },
  };
}
