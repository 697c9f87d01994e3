#!/usr/bin/env node
'use strict';

// Command-line GPS synchronisation: `npm run gps:sync -- --file DIR`. Boots the application in
// this process on the configured database (DATABASE_* variables), compiling it first when
// dist/ is missing or older than the sources, runs one synchronisation and prints a French
// summary. Exit code: 0 applied (rejected rows included), 1 failed or skipped, 2 bad options.
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { APP_ROOT, DIST, ensureLocalSecrets, compileServer, loadStrapi } = require('./lib/app');

const HELP = `Usage : npm run gps:sync -- [options]

Importe l'export GPS (programmes.csv et lots.csv) dans la base configurée
(variables DATABASE_*, sinon la base SQLite .tmp/data.db).

Options :
  --file DOSSIER         dossier contenant programmes.csv et lots.csv
                         (par défaut : GPS_SOURCE_DIR, sinon data/gps)
  --programmes FICHIER   chemin de programmes.csv, s'il n'est pas dans le dossier
  --lots FICHIER         chemin de lots.csv, s'il n'est pas dans le dossier
  --url URL              adresse HTTP(S) du dossier de l'export ; le jeton d'accès
                         se lit dans la variable GPS_SOURCE_TOKEN
  --encoding ENCODAGE    utf-8 ou windows-1252 (par défaut : détecté fichier par fichier)
  --dry-run              calcule et affiche les changements sans rien écrire
  --force                applique même si la synchronisation retire plus de lots
                         disponibles que le seuil (GPS_MAX_WITHDRAWAL_SHARE, 20 % par défaut)
  --skip-compile         utilise dist/ tel quel, sans recompiler
  -h, --help             affiche cette aide

Code de sortie : 0 si la synchronisation est appliquée (même avec des lignes rejetées),
1 si elle échoue ou est ignorée, 2 si les options sont invalides.
`;

const OPTIONS = {
  file: { type: 'string' },
  programmes: { type: 'string' },
  lots: { type: 'string' },
  url: { type: 'string' },
  encoding: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  'skip-compile': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

/** Rejected rows and differences printed at most; the run record stores the first 1 000 of each. */
const PRINTED_ROWS = 20;

function log(message) {
  process.stderr.write(`[gps-sync] ${message}\n`);
}

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/**
 * Compiles the application when dist/ is missing or a source is newer than the last build.
 * The build-info file is touched after a build, because tsc leaves it alone when nothing changed.
 */
function compileIfStale() {
  const buildInfo = path.join(DIST, 'tsconfig.tsbuildinfo');
  const entry = path.join(DIST, 'src', 'index.js');
  const sources = ['src', 'config', 'types', 'tsconfig.json'].map((name) => path.join(APP_ROOT, name));
  const builtAt = fs.existsSync(buildInfo) && fs.existsSync(entry) ? fs.statSync(buildInfo).mtimeMs : 0;
  if (builtAt >= Math.max(...sources.map(newestMtime))) return;

  compileServer(log);
  const now = new Date();
  fs.utimesSync(buildInfo, now, now);
}

/** Rewords the errors of util.parseArgs, which are in English, for a French user. */
function frenchParseError(error) {
  const option = /'(-[^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `option inconnue : ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `valeur manquante ou invalide pour l'option ${option}`;
    default:
      return error.message;
  }
}

function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new Error(frenchParseError(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new Error(`argument inattendu : ${positionals.join(' ')}`);
  if (values.file && values.url) throw new Error('--file et --url ne peuvent pas être utilisés ensemble');
  return values;
}

function sourceOf(values) {
  const source = {};
  if (values.file) source.dir = path.resolve(values.file);
  if (values.programmes) source.programmesFile = path.resolve(values.programmes);
  if (values.lots) source.lotsFile = path.resolve(values.lots);
  if (values.url) source.url = values.url;
  if (values.encoding !== undefined) source.encoding = values.encoding;
  // Paths given without --file are absolute, so the current folder is never used to find them.
  if (!source.dir && !source.url && (source.programmesFile || source.lotsFile)) source.dir = process.cwd();
  return source;
}

/** Prints progress on one line on a terminal, one line per phase otherwise. */
function progressPrinter() {
  let lastPhase = null;
  return (progress) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r\x1b[2K[gps-sync] ${progress.message}`);
      if (progress.phase === 'done') process.stderr.write('\n');
    } else if (progress.phase !== lastPhase || progress.phase === 'reading') {
      log(progress.message);
    }
    lastPhase = progress.phase;
  };
}

function printReport(report) {
  const lines = [report.message];
  if (report.rejectedRows.length > 0) {
    lines.push('', `Lignes rejetées (${report.rejectedRows.length}) :`);
    for (const row of report.rejectedRows.slice(0, PRINTED_ROWS)) lines.push(`  ${row.file}, ligne ${row.line} [${row.code}] : ${row.reason}`);
    if (report.rejectedRows.length > PRINTED_ROWS) lines.push(`  … et ${report.rejectedRows.length - PRINTED_ROWS} autres, dans le rapport ${report.runId}.`);
  }
  if (report.differences.length > 0) {
    lines.push('', `Écarts entre GPS et le CRM (${report.differences.length}) :`);
    for (const difference of report.differences.slice(0, PRINTED_ROWS)) lines.push(`  ${difference.message}`);
    if (report.differences.length > PRINTED_ROWS) lines.push(`  … et ${report.differences.length - PRINTED_ROWS} autres, dans le rapport ${report.runId}.`);
  }
  lines.push('', `Rapport : ${report.runId} (statut ${report.status}${report.errorCode ? `, code ${report.errorCode}` : ''}).`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  let values;
  try {
    values = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`Options invalides : ${error.message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }

  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  ensureLocalSecrets(log);
  if (!values['skip-compile']) compileIfStale();

  const strapi = await loadStrapi();
  try {
    const report = await strapi
      .plugin('gps-sync')
      .service('sync')
      .run({
        trigger: 'cli',
        source: sourceOf(values),
        dryRun: values['dry-run'],
        force: values.force,
        onProgress: progressPrinter(),
      });
    printReport(report);
    return report.status === 'success' || report.status === 'partial' ? 0 : 1;
  } finally {
    await strapi.destroy();
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`[gps-sync] échec : ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

module.exports = { compileIfStale };
