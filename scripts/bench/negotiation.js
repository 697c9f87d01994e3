#!/usr/bin/env node
'use strict';

// Measures a négo update through REST with the phase engine against the same update served by
// a Strapi process on the same database whose document-service middlewares are not registered
// (the baseline), in one run, with 10 000 négos. Both servers run in their own process, apart
// from the process that sends the requests, so that they differ by the middlewares alone. An
// activity update is measured too, as a type the sales rules never touch. Writes
// docs/benchmarks/negotiation-update.md.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');
const { provisionPostgres } = require('../lib/postgres');
const { testEnvironment } = require('../lib/test-env');

const { APP_ROOT, DIST, compileServer, loadStrapi } = require('../lib/app');

const ROWS = Number(process.env.BENCH_ROWS || 10000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS || 200);
const WARMUP = 100;

function log(message) {
  process.stdout.write(`[bench:negotiation] ${message}\n`);
}

function documentId() {
  return crypto.randomBytes(12).toString('hex').slice(0, 24);
}

async function insertRows(knex, table, rows) {
  for (let start = 0; start < rows.length; start += 1000) {
    await knex(table).insert(rows.slice(start, start + 1000));
  }
}

async function seed(strapi) {
  const knex = strapi.db.connection;
  const now = new Date();
  const negotiations = [];
  const activities = [];
  for (let index = 0; index < ROWS; index += 1) {
    negotiations.push({
      document_id: documentId(),
      subject: `Bench ${index}`,
      phase: 'need',
      negotiation_status: 'open',
      purchase_type: 'main_residence',
      housing_type: 't3',
      department: '64',
      city: null,
      cash_purchase: false,
      // The empty list the product stores for a négo with no reservation and no deadline.
      // Without it, the first save of each seeded négo would also compute and store its deadlines.
      deadlines: JSON.stringify([]),
      created_at: now,
      updated_at: now,
      published_at: now,
    });
    activities.push({
      document_id: documentId(),
      kind: 'task',
      subject: `Bench ${index}`,
      priority: 'normal',
      activity_status: 'todo',
      created_at: now,
      updated_at: now,
      published_at: now,
    });
  }
  await insertRows(knex, 'negotiations', negotiations);
  await insertRows(knex, 'activities', activities);
  return {
    negotiations: negotiations.map((row) => row.document_id),
    activities: activities.map((row) => row.document_id),
  };
}

function percentile(sorted, share) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

async function timeRequests(baseUrl, token, pathFor, bodyFor, count, offset) {
  const durations = [];
  for (let index = 0; index < count; index += 1) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${baseUrl}${pathFor(index + offset)}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: bodyFor(index + offset) }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`PUT ${pathFor(index + offset)} returned HTTP ${response.status}`);
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return durations;
}

function summary(durations) {
  const sorted = [...durations].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), mean: sorted.reduce((s, d) => s + d, 0) / sorted.length };
}

/**
 * Serves the API, as the product does or, with `--baseline`, without the sales middleware.
 * Prints the port and runs until killed.
 */
async function serve() {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: APP_ROOT, distDir: DIST });
  // The baseline differs from the product by this line only: middlewares registered through
  // strapi.documents.use are dropped, so a négo save runs Strapi's own code alone.
  if (process.argv.includes('--baseline')) app.documents.use = () => app.documents;
  await app.load();
  app.server.mount();
  await new Promise((resolve) => app.server.httpServer.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`PORT ${app.server.httpServer.address().port}\n`);
}

function startServer(env, extraArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--serve', ...extraArgs], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`server ${extraArgs.join(' ')} exited with code ${code}`)));
  });
}

async function main() {
  const database = await provisionPostgres('crm_bench_negotiation', log);
  Object.assign(process.env, testEnvironment({ DATABASE_CLIENT: 'postgres', DATABASE_URL: database.url, LOG_LEVEL: 'error' }));
  if (process.env.BENCH_SKIP_COMPILE !== "1") compileServer(log);

  // This process creates the data and the token, then only sends the requests.
  const strapi = await loadStrapi();
  try {
    const token = (await strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', lifespan: null })).accessKey;

    log(`inserting ${ROWS} négos and ${ROWS} activities`);
    const ids = await seed(strapi);

    const engine = [];
    const bare = [];
    const plain = [];
    const negotiationUpdate = {
      path: (i) => `/negotiations/${ids.negotiations[i % ROWS]}`,
      body: (i) => ({ needNotes: `Note ${i}` }),
    };
    const plainUpdate = {
      path: (i) => `/activities/${ids.activities[i % ROWS]}`,
      body: (i) => ({ description: `Note ${i}` }),
    };

    const product = await startServer({ ...process.env }, []);
    const baseline = await startServer({ ...process.env }, ['--baseline']);
    const baseUrl = `http://127.0.0.1:${product.port}/api`;
    const baselineUrl = `http://127.0.0.1:${baseline.port}/api`;
    try {
      await timeRequests(baseUrl, token, negotiationUpdate.path, negotiationUpdate.body, WARMUP, 0);
      await timeRequests(baselineUrl, token, negotiationUpdate.path, negotiationUpdate.body, WARMUP, 0);
      await timeRequests(baseUrl, token, plainUpdate.path, plainUpdate.body, WARMUP, 0);

      // Rounds alternate between the servers so that drift in the machine's load hits both.
      for (let round = 0; round < ROUNDS; round += 1) {
        const offset = WARMUP + round * REQUESTS_PER_ROUND;
        engine.push(...(await timeRequests(baseUrl, token, negotiationUpdate.path, negotiationUpdate.body, REQUESTS_PER_ROUND, offset)));
        bare.push(...(await timeRequests(baselineUrl, token, negotiationUpdate.path, negotiationUpdate.body, REQUESTS_PER_ROUND, offset)));
        plain.push(...(await timeRequests(baseUrl, token, plainUpdate.path, plainUpdate.body, REQUESTS_PER_ROUND, offset)));
      }
    } finally {
      product.child.kill('SIGTERM');
      baseline.child.kill('SIGTERM');
    }

    const withEngine = summary(engine);
    const withoutEngine = summary(bare);
    const activity = summary(plain);
    const ratio = withEngine.median / withoutEngine.median;
    const lines = [
      '# Négo update with the phase engine',
      '',
      `Command: \`npm run bench -- negotiation\` (${new Date().toISOString().slice(0, 10)}).`,
      `Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, database: ${database.source}.`,
      `Data: ${ROWS} négos and ${ROWS} activities; ${ROUNDS} alternating rounds of ${REQUESTS_PER_ROUND} sequential PUT requests each, after ${WARMUP} warm-up requests of each kind.`,
      '',
      '| update through REST | median (ms) | p95 (ms) | mean (ms) |',
      '|---|---|---|---|',
      `| négo, server with the phase engine | ${withEngine.median.toFixed(2)} | ${withEngine.p95.toFixed(2)} | ${withEngine.mean.toFixed(2)} |`,
      `| négo, baseline server without the middlewares | ${withoutEngine.median.toFixed(2)} | ${withoutEngine.p95.toFixed(2)} | ${withoutEngine.mean.toFixed(2)} |`,
      `| activity, a type the sales rules do not touch | ${activity.median.toFixed(2)} | ${activity.p95.toFixed(2)} | ${activity.mean.toFixed(2)} |`,
      '',
      `Ratio of medians, négo with the engine over the baseline: **${ratio.toFixed(2)}** (target: at most 1.30).`,
      'Each request updates one free-text field of the négo (`needNotes`), so the engine re-derives the phase, validates the data and finds no phase change to record.',
      'The négos are seeded as the product stores them, with an empty deadline list. Both servers run in their own Node process on the same database, and a third process sends the requests.',
      '',
    ];
    fs.mkdirSync(path.join(APP_ROOT, 'docs', 'benchmarks'), { recursive: true });
    fs.writeFileSync(path.join(APP_ROOT, 'docs', 'benchmarks', 'negotiation-update.md'), lines.join('\n'));
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await strapi.destroy();
    await database.release();
  }
}

const entry = process.argv.includes('--serve') ? serve : main;
entry().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
