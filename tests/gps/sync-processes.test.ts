import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { SyncChild } from './support/children';
import { type IsolatedDatabase, useIsolatedDatabase } from './support/database';
import { simpleExport, writeExport, removeTempDirs } from './support/export-files';
import { countRows, resetGpsTables, runSync } from './support/gps-db';

let strapi: Core.Strapi;
let database: IsolatedDatabase;
const children: SyncChild[] = [];

beforeAll(async () => {
  database = await useIsolatedDatabase('processes');
  // The parent boots first so that the schema exists before the children start.
  strapi = await startStrapi();
});

afterAll(async () => {
  removeTempDirs();
  for (const child of children) {
    await child.stop();
  }
  await stopStrapi();
  await database.release();
});

beforeEach(async () => {
  await resetGpsTables(strapi);
});

function startChild(): SyncChild {
  const child = new SyncChild(database.env);
  children.push(child);
  return child;
}

/** An export of 20 000 lots in 200 programmes; `priceSuffix` changes every price. */
function bigExport(priceSuffix: string) {
  const files = simpleExport(Array.from({ length: 200 }, (_, index) => ({ code: `BIG-${String(index).padStart(3, '0')}`, lots: 100 })));
  return { programmes: files.programmes, lots: files.lots.replace(/ 000,00;/g, ` ${priceSuffix},00;`) };
}

async function countLotsPriced(hundreds: number): Promise<number> {
  const rows = await strapi.db.connection('lots').where('price', '>=', 200_000).select('price');
  return rows.filter((row: { price: string | number }) => Math.round(Number(row.price)) % 1000 === hundreds).length;
}

describe('GPS run killed midway', () => {
  it('leaves the database entirely before or after', async () => {
    const first = await runSync(strapi, writeExport(bigExport('000')));
    expect(first.counts.lots.created).toBe(20_000);
    const changed = writeExport(bigExport('500'));
    const child = startChild();
    await child.ready();

    let killedDuring: string | null = null;
    child.onMessage((message) => {
      if (message.type === 'progress' && message.progress.phase === 'applying' && killedDuring === null) {
        killedDuring = message.progress.message;
        child.process.kill('SIGKILL');
      }
    });
    void child.run(changed).catch(() => undefined);
    const status = await child.exited;

    expect(status).toBe('SIGKILL');
    expect(killedDuring).not.toBeNull();
    const updatedLots = await countLotsPriced(500);
    const untouchedLots = await countLotsPriced(0);
    // One transaction writes the whole plan: either no lot has the new price or all do.
    expect([0, 20_000]).toContain(updatedLots);
    expect(updatedLots + untouchedLots).toBe(20_000);
    expect(await countRows(strapi, 'lots')).toBe(20_000);
    expect(await countRows(strapi, 'lots_programme_lnk')).toBe(20_000);
    const killedRun = await strapi.db.query('plugin::gps-sync.sync-run').findOne({ where: { status: 'running' } });
    expect(killedRun).not.toBeNull();

    // The dead process's advisory lock went with its connection, so the next run applies.
    const next = await runSync(strapi, changed);

    expect(next.status).toBe('success');
    expect(next.counts.lots.updated + next.counts.lots.unchanged).toBe(20_000);
    expect(await countLotsPriced(500)).toBe(20_000);
    const closed = await strapi.db.query('plugin::gps-sync.sync-run').findOne({ where: { id: killedRun.id } });
    expect(closed).toMatchObject({ status: 'failed', errorCode: 'INTERRUPTED' });
  });
});

describe('GPS runs of two instances', () => {
  it('applies one run and skips the other', async () => {
    const dir = writeExport(bigExport('000'));
    const left = startChild();
    const right = startChild();
    await Promise.all([left.ready(), right.ready()]);

    const reports = await Promise.all([left.run(dir), right.run(dir)]);

    const statuses = reports.map((report) => report.status).sort();
    expect(statuses).toEqual(['skipped', 'success']);
    const skipped = reports.find((report) => report.status === 'skipped');
    expect(skipped?.errorCode).toBe('SYNC_ALREADY_RUNNING');
    expect(skipped?.message).toBe("Synchronisation GPS ignorée : une autre synchronisation est déjà en cours. Rien n'a été modifié.");
    expect(await countRows(strapi, 'lots')).toBe(20_000);
    const records = await strapi.db.query('plugin::gps-sync.sync-run').findMany({ orderBy: { id: 'asc' } });
    expect(records.map((record: { status: string }) => record.status).sort()).toEqual(['skipped', 'success']);
  });
});
