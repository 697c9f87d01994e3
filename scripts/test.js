#!/usr/bin/env node
'use strict';

// Runs the whole test suite: the pure rules and the API suite on PostgreSQL, then the smaller
// API suite on SQLite, the embedded default. Extra arguments go to jest (a path filter, -t …).
// Ends with the line "N passed, N failed" and a non-zero exit code when a test failed.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { provisionPostgres, APP_ROOT } = require('./lib/postgres');
const { testEnvironment } = require('./lib/test-env');

// API test files that also run on SQLite: the data model, REST access and the GPS import.
const SQLITE_SUITE = [
  'tests/api/content-types.test.ts',
  'tests/api/rest-crud.test.ts',
  'tests/api/gps-import.test.ts',
  'tests/api/demo-seed.test.ts',
  'tests/access/owner-column.test.ts',
];

function log(message) {
  process.stdout.write(`[test] ${message}\n`);
}

function compileApplication() {
  log('compiling the application (tsc)');
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: APP_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error('TypeScript compilation failed');
  }
}

function runJest({ label, env, files, extraArgs }) {
  const reportFile = path.join(APP_ROOT, '.tmp', `jest-${label}-${process.pid}.json`);
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.rmSync(reportFile, { force: true });

  log(`running the ${label} suite`);
  const args = [require.resolve('jest/bin/jest'), '--runInBand', '--json', `--outputFile=${reportFile}`, ...extraArgs];
  if (files.length > 0) args.push('--runTestsByPath', ...files);
  const result = spawnSync(process.execPath, args, {
    cwd: APP_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });

  if (!fs.existsSync(reportFile)) {
    return { passed: 0, failed: 1, crashed: true, status: result.status };
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const suiteErrors = report.numRuntimeErrorTestSuites || 0;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + suiteErrors,
    skipped: report.numPendingTests + report.numTodoTests,
    status: result.status,
  };
}

async function main() {
  const extraArgs = process.argv.slice(2);
  const onlySqlite = process.env.TEST_ONLY === 'sqlite';
  const onlyPostgres = process.env.TEST_ONLY === 'postgres';

  // TEST_SKIP_COMPILE=1 reuses dist/ as it is, to iterate on tests without a rebuild.
  if (process.env.TEST_SKIP_COMPILE !== '1') compileApplication();
  const results = [];

  if (!onlySqlite) {
    // One database per run, so that runs started side by side do not drop each other's data.
    const database = await provisionPostgres(process.env.TEST_DATABASE_NAME || `crm_test_${process.pid}`, log);
    log(`PostgreSQL suite on ${database.source}`);
    try {
      results.push(
        runJest({
          label: 'postgres',
          env: testEnvironment({ DATABASE_CLIENT: 'postgres', DATABASE_URL: database.url, TEST_DATABASE: 'postgres' }),
          files: [],
          extraArgs,
        }),
      );
    } finally {
      await database.release();
    }
  }

  if (!onlyPostgres) {
    const sqliteFile = path.join(APP_ROOT, '.tmp', `test-sqlite-${process.pid}.db`);
    fs.rmSync(sqliteFile, { force: true });
    const env = testEnvironment({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: sqliteFile, TEST_DATABASE: 'sqlite' });
    delete process.env.DATABASE_URL;
    // Path filters given on the command line narrow the SQLite suite instead of adding to it.
    const pathFilters = extraArgs.filter((arg) => !arg.startsWith('-'));
    const flags = extraArgs.filter((arg) => arg.startsWith('-'));
    const files = SQLITE_SUITE.filter(
      (file) => fs.existsSync(file) && (pathFilters.length === 0 || pathFilters.some((filter) => file.includes(filter.replace(/^\.\//, '')))),
    );
    if (files.length > 0) results.push(runJest({ label: 'sqlite', env, files, extraArgs: flags }));
    fs.rmSync(sqliteFile, { force: true });
  }

  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const skipped = results.reduce((sum, r) => sum + (r.skipped || 0), 0);
  const anyNonZero = results.some((r) => r.status !== 0);

  process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exitCode = failed > 0 || anyNonZero ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`[test] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
