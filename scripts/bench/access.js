#!/usr/bin/env node
'use strict';

// Measures two REST lists with the access rules on, on PostgreSQL with 100 000 négos and
// 1 000 000 lots. The first is « Mes négos ouvertes » of a négociateur (JWT of a
// users-permissions account linked to the staff member, `mine=true`, 100 per page). The second
// is the available lots of a programme as the public site reads them (no credentials, 100 per
// page). Each is compared with the same
// endpoint and the same filters written out, requested with a full-access API token, for which
// the access rules add no scope and remove nothing: that is the plain query path. Writes
// docs/benchmarks/access.md. Run with `npm run bench -- access`; BENCH_NEGOTIATIONS, BENCH_LOTS
// and BENCH_REQUESTS change the sizes, BENCH_EXPLAIN=1 prints the query plans and
// BENCH_KEEP_DATABASE=1 keeps the database for psql.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { provisionPostgres } = require('../lib/postgres');
const { testEnvironment } = require('../lib/test-env');
const { APP_ROOT, compileServer, loadStrapi } = require('../lib/app');

const NEGOTIATIONS = Number(process.env.BENCH_NEGOTIATIONS || 100_000);
const LOTS = Number(process.env.BENCH_LOTS || 1_000_000);
const NEGOTIATORS = 20;
const LOTS_PER_PROGRAMME = 1000;
const PROGRAMMES = Math.ceil(LOTS / LOTS_PER_PROGRAMME);
const INSERT_BATCH = 100_000;
const ROUNDS = 5;
const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS || 200);
const WARMUP = 50;
const PAGE_SIZE = 100;
const PASSWORD = 'Bench-Access-2026';
const REPORT = path.join(APP_ROOT, 'docs', 'benchmarks', 'access.md');

function log(message) {
  process.stdout.write(`[bench:access] ${message}\n`);
}

function joinTableOf(strapi, uid, attribute) {
  const joinTable = strapi.db.metadata.get(uid).attributes[attribute].joinTable;
  return {
    name: joinTable.name,
    join: joinTable.joinColumn.name,
    inverse: joinTable.inverseJoinColumn.name,
    order: joinTable.orderColumnName,
    inverseOrder: joinTable.inverseOrderColumnName,
  };
}

/** Link rows for `select <source id>, <target id> from …`; order columns get 1. */
function linkInsert(link, selectSql) {
  const columns = [link.join, link.inverse, link.order, link.inverseOrder].filter(Boolean);
  const extra = columns.length - 2;
  return `insert into ${link.name} (${columns.join(', ')}) select source_id, target_id${', 1'.repeat(extra)} from (${selectSql}) as pairs`;
}

/** Creates the négociateurs (admin users) and a REST account for the first one. */
async function createNegotiators(strapi) {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'crm-negotiator' } });
  const ids = [];
  for (let index = 0; index < NEGOTIATORS; index += 1) {
    const user = await strapi.service('admin::user').create({
      email: `bench.negotiator.${index}@example.com`,
      firstname: `Négociateur ${index}`,
      lastname: 'Bench',
      password: PASSWORD,
      isActive: true,
      roles: [role.id],
      registrationToken: null,
    });
    ids.push(Number(user.id));
  }
  const authenticated = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  await strapi.plugin('users-permissions').service('user').add({
    username: 'bench-negotiator',
    email: 'bench.negotiator.api@example.com',
    password: PASSWORD,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: authenticated.id,
    staffMember: ids[0],
  });
  return ids;
}

/**
 * Inserts the négos in batches with one INSERT … SELECT from generate_series each, then their
 * owner link rows: each run of 10 consecutive négos (6 open, 2 won, 1 lost, 1 closed) belongs
 * to one négociateur, in turn.
 */
async function insertNegotiations(strapi, staffIds) {
  const knex = strapi.db.connection;
  const owner = joinTableOf(strapi, 'api::negotiation.negotiation', 'owner');
  for (let start = 1; start <= NEGOTIATIONS; start += INSERT_BATCH) {
    const end = Math.min(NEGOTIATIONS, start + INSERT_BATCH - 1);
    await knex.raw(
      `insert into negotiations (document_id, subject, phase, negotiation_status, purchase_type, housing_type, department, city, cash_purchase, created_at, updated_at, published_at)
       select substr(md5('nego' || g::text), 1, 24), 'Négo banc d''essai ' || g,
              case when g % 10 < 6 then 'commercial_actions' when g % 10 < 8 then 'deed' else 'withdrawal' end,
              case when g % 10 < 6 then 'open' when g % 10 < 8 then 'won' when g % 10 < 9 then 'lost' else 'closed' end,
              'main_residence', 't3', '64', 'Hendaye', false, now(), now(), now()
       from generate_series(?::int, ?::int) as g`,
      [start, end],
    );
  }
  await knex.raw(
    linkInsert(owner, `select n.id as source_id, (?::int[])[(n.id / 10) % ${NEGOTIATORS} + 1] as target_id from negotiations n`),
    [staffIds],
  );
}

/**
 * Inserts the programmes (90 % in commercialisation), then the lots in batches with one
 * INSERT … SELECT each, then their programme link rows in batches of ids. 40 % of the lots
 * are available.
 */
async function insertStock(strapi) {
  const knex = strapi.db.connection;
  const programme = joinTableOf(strapi, 'api::lot.lot', 'programme');
  await knex.raw(
    `insert into programmes (document_id, gps_code, name, city, postal_code, department, commercialisation_status, created_at, updated_at, published_at)
     select substr(md5('prog' || g::text), 1, 24), 'BA-' || lpad(g::text, 5, '0'), 'Résidence banc d''essai ' || g, 'Hendaye', '64700', '64',
            case when g % 10 = 0 then 'ended' else 'selling' end, now(), now(), now()
     from generate_series(1, ?::int) as g`,
    [PROGRAMMES],
  );
  for (let start = 0; start < LOTS; start += INSERT_BATCH) {
    const end = Math.min(LOTS, start + INSERT_BATCH) - 1;
    await knex.raw(
      `insert into lots (document_id, gps_key, reference, programme_code, kind, typology, rooms, living_area, price, sales_status, gps_status, created_at, updated_at, published_at)
       select substr(md5('lot' || g::text), 1, 24),
              'BA-' || lpad((g / ${LOTS_PER_PROGRAMME} + 1)::text, 5, '0') || '/L' || lpad((g % ${LOTS_PER_PROGRAMME})::text, 4, '0'),
              'L' || lpad((g % ${LOTS_PER_PROGRAMME})::text, 4, '0'),
              'BA-' || lpad((g / ${LOTS_PER_PROGRAMME} + 1)::text, 5, '0'),
              'apartment', 't3', 3, 64.5, 250000 + (g % 997) * 100,
              case when g % 20 < 8 then 'available' when g % 20 < 12 then 'reserved' when g % 20 < 19 then 'sold' else 'withdrawn' end,
              case when g % 20 < 8 then 'available' when g % 20 < 12 then 'reserved' when g % 20 < 19 then 'sold' else 'blocked' end,
              now(), now(), now()
       from generate_series(?::int, ?::int) as g`,
      [start, end],
    );
  }
  const { min, max } = await knex('lots').min('id as min').max('id as max').first();
  for (let from = Number(min); from <= Number(max); from += INSERT_BATCH) {
    await knex.raw(
      linkInsert(programme, `select l.id as source_id, p.id as target_id from lots l join programmes p on p.gps_code = l.programme_code where l.id between ? and ?`),
      [from, from + INSERT_BATCH - 1],
    );
  }
}

function percentile(sorted, share) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

function summary(durations) {
  const sorted = [...durations].sort((a, b) => a - b);
  return { count: sorted.length, median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), mean: sorted.reduce((sum, d) => sum + d, 0) / sorted.length };
}

/** Sends `count` sequential GET requests; `pathFor(i)` varies the page to read. */
async function timeRequests(baseUrl, token, pathFor, count, offset, expectedSize) {
  const durations = [];
  for (let index = 0; index < count; index += 1) {
    const url = `${baseUrl}${pathFor(index + offset)}`;
    const started = process.hrtime.bigint();
    const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const body = await response.json();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.status !== 200) throw new Error(`GET ${url} failed with status ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (body.data.length !== expectedSize) throw new Error(`GET ${url} returned ${body.data.length} records instead of ${expectedSize}`);
  }
  return durations;
}

async function login(baseUrl) {
  const response = await fetch(`${baseUrl}/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: 'bench-negotiator', password: PASSWORD }),
  });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`Login of bench-negotiator failed with status ${response.status}: ${JSON.stringify(body)}`);
  return body.jwt;
}

/** Counts rows with one SQL query, to size the page ranges. */
async function scalar(knex, sql, bindings) {
  const result = await knex.raw(sql, bindings);
  return Number(Object.values(result.rows[0])[0]);
}

/** Returns the SQL statements one request sends, with their bindings. */
async function captureQueries(knex, baseUrl, variant, index) {
  const captured = [];
  const listener = (query) => captured.push({ sql: query.sql, bindings: [...(query.bindings ?? [])] });
  knex.client.on('query', listener);
  try {
    await timeRequests(baseUrl, variant.token, variant.path, 1, index, PAGE_SIZE);
  } finally {
    knex.client.removeListener('query', listener);
  }
  return captured;
}

/** Runs EXPLAIN ANALYZE on a captured statement and returns the plan lines. */
async function explain(knex, query) {
  // The event carries the driver's SQL with $1, $2… placeholders, while knex.raw expects `?`.
  const bindings = [];
  const sql = query.sql.replace(/\$(\d+)/g, (_match, position) => {
    bindings.push(query.bindings[Number(position) - 1]);
    return '?';
  });
  const plan = await knex.raw(`explain analyze ${sql}`, bindings);
  return plan.rows.map((line) => line['QUERY PLAN']);
}

/**
 * Measures the database time of a variant's list and count queries (the SELECTs on the
 * listed table) for request `index`: the median "Execution Time" of 5 EXPLAIN ANALYZE runs
 * each, summed. BENCH_EXPLAIN=1 also prints every plan.
 */
async function databaseTime(knex, baseUrl, variant, index, table) {
  const queries = await captureQueries(knex, baseUrl, variant, index);
  let total = 0;
  for (const query of queries.filter((entry) => entry.sql.includes(`from "public"."${table}" as "t0"`))) {
    const times = [];
    for (let run = 0; run < 5; run += 1) {
      const plan = await explain(knex, query);
      times.push(Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))[1]));
      if (run === 0 && process.env.BENCH_EXPLAIN === '1') log(`${query.sql}\n${plan.join('\n')}`);
    }
    total += percentile([...times].sort((a, b) => a - b), 0.5);
  }
  return total;
}

function verdict(met) {
  return met ? 'met' : '**not met**';
}

function row(label, stats, dbTime) {
  return `| ${label} | ${stats.count} | ${stats.median.toFixed(2)} | ${stats.p95.toFixed(2)} | ${stats.mean.toFixed(2)} | ${dbTime.first.toFixed(1)} / ${dbTime.last.toFixed(1)} |`;
}

async function main() {
  const started = Date.now();
  const database = await provisionPostgres('crm_bench_access', log);
  Object.assign(process.env, testEnvironment({ DATABASE_CLIENT: 'postgres', DATABASE_URL: database.url, LOG_LEVEL: 'error' }));
  if (process.env.BENCH_SKIP_COMPILE !== '1') compileServer(log);

  const strapi = await loadStrapi();
  try {
    strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${strapi.server.httpServer.address().port}/api`;
    const knex = strapi.db.connection;

    const staffIds = await createNegotiators(strapi);
    log(`inserting ${NEGOTIATIONS} négos`);
    let phaseStarted = Date.now();
    await insertNegotiations(strapi, staffIds);
    log(`inserting ${PROGRAMMES} programmes and ${LOTS} lots`);
    await insertStock(strapi);
    // A live database gets the same from autovacuum after a bulk load: statistics for the
    // planner and the visibility map that index-only scans need.
    await knex.raw('vacuum analyze');
    const insertSeconds = (Date.now() - phaseStarted) / 1000;
    log(`data inserted in ${insertSeconds.toFixed(0)} s`);

    const jwt = await login(baseUrl);
    const fullAccess = (await strapi.service('admin::api-token').create({ name: 'bench-access', type: 'full-access', lifespan: null })).accessKey;

    const me = staffIds[0];
    const openCount = await scalar(
      knex,
      `select count(*) from negotiations n join ${joinTableOf(strapi, 'api::negotiation.negotiation', 'owner').name} o on o.negotiation_id = n.id where o.user_id = ? and n.negotiation_status = 'open'`,
      [me],
    );
    const openPages = Math.floor(openCount / PAGE_SIZE);
    const programme = await knex('programmes').where({ gps_code: 'BA-00002' }).first('document_id');
    const availableCount = await scalar(
      knex,
      `select count(*) from lots where programme_code = 'BA-00002' and sales_status = 'available'`,
      [],
    );
    const lotPages = Math.floor(availableCount / PAGE_SIZE);
    log(`négociateur ${me}: ${openCount} open négos (${openPages} full pages); programme BA-00002: ${availableCount} available lots (${lotPages} full pages)`);

    const variants = {
      mine: {
        token: jwt,
        path: (i) => `/negotiations?mine=true&pagination[page]=${(i % openPages) + 1}&pagination[pageSize]=${PAGE_SIZE}`,
      },
      minePlain: {
        token: fullAccess,
        path: (i) =>
          `/negotiations?filters[owner][id][$eq]=${me}&filters[negotiationStatus][$eq]=open&sort=id:asc&pagination[page]=${(i % openPages) + 1}&pagination[pageSize]=${PAGE_SIZE}`,
      },
      lots: {
        token: null,
        path: (i) => `/lots?filters[programme][documentId][$eq]=${programme.document_id}&pagination[page]=${(i % lotPages) + 1}&pagination[pageSize]=${PAGE_SIZE}`,
      },
      lotsPlain: {
        token: fullAccess,
        path: (i) =>
          `/lots?filters[programme][documentId][$eq]=${programme.document_id}&filters[salesStatus][$eq]=available&sort=id:asc&pagination[page]=${(i % lotPages) + 1}&pagination[pageSize]=${PAGE_SIZE}`,
      },
    };
    const durations = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));

    for (const variant of Object.values(variants)) await timeRequests(baseUrl, variant.token, variant.path, WARMUP, 0, PAGE_SIZE);
    phaseStarted = Date.now();
    const loadBefore = os.loadavg()[0];
    // Rounds alternate between the variants so that drift in the machine's load hits all of them.
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, variant] of Object.entries(variants)) {
        durations[name].push(...(await timeRequests(baseUrl, variant.token, variant.path, REQUESTS_PER_ROUND, round * REQUESTS_PER_ROUND, PAGE_SIZE)));
      }
    }
    const measureSeconds = (Date.now() - phaseStarted) / 1000;
    const loadAfter = os.loadavg()[0];

    const stats = Object.fromEntries(Object.entries(durations).map(([name, list]) => [name, summary(list)]));
    const pages = { mine: openPages, minePlain: openPages, lots: lotPages, lotsPlain: lotPages };
    const tables = { mine: 'negotiations', minePlain: 'negotiations', lots: 'lots', lotsPlain: 'lots' };
    const dbTimes = {};
    for (const [name, variant] of Object.entries(variants)) {
      dbTimes[name] = {
        first: await databaseTime(knex, baseUrl, variant, 0, tables[name]),
        last: await databaseTime(knex, baseUrl, variant, pages[name] - 1, tables[name]),
      };
    }
    const mineRatio = stats.mine.median / stats.minePlain.median;
    const lotsRatio = stats.lots.median / stats.lotsPlain.median;
    const lines = [
      '# REST lists with the access rules',
      '',
      `Command: \`npm run bench -- access\` (${new Date().toISOString().slice(0, 10)}), ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
      `Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, database: ${database.source}.`,
      `Data: ${NEGOTIATIONS} négos owned by ${NEGOTIATORS} négociateurs (${openCount} open négos for the one measured), ${PROGRAMMES} programmes and ${LOTS} lots with their link rows, inserted in ${insertSeconds.toFixed(0)} s, then \`VACUUM ANALYZE\`.`,
      `Requests: ${ROUNDS} alternating rounds of ${REQUESTS_PER_ROUND} sequential GET requests per variant (${measureSeconds.toFixed(0)} s), after ${WARMUP} warm-up requests each, over HTTP on 127.0.0.1, ${PAGE_SIZE} records per page, the page number cycling through the full pages. Times include JSON parsing in the client. Load average (1 min) of the machine: ${loadBefore.toFixed(1)} before the measured rounds, ${loadAfter.toFixed(1)} after, on ${os.cpus().length} cores.`,
      '',
      '| list | requests | median (ms) | p95 (ms) | mean (ms) | SQL list + count, first / last page (ms) |',
      '|---|---|---|---|---|---|',
      row('« Mes négos ouvertes »: négociateur JWT, `mine=true`', stats.mine, dbTimes.mine),
      row('same négos, full-access token, owner and status filters written out', stats.minePlain, dbTimes.minePlain),
      row('available lots of a programme: public, no credentials', stats.lots, dbTimes.lots),
      row('same lots, full-access token, programme and status filters written out', stats.lotsPlain, dbTimes.lotsPlain),
      '',
      'The last column is the time PostgreSQL spends on the list and count queries of one request (median of 5 `EXPLAIN ANALYZE` runs each), for the first and the last full page. The rest of a request is Strapi: authentication, validation, sanitising 100 records and JSON.',
      '',
      `Ratio of medians, access rules over the plain query: « Mes négos ouvertes » **${mineRatio.toFixed(2)}**, available lots **${lotsRatio.toFixed(2)}** (target: at most 1.20, ${verdict(mineRatio <= 1.2 && lotsRatio <= 1.2)}).`,
      `p95 with the access rules: « Mes négos ouvertes » ${stats.mine.p95.toFixed(1)} ms, available lots ${stats.lots.p95.toFixed(1)} ms (target: under 50 ms, ${verdict(stats.mine.p95 < 50 && stats.lots.p95 < 50)}).`,
      '',
      'How the « Mes négos ouvertes » list is fast (src/database/schema-extensions.ts, src/database/owner-filter.ts): each négo row carries a copy of its owner, kept by triggers on the owner link table, with an index on (owner, status, id). The owner filters of négo queries read that column instead of joining the link table, so the page and its count are one index range whatever the page number. Without it, Strapi joins the link table and the admin users, de-duplicates whole rows (`select distinct t0.*`) and walks the négos in id order up to the requested page. This benchmark measured 14 ms of SQL for the first page and 34 ms for the thirtieth on 2026-12-04, before the owner column. PostgreSQL sessions also plan with `random_page_cost` 1.1 (config/database.ts), which lets the planner read the owner\'s range of the index for every page. The other indexes: `negotiations_owner_lnk (user_id, negotiation_id)` and the same on the contact and activity owner links, `negotiations (negotiation_status, id)` and `lots_programme_lnk (programme_id, lot_id)`.',
      '',
      'The plain query path is the same endpoint with a full-access API token: the access rules still run, but add no scope and remove nothing from the response. For the négos, the difference measures the scope filters, the users-permissions JWT check and the lookup of the staff member behind the account. For the lots, it measures the public-role check and the visibility filters of the stock.',
      '',
    ];
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    fs.writeFileSync(REPORT, lines.join('\n'));
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await strapi.destroy();
    // BENCH_KEEP_DATABASE=1 keeps the data to study query plans with psql afterwards.
    if (process.env.BENCH_KEEP_DATABASE === '1') log(`database kept: ${database.url}`);
    else await database.release();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
