#!/usr/bin/env node
'use strict';

// Runs every benchmark under scripts/bench/ (or those named on the command line, e.g.
// `npm run bench -- gps`), one after the other, each in its own process.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const BENCH_DIR = path.join(__dirname, 'bench');
const requested = process.argv.slice(2);
const available = fs
  .readdirSync(BENCH_DIR)
  .filter((file) => file.endsWith('.js'))
  .map((file) => file.replace(/\.js$/, ''))
  .sort();

const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark: ${unknown.join(', ')}; available: ${available.join(', ')}\n`);
  process.exit(2);
}

let failed = false;
for (const name of requested.length > 0 ? requested : available) {
  process.stdout.write(`\n=== benchmark ${name}\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(BENCH_DIR, `${name}.js`)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
