#!/usr/bin/env node
'use strict';

// Measures the GPS import on PostgreSQL with an export of 100 000 lots in 2 000 programmes, in
// three rounds of four steps: first import, unchanged re-import, re-import with 5 % of the prices
// changed, and the floor. The floor writes the same rows straight, with COPY and one
// INSERT … ON CONFLICT per table. Reports the medians and the peak RSS growth, in docs/benchmarks/gps-sync.md.
// Run with `npm run bench -- gps`; BENCH_GPS_LOTS changes the size (lots per programme stay 50)
// and BENCH_GPS_ROUNDS the number of rounds.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { from: copyFrom } = require('pg-copy-streams');
const { provisionPostgres } = require('../lib/postgres');
const { testEnvironment } = require('../lib/test-env');
const { APP_ROOT, loadStrapi } = require('../lib/app');
const { compileIfStale } = require('../gps-sync');

const LOTS = Number(process.env.BENCH_GPS_LOTS || 100_000);
const LOTS_PER_PROGRAMME = 50;
const PROGRAMMES = Math.ceil(LOTS / LOTS_PER_PROGRAMME);
const CHANGED_SHARE = 0.05;
/** Rounds of the four steps; the report gives each round and the medians. */
const ROUNDS = Number(process.env.BENCH_GPS_ROUNDS || 3);
const REPORT = path.join(APP_ROOT, 'docs', 'benchmarks', 'gps-sync.md');
/** Target for the peak RSS growth over the imports, in bytes (300 MB). */
const MEMORY_LIMIT = 300 * 1000 * 1000;

const STATUSES = ['LIBRE', 'LIBRE', 'OPTION', 'RESERVE', 'VENDU', 'VENDU', 'VENDU', 'BLOQUE'];
const TYPOLOGIES = ['STUDIO', 'T1', 'T2', 'T3', 'T4', 'T5'];

function log(message) {
  process.stdout.write(`[bench:gps] ${message}\n`);
}

/** Formats hundredths the French way, with a no-break space between thousands, as GPS writes prices. */
function frenchAmount(cents) {
  const integer = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${integer},${String(cents % 100).padStart(2, '0')}`;
}

/** Builds the export rows. With `changedShare` 0.05, every 20th lot gets another price. */
function generateExport({ changedShare }) {
  const programmes = [];
  const lots = [];
  const changeEvery = changedShare > 0 ? Math.round(1 / changedShare) : 0;
  for (let p = 0; p < PROGRAMMES; p += 1) {
    const code = `BEN-${String(p).padStart(5, '0')}`;
    programmes.push({ code, name: `Résidence Banc d'essai ${p}`, address: `${p + 1} avenue de la Plage`, postalCode: '64700', city: 'Hendaye', insee: '64260', delivery: '30/06/2028' });
    for (let l = 0; l < LOTS_PER_PROGRAMME && lots.length < LOTS; l += 1) {
      const index = lots.length;
      const typology = TYPOLOGIES[index % TYPOLOGIES.length];
      const rooms = typology === 'STUDIO' ? 1 : Number(typology.slice(1));
      const area = 2000 + rooms * 1800 + (index % 97) * 7;
      let price = 9_000_000 + rooms * 6_500_000 + (index % 89) * 10_050;
      if (changeEvery > 0 && index % changeEvery === 0) price += 150_000;
      lots.push({ programme: code, reference: `L${String(l).padStart(4, '0')}`, typology, rooms, area, price, status: STATUSES[index % STATUSES.length] });
    }
  }
  return { programmes, lots };
}

function writeExport(dir, data) {
  fs.mkdirSync(dir, { recursive: true });
  const programmeLines = ['code_programme;nom;adresse;code_postal;ville;code_insee;date_livraison_prevue'];
  for (const p of data.programmes) programmeLines.push([p.code, p.name, p.address, p.postalCode, p.city, p.insee, p.delivery].join(';'));
  const lotLines = ['code_programme;ref_lot;type_lot;typologie;nb_pieces;surface_habitable;prix_ttc;statut;date_maj'];
  for (const lot of data.lots) {
    lotLines.push([lot.programme, lot.reference, 'APPARTEMENT', lot.typology, lot.rooms, frenchAmount(lot.area), frenchAmount(lot.price), lot.status, '15/01/2026'].join(';'));
  }
  const bom = '\ufeff';
  fs.writeFileSync(path.join(dir, 'programmes.csv'), `${bom}${programmeLines.join('\r\n')}\r\n`);
  fs.writeFileSync(path.join(dir, 'lots.csv'), `${bom}${lotLines.join('\r\n')}\r\n`);
  return fs.statSync(path.join(dir, 'lots.csv')).size;
}

const GPS_STATUS = { LIBRE: 'available', OPTION: 'optioned', RESERVE: 'reserved', VENDU: 'sold', BLOQUE: 'blocked' };
const SALES_STATUS = { LIBRE: 'available', OPTION: 'optioned', RESERVE: 'reserved', VENDU: 'sold', BLOQUE: 'withdrawn' };

function documentId() {
  return crypto.randomBytes(18).toString('base64').replace(/[^a-z0-9]/gi, '').toLowerCase().padEnd(24, '0').slice(0, 24);
}

/** Formats one value for COPY … (FORMAT csv): an unquoted empty field is NULL. */
function csvValue(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function* csvChunks(rows, columns) {
  for (let start = 0; start < rows.length; start += 1000) {
    yield `${rows
      .slice(start, start + 1000)
      .map((row) => columns.map((column) => csvValue(row[column])).join(','))
      .join('\n')}\n`;
  }
}

/**
 * Copies `rows` into a new temporary table shaped like `table` with COPY, then writes them into
 * `table` with one INSERT … SELECT … ON CONFLICT on `conflictColumn`.
 */
async function copyThenUpsert(client, table, columns, rows, conflictColumn) {
  const staging = `floor_${table}`;
  const columnList = columns.map((column) => `"${column}"`).join(', ');
  await client.query(`create temp table "${staging}" on commit drop as select ${columnList} from "${table}" with no data`);
  await pipeline(Readable.from(csvChunks(rows, columns)), client.query(copyFrom(`copy "${staging}" (${columnList}) from stdin with (format csv)`)));
  const updates = columns
    .filter((column) => column !== conflictColumn && column !== 'document_id' && column !== 'created_at')
    .map((column) => `"${column}" = excluded."${column}"`);
  await client.query(
    `insert into "${table}" (${columnList}) select ${columnList} from "${staging}" on conflict ("${conflictColumn}") do update set ${updates.join(', ')}`,
  );
}

/**
 * Writes the export's rows straight into the empty tables, in one transaction: COPY into a
 * temporary table and one INSERT … ON CONFLICT per table, then one INSERT … SELECT of the
 * programme links.
 */
async function writeFloor(knex, data) {
  const now = new Date().toISOString();
  const programmes = data.programmes.map((p) => ({
    document_id: documentId(), gps_code: p.code, name: p.name, address: p.address, postal_code: p.postalCode, city: p.city, insee_code: p.insee,
    department: '64', planned_delivery_date: '2028-06-30', commercialisation_status: 'selling', last_gps_sync_at: now, created_at: now, updated_at: now, published_at: now,
  }));
  const lots = data.lots.map((lot) => ({
    document_id: documentId(), gps_key: `${lot.programme}/${lot.reference}`, reference: lot.reference, programme_code: lot.programme, kind: 'apartment',
    typology: lot.typology.toLowerCase(), rooms: lot.rooms, living_area: lot.area / 100, price: lot.price / 100, sales_status: SALES_STATUS[lot.status],
    gps_status: GPS_STATUS[lot.status], gps_updated_on: '2026-01-15', created_at: now, updated_at: now, published_at: now,
  }));

  const client = await knex.client.acquireConnection();
  try {
    await client.query('begin');
    await copyThenUpsert(client, 'programmes', Object.keys(programmes[0]), programmes, 'gps_code');
    await copyThenUpsert(client, 'lots', Object.keys(lots[0]), lots, 'gps_key');
    await client.query(
      `insert into lots_programme_lnk (lot_id, programme_id, lot_ord)
       select l.id, p.id, row_number() over (partition by p.id order by l.id)
       from floor_lots f join lots l on l.gps_key = f.gps_key join programmes p on p.gps_code = f.programme_code`,
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await knex.client.releaseConnection(client);
  }
}

async function emptyGpsTables(knex) {
  await knex.raw('truncate lots_main_lot_lnk, lots_programme_lnk, lot_holds, lots, programmes restart identity cascade');
  await knex.raw('vacuum analyze lots, programmes, lots_programme_lnk');
}

/**
 * Times one step and samples the RSS every 5 ms while it runs. A garbage collection is forced
 * first (bench.js passes --expose-gc), so that the step does not carry the garbage the previous
 * step left for V8 to collect later.
 */
async function measured(label, work) {
  if (global.gc) global.gc();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 5);

  const started = process.hrtime.bigint();
  let result;
  try {
    result = await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  log(`${label}: ${seconds.toFixed(2)} s, RSS ${mib(rssBefore)} MiB before, ${mib(rssPeak)} MiB at peak`);
  return { seconds, result, rssBefore, rssPeak };
}

function peakRssBytes() {
  return process.resourceUsage().maxRSS * 1024;
}

function mib(bytes) {
  return (bytes / 1024 / 1024).toFixed(0);
}

function checkCounts(label, report, expected) {
  const lots = report.counts.lots;
  const actual = { status: report.status, created: lots.created, updated: lots.updated, unchanged: lots.unchanged };
  for (const [key, value] of Object.entries(expected)) {
    if (actual[key] !== value) throw new Error(`${label}: expected ${key} ${value}, got ${actual[key]} (${report.message})`);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function writeReport(results) {
  const { rounds, memory, environment, loads } = results;
  const seconds = (value) => `${value.toFixed(2)} s`;
  const verdict = (ok) => (ok ? 'met' : '**not met**');
  const medians = {
    first: median(rounds.map((round) => round.first.seconds)),
    unchanged: median(rounds.map((round) => round.unchanged.seconds)),
    changed: median(rounds.map((round) => round.changed.seconds)),
    floor: median(rounds.map((round) => round.floor.seconds)),
  };
  const firstRatio = medians.first / medians.floor;
  const unchangedRatio = medians.unchanged / medians.first;
  const growth = memory.processPeak - memory.baseline;
  const perRound = (pick) => rounds.map((round) => pick(round).toFixed(2)).join(' / ');

  const lines = [
    '# GPS import benchmark',
    '',
    `Command: \`npm run bench -- gps\` (scripts/bench/gps.js), run on ${environment.date}.`,
    '',
    `Machine: ${environment.cpus} cores (${environment.cpuModel}), ${environment.memory} GiB of RAM, Node ${environment.node}, ${environment.postgres}.`,
    `Database: a new database on ${environment.databaseSource}, created by scripts/lib/postgres.js.`,
    `Other work shared the machine: the 1-minute load average was ${loads.map((load) => load.toFixed(1)).join(', ')} at the end of each round.`,
    '',
    `Data: ${LOTS.toLocaleString('en-US')} lots in ${PROGRAMMES.toLocaleString('en-US')} programmes, generated by the script;`,
    `lots.csv is ${(environment.lotsBytes / 1024 / 1024).toFixed(1)} MiB (UTF-8 with BOM, CRLF, French numbers with no-break spaces).`,
    "Each import calls `strapi.plugin('gps-sync').service('sync').run()` in the benchmark process. It reads",
    'and validates both files, loads the stored state, computes the plan and writes it in one transaction.',
    'After the first import it also runs VACUUM ANALYZE on the GPS tables, as the service does after any run',
    'that writes more than 10 000 rows. The first import creates a cuid2 document id per row with',
    `\`createId\` of @paralleldrive/cuid2, as Strapi does: ${seconds(results.idSeconds)} for ${LOTS.toLocaleString('en-US')} ids in this run.`,
    `${rounds.length} rounds, each on emptied tables:`,
    '',
    `| step | median | rounds (${rounds.map((_, index) => index + 1).join(' / ')}), s |`,
    '|---|---|---|',
    `| first import (empty tables) | ${seconds(medians.first)} | ${perRound((round) => round.first.seconds)} |`,
    `| re-import, unchanged | ${seconds(medians.unchanged)} | ${perRound((round) => round.unchanged.seconds)} |`,
    `| re-import, ${CHANGED_SHARE * 100} % of the prices changed | ${seconds(medians.changed)} | ${perRound((round) => round.changed.seconds)} |`,
    `| floor: same rows written straight, empty tables | ${seconds(medians.floor)} | ${perRound((round) => round.floor.seconds)} |`,
    '',
    'The floor writes the rows the first import writes (programmes, lots and their programme links) from',
    'rows already in memory, in one transaction: for programmes and lots, `COPY` into a temporary table and one',
    '`INSERT … SELECT … ON CONFLICT`, then one `INSERT … SELECT` of the programme links. It skips reading,',
    'validating, planning, the run record and the VACUUM ANALYZE. The import itself writes with',
    '`INSERT … SELECT FROM json_populate_recordset(…)` in batches.',
    '',
    '| target | measured (medians) | result | per round |',
    '|---|---|---|---|',
    `| first import ≤ 2 × floor | ${firstRatio.toFixed(2)} × floor | ${verdict(firstRatio <= 2)} | ${perRound((round) => round.first.seconds / round.floor.seconds)} |`,
    `| unchanged re-import ≤ ¼ of first import | ${unchangedRatio.toFixed(2)} × first import | ${verdict(unchangedRatio <= 0.25)} | ${perRound((round) => round.unchanged.seconds / round.first.seconds)} |`,
    `| peak RSS growth < 300 MB | ${mib(growth)} MiB | ${verdict(growth < MEMORY_LIMIT)} | |`,
    '',
    "Peak RSS growth is the process's peak RSS over all rounds (`process.resourceUsage().maxRSS`,",
    `${mib(memory.processPeak)} MiB) minus its RSS after Strapi booted (${mib(memory.baseline)} MiB). A garbage collection is forced`,
    'before each step (bench.js runs node with --expose-gc): without it, V8 collects the garbage of one',
    'import during the next and the peak adds up the two. RSS sampled every 5 ms during the first round:',
    '',
    '| step | RSS before | RSS at peak |',
    '|---|---|---|',
    ...memory.steps.map(([label, step]) => `| ${label} | ${mib(step.rssBefore)} MiB | ${mib(step.rssPeak)} MiB |`),
    '',
    'The times vary between runs with the load of the machine; the ratios compare steps of the same round.',
    '',
  ];
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, lines.join('\n'));
  log(`wrote ${path.relative(APP_ROOT, REPORT)}`);
  return firstRatio <= 2 && unchangedRatio <= 0.25 && growth < MEMORY_LIMIT;
}

async function runRound(context, index) {
  const { knex, run, original, originalDir, changedDir } = context;
  log(`round ${index + 1}`);
  await emptyGpsTables(knex);

  const first = await measured('first import', () => run(originalDir));
  checkCounts('first import', first.result, { status: 'success', created: LOTS });
  const unchanged = await measured('unchanged re-import', () => run(originalDir));
  checkCounts('unchanged re-import', unchanged.result, { status: 'success', unchanged: LOTS, updated: 0 });
  const changed = await measured('re-import with changed prices', () => run(changedDir));
  checkCounts('changed re-import', changed.result, { status: 'success', updated: Math.ceil(LOTS * CHANGED_SHARE) });

  await emptyGpsTables(knex);
  const floor = await measured('floor', () => writeFloor(knex, original));
  return { first, unchanged, changed, floor };
}

async function main() {
  compileIfStale();
  const database = await provisionPostgres('crm_bench_gps', log);
  Object.assign(process.env, testEnvironment({ DATABASE_CLIENT: 'postgres', DATABASE_URL: database.url, LOG_LEVEL: 'warn' }));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gps-'));
  let strapi;
  try {
    log(`generating ${LOTS} lots in ${PROGRAMMES} programmes`);
    const original = generateExport({ changedShare: 0 });
    const originalDir = path.join(workDir, 'original');
    const lotsBytes = writeExport(originalDir, original);
    const changedDir = path.join(workDir, 'changed');
    writeExport(changedDir, generateExport({ changedShare: CHANGED_SHARE }));

    strapi = await loadStrapi();
    const knex = strapi.db.connection;
    const sync = strapi.plugin('gps-sync').service('sync');
    const context = { knex, original, originalDir, changedDir, run: (dir) => sync.run({ trigger: 'cli', source: { dir } }) };

    const { createId } = require('@paralleldrive/cuid2');
    const idsStarted = process.hrtime.bigint();
    for (let index = 0; index < LOTS; index += 1) createId();
    const idSeconds = Number(process.hrtime.bigint() - idsStarted) / 1e9;

    if (global.gc) global.gc();
    const baseline = process.memoryUsage().rss;
    const rounds = [];
    const loads = [];
    for (let index = 0; index < ROUNDS; index += 1) {
      rounds.push(await runRound(context, index));
      loads.push(os.loadavg()[0]);
    }
    const processPeak = peakRssBytes();

    const version = (await knex.raw('show server_version')).rows[0].server_version;
    const first = rounds[0];
    const met = writeReport({
      rounds,
      loads,
      idSeconds,
      memory: {
        baseline,
        processPeak,
        steps: [
          ['first import', first.first],
          ['unchanged re-import', first.unchanged],
          ['re-import with changed prices', first.changed],
          ['floor', first.floor],
        ],
      },
      environment: {
        date: new Date().toISOString().slice(0, 10),
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
        memory: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        postgres: `PostgreSQL ${version}`,
        databaseSource: database.source,
        lotsBytes,
      },
    });
    log(met ? 'all targets met' : 'some targets not met, see the report');
    return met ? 0 : 1;
  } finally {
    if (strapi) await strapi.destroy();
    await database.release();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`[bench:gps] ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

module.exports = { generateExport, writeExport };
