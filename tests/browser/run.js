#!/usr/bin/env node
'use strict';

// Browser test of the négociateur's workspace: builds what is missing, starts `strapi start`
// on a free loopback port with a fresh PostgreSQL database, and drives Debian's Chromium
// headless through playwright-core. Ends with the line "N passed, N failed".
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium); TEST_SKIP_COMPILE=1 reuses dist/
// as it is; SCREENSHOTS_DIR (default docs/screenshots) receives the screens of the guide.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');
const { chromium } = require('playwright-core');
const { provisionPostgres, APP_ROOT } = require('../../scripts/lib/postgres');
const { buildAdminIfStale } = require('../../scripts/lib/app');
const { ACCOUNTS, PASSWORD, writeGpsExport } = require('./fixtures');
const { defineSteps } = require('./steps');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS_DIR = path.resolve(APP_ROOT, process.env.SCREENSHOTS_DIR || 'docs/screenshots');
const FAILURES_DIR = path.join(APP_ROOT, '.tmp', 'browser-failures');
// GPS export that the « Synchroniser maintenant » step imports, written afresh on each run.
const GPS_EXPORT_DIR = path.join(APP_ROOT, '.tmp', 'browser-gps-export');
const SERVER_START_TIMEOUT_MS = 90000;
// Playwright's wait for each action and check; admin pages of this test load in a few seconds at most.
const ACTION_TIMEOUT_MS = 20000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=fr-FR',
];

// Test-only secrets: they sign sessions of a throwaway database.
const SECRETS = {
  APP_KEYS: 'browser-key-one,browser-key-two',
  ADMIN_JWT_SECRET: 'browser-admin-jwt-secret',
  API_TOKEN_SALT: 'browser-api-token-salt',
  TRANSFER_TOKEN_SALT: 'browser-transfer-token-salt',
  ENCRYPTION_KEY: 'browser-encryption-key',
  JWT_SECRET: 'browser-jwt-secret',
};

function log(message) {
  process.stdout.write(`[browser] ${message}\n`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function compileServer() {
  log('compiling the application (tsc)');
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: APP_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('TypeScript compilation failed; fix it or run with TEST_SKIP_COMPILE=1 after compiling with --noEmitOnError false');
}

async function waitForHealth(baseUrl, server) {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`strapi start exited with code ${server.exitCode} before answering`);
    try {
      const response = await fetch(`${baseUrl}/_health`);
      if (response.status === 204) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`strapi start did not answer on ${baseUrl}/_health within ${SERVER_START_TIMEOUT_MS / 1000} s`);
}

function startServer(env, logFile) {
  const output = fs.openSync(logFile, 'w');
  const server = spawn(path.join(APP_ROOT, 'node_modules', '.bin', 'strapi'), ['start'], { cwd: APP_ROOT, env, stdio: ['ignore', output, output] });
  return server;
}

async function stopServer(server) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

function loadFixtures(env) {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'fixtures.js')], { cwd: APP_ROOT, env, encoding: 'utf8' });
  const line = result.stdout.split('\n').find((text) => text.startsWith('FIXTURES '));
  if (result.status !== 0 || !line) throw new Error(`Loading the fixtures failed (exit code ${result.status}):\n${result.stderr}`);
  return JSON.parse(line.slice('FIXTURES '.length));
}

async function openBrowserContext(baseUrl) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-browser-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl,
    viewport: { width: 1440, height: 1000 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  // Failed API calls explain most failed steps, so they go to the output with their message.
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (response.status() < 400 || url.pathname.startsWith('/admin/') || url.pathname === '/favicon.ico') return;
    // Strapi's own probes for features this application does not configure (preview, AI translation).
    if (response.status() === 404 && /^\/(content-manager\/preview|i18n\/ai-localization-jobs)\//.test(url.pathname)) return;
    const body = await response.text().catch(() => '');
    log(`  ${response.request().method()} ${url.pathname} → ${response.status()} ${body.slice(0, 300)}`);
  });
  return { context, page, userDataDir };
}

async function runSteps(steps, pages) {
  const results = [];
  let blocked = null;
  for (const step of steps) {
    if (blocked) {
      results.push({ name: step.name, status: 'skipped', reason: `after failure of « ${blocked} »` });
      continue;
    }
    const started = Date.now();
    try {
      await step.run();
      results.push({ name: step.name, status: 'passed', ms: Date.now() - started });
      log(`ok   ${step.name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.push({ name: step.name, status: 'failed', error });
      log(`FAIL ${step.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      fs.mkdirSync(FAILURES_DIR, { recursive: true });
      for (const [who, page] of Object.entries(pages)) {
        await page.screenshot({ path: path.join(FAILURES_DIR, `${step.name.replace(/\W+/g, '-')}-${who}.png`), fullPage: true }).catch(() => undefined);
      }
      // Later steps build on the earlier ones, so they cannot run meaningfully.
      blocked = step.name;
    }
  }
  return results;
}

async function main() {
  const started = Date.now();
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH`);

  Object.assign(process.env, SECRETS, { STRAPI_TELEMETRY_DISABLED: 'true' });
  if (process.env.TEST_SKIP_COMPILE !== '1') compileServer();
  buildAdminIfStale(log);

  // One database per run, so that runs started side by side do not drop each other's data.
  const databaseName = `crm_browser_${process.pid}`;
  const database = await provisionPostgres(databaseName, log);
  log(`database ${databaseName} on ${database.source}`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: database.url,
    HOST: '127.0.0.1',
    PORT: String(port),
    SERVE_ADMIN_PANEL: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    GPS_SOURCE_DIR: GPS_EXPORT_DIR,
    GPS_SCHEDULE_ENABLED: 'false',
    CRM_SCHEDULES_ENABLED: 'false',
  };

  let server = null;
  const contexts = [];
  let results = [];
  try {
    log('loading the fixtures');
    writeGpsExport(GPS_EXPORT_DIR);
    const fixtures = loadFixtures(env);

    const serverLog = path.join(APP_ROOT, '.tmp', 'browser-server.log');
    fs.mkdirSync(path.dirname(serverLog), { recursive: true });
    server = startServer(env, serverLog);
    await waitForHealth(baseUrl, server);
    log(`strapi start is up on ${baseUrl} (log in ${path.relative(APP_ROOT, serverLog)})`);

    const claire = await openBrowserContext(baseUrl);
    const julien = await openBrowserContext(baseUrl);
    const director = await openBrowserContext(baseUrl);
    contexts.push(claire, julien, director);

    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const steps = defineSteps({
      pages: { claire: claire.page, julien: julien.page, director: director.page },
      accounts: ACCOUNTS,
      password: PASSWORD,
      fixtures,
      screenshotsDir: SCREENSHOTS_DIR,
    });
    results = await runSteps(steps, { claire: claire.page, julien: julien.page, director: director.page });
  } finally {
    for (const { context, userDataDir } of contexts) {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
    if (server) await stopServer(server);
    await database.release();
  }

  const passed = results.filter((result) => result.status === 'passed').length;
  const failed = results.filter((result) => result.status === 'failed').length;
  const skipped = results.filter((result) => result.status === 'skipped').length;
  for (const result of results.filter((item) => item.status === 'failed')) {
    process.stderr.write(`\n[browser] ${result.name}\n${result.error instanceof Error ? result.error.stack : String(result.error)}\n`);
  }
  log(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
  process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exitCode = failed > 0 || skipped > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`[browser] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.stdout.write('\n0 passed, 1 failed\n');
  process.exitCode = 1;
});
