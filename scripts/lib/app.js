'use strict';

// Shared steps of the command-line tools: local secrets, compilation, and an in-process
// Strapi on the configured database.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const APP_ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(APP_ROOT, 'dist');

const SECRET_KEYS = ['ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'JWT_SECRET'];

function randomSecret() {
  return crypto.randomBytes(24).toString('base64');
}

/**
 * Writes a .env with fresh random secrets when none exists, so a local installation never
 * runs on secrets published in the repository. Variables already in the environment win.
 */
function ensureLocalSecrets(log) {
  const envFile = path.join(APP_ROOT, '.env');
  if (!fs.existsSync(envFile)) {
    const lines = [
      '# Secrets of this local installation, generated at first start. Never commit this file.',
      `APP_KEYS=${[randomSecret(), randomSecret()].join(',')}`,
      ...SECRET_KEYS.map((key) => `${key}=${randomSecret()}`),
      '',
    ];
    fs.writeFileSync(envFile, lines.join('\n'), { mode: 0o600 });
    log('generated .env with random secrets');
  }

  for (const line of fs.readFileSync(envFile, 'utf8').split(/\r?\n/)) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
}

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function run(command, args, log) {
  log(`${path.basename(command)} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: APP_ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit code ${result.status})`);
}

function compileServer(log) {
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], log);
}

/** Builds the admin panel unless the existing build is newer than every admin source file. */
function buildAdminIfStale(log) {
  const built = path.join(DIST, 'build', 'index.html');
  const sources = ['src/admin', 'src/plugins', 'src/i18n', 'package-lock.json', 'config/admin.ts'].map((p) => path.join(APP_ROOT, p));
  const sourceTime = Math.max(...sources.map(newestMtime));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sourceTime) {
    log('admin panel already built');
    return;
  }
  run(path.join(APP_ROOT, 'node_modules', '.bin', 'strapi'), ['build'], log);
}

async function loadStrapi() {
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({ appDir: APP_ROOT, distDir: DIST }).load();
}

module.exports = { APP_ROOT, DIST, ensureLocalSecrets, compileServer, buildAdminIfStale, loadStrapi };
