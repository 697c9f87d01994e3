#!/usr/bin/env node
'use strict';

// Builds what is needed, loads the demo data (idempotent), then starts the CRM on
// http://localhost:1337/admin. Options: --no-start (load the data and stop).
const path = require('node:path');
const { APP_ROOT, DIST, ensureLocalSecrets, compileServer, buildAdminIfStale, loadStrapi } = require('./lib/app');
const { demoAccounts } = require('./lib/demo-accounts');

function log(message) {
  process.stdout.write(`[demo] ${message}\n`);
}

async function seed(accounts) {
  const strapi = await loadStrapi();
  try {
    const { seedDemo } = require(path.join(DIST, 'src', 'demo', 'seed.js'));
    const report = await seedDemo(strapi, { accounts, gpsSourceDir: path.join(APP_ROOT, 'data', 'gps-hendaye') });
    const { users, contacts, negotiations, activities } = report.created;
    log(`demo data: created ${users} accounts, ${contacts} contacts, ${negotiations} négos, ${activities} activities; GPS import ${report.gpsRunStatus}`);
  } finally {
    await strapi.destroy();
  }
}

function printAccounts(accounts) {
  const port = process.env.PORT || '1337';
  const lines = [
    '',
    `  CRM VEFA (démo) : http://localhost:${port}/admin`,
    `  Administrateur : ${accounts.admin.email} / ${accounts.admin.password}`,
    ...accounts.negotiators.map((n) => `  Négociateur    : ${n.email} / ${n.password} (API REST : ${n.email.split('@')[0]})`),
    '  Identifiants de démonstration, pour un usage local uniquement.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  const startServer = !process.argv.includes('--no-start');
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  // The demo's « Synchroniser maintenant » and nightly run read the bundled Hendaye sample.
  process.env.GPS_SOURCE_DIR = process.env.GPS_SOURCE_DIR || 'data/gps-hendaye';
  ensureLocalSecrets(log);
  compileServer(log);
  if (startServer) buildAdminIfStale(log);

  const accounts = demoAccounts();
  await seed(accounts);
  printAccounts(accounts);
  if (!startServer) return;

  // The server runs in this process, so stopping the demo (Ctrl+C, SIGTERM) stops the server:
  // Strapi handles both signals and shuts down cleanly.
  const { createStrapi } = require('@strapi/strapi');
  await createStrapi({ appDir: APP_ROOT, distDir: DIST }).start();
}

main().catch((error) => {
  process.stderr.write(`[demo] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
