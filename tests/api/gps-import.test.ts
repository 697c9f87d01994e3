import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { type IsolatedDatabase, useIsolatedDatabase } from '../gps/support/database';
import { writeExport, removeTempDirs } from '../gps/support/export-files';
import { countRows, holdLot, readLot, readProgramme, runSync, snapshotGpsTables } from '../gps/support/gps-db';

const SAMPLE_DIR = path.resolve(__dirname, '..', '..', 'data', 'gps-hendaye');

let strapi: Core.Strapi;
let database: IsolatedDatabase;

beforeAll(async () => {
  database = await useIsolatedDatabase('sample');
  strapi = await startStrapi();
});

afterAll(async () => {
  removeTempDirs();
  await stopStrapi();
  await database.release();
});

describe('GPS import of the Hendaye sample', () => {
  it('creates 35 programmes and 676 lots', async () => {
    const report = await runSync(strapi, SAMPLE_DIR, { trigger: 'demo' });

    expect(report.status).toBe('success');
    expect(report.errorCode).toBeNull();
    expect(report.rejectedRows).toEqual([]);
    expect(report.counts).toEqual({
      programmes: { created: 35, updated: 0, unchanged: 0, withdrawn: 0 },
      lots: { created: 676, updated: 0, unchanged: 0, withdrawn: 0 },
      rejected: 0,
    });
    expect(report.message).toBe(
      'Synchronisation GPS terminée : 35 programmes (35 créés, 0 modifié, 0 inchangé, 0 terminé) et 676 lots ' +
        '(676 créés, 0 modifié, 0 inchangé, 0 retiré) ; aucune ligne rejetée.',
    );
    expect(await countRows(strapi, 'programmes')).toBe(35);
    expect(await countRows(strapi, 'lots')).toBe(676);
    expect(await countRows(strapi, 'lots_programme_lnk')).toBe(676);
    expect(await strapi.db.query('api::lot.lot').count({ where: { salesStatus: 'available' } })).toBe(111);
    expect(await strapi.db.query('api::lot.lot').count({ where: { salesStatus: 'sold' } })).toBe(565);
  });

  it('stores programme fields', async () => {
    expect(await readProgramme(strapi, 'HEN-AB0490')).toMatchObject({
      name: 'Résidence Ascoubia II',
      address: 'RES ASCOUBIA II',
      postalCode: '64700',
      city: 'Hendaye',
      inseeCode: '64260',
      department: '64',
      plannedDeliveryDate: '2021-01-07',
      commercialisationStatus: 'selling',
    });
  });

  it.each([
    // lots.csv line 3: HEN-AB0490;A010;APPARTEMENT;T2;2;37,28;330 000,00;LIBRE;24/03/2023
    ['HEN-AB0490/A010', { kind: 'apartment', typology: 't2', rooms: 2, livingArea: 37.28, price: 330000, salesStatus: 'available', gpsStatus: 'available', gpsUpdatedOn: '2023-03-24' }],
    // line 2: HEN-AB0490;A005;APPARTEMENT;T3;3;57,89;209 830,00;VENDU;23/06/2020
    ['HEN-AB0490/A005', { kind: 'apartment', typology: 't3', rooms: 3, livingArea: 57.89, price: 209830, salesStatus: 'sold', gpsStatus: 'sold', gpsUpdatedOn: '2020-06-23' }],
    // line 150: HEN-AH0253;A009;MAISON;T5;5;89,68;394 762,50;LIBRE;06/03/2023
    ['HEN-AH0253/A009', { kind: 'house', typology: 't5', rooms: 5, livingArea: 89.68, price: 394762.5, salesStatus: 'available', gpsUpdatedOn: '2023-03-06' }],
    // line 113: HEN-AD0588;A087;APPARTEMENT;STUDIO;1;22,55;89 000,00;LIBRE;19/06/2023
    ['HEN-AD0588/A087', { typology: 'studio', rooms: 1, livingArea: 22.55, price: 89000 }],
    // last line: HEN-AX0253;A046;APPARTEMENT;T1;1;28,95;260 000,00;LIBRE;21/03/2023
    ['HEN-AX0253/A046', { typology: 't1', livingArea: 28.95, price: 260000, programmeCode: 'HEN-AX0253' }],
  ])('stores lot %s from its French values', async (gpsKey, expected) => {
    expect(await readLot(strapi, gpsKey)).toMatchObject({ ...expected, programmeCode: gpsKey.split('/')[0] });
  });

  it('changes nothing when imported again', async () => {
    const before = await snapshotGpsTables(strapi);

    const report = await runSync(strapi, SAMPLE_DIR);

    expect(report.status).toBe('success');
    expect(report.counts).toEqual({
      programmes: { created: 0, updated: 0, unchanged: 35, withdrawn: 0 },
      lots: { created: 0, updated: 0, unchanged: 676, withdrawn: 0 },
      rejected: 0,
    });
    expect(await snapshotGpsTables(strapi)).toBe(before);
  });

  it('records both runs', async () => {
    const runs = await strapi.documents('plugin::gps-sync.sync-run').findMany({ sort: [{ startedAt: 'asc' }, { id: 'asc' }] });

    expect(runs.map((run) => [run.trigger, run.status, run.lotsCreated, run.lotsUnchanged])).toEqual([
      ['demo', 'success', 676, 0],
      ['cli', 'success', 0, 676],
    ]);
    expect(runs[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(runs[1].checksum).toBe(runs[0].checksum);
    expect(runs[0].source).toBe(SAMPLE_DIR);
    expect(runs[0].finishedAt).not.toBeNull();
  });
});

describe('GPS import of a changed sample', () => {
  /** Writes the sample without programme HEN-AB0491, with one new price and a parking attached to a flat. */
  function changedSample(): string {
    const withoutProgramme = (text: string) =>
      text
        .split('\r\n')
        .filter((line) => !line.startsWith('HEN-AB0491;'))
        .join('\r\n');
    const programmes = withoutProgramme(fs.readFileSync(path.join(SAMPLE_DIR, 'programmes.csv'), 'utf8'));
    const lotLines = withoutProgramme(fs.readFileSync(path.join(SAMPLE_DIR, 'lots.csv'), 'utf8'))
      .replace('HEN-AB0490;A010;APPARTEMENT;T2;2;37,28;330 000,00;', 'HEN-AB0490;A010;APPARTEMENT;T2;2;37,28;335 000,00;')
      .split('\r\n')
      .filter((line) => line !== '')
      .map((line, index) => `${line};${index === 0 ? 'ref_lot_principal' : ''}`);
    lotLines.push('HEN-AB0490;P010;PARKING;;;12,50;15 000,00;LIBRE;24/03/2023;A010', '');
    return writeExport({ programmes, lots: lotLines.join('\r\n') });
  }

  it('applies updates, withdrawals and links', async () => {
    const held = await readLot(strapi, 'HEN-AB0490/A024');
    if (!held) throw new Error('lot HEN-AB0490/A024 is missing from the sample import');
    await holdLot(strapi, held.id, 'reservation');

    const report = await runSync(strapi, changedSample());

    expect(report.status).toBe('success');
    expect(report.counts.programmes).toEqual({ created: 0, updated: 0, unchanged: 34, withdrawn: 1 });
    expect(report.counts.lots).toEqual({ created: 1, updated: 2, unchanged: 658, withdrawn: 16 });
    expect((await readProgramme(strapi, 'HEN-AB0491'))?.commercialisationStatus).toBe('ended');
    // lots.csv line 22: HEN-AB0491;A007;APPARTEMENT;T3;3;33,36;260 000,00;VENDU;28/12/2022
    expect(await readLot(strapi, 'HEN-AB0491/A007')).toMatchObject({ salesStatus: 'withdrawn', gpsStatus: 'missing', price: 260000 });
    expect((await readLot(strapi, 'HEN-AB0490/A010'))?.price).toBe(335000);
    expect(await readLot(strapi, 'HEN-AB0490/P010')).toMatchObject({
      kind: 'parking',
      price: 15000,
      mainLotKey: 'HEN-AB0490/A010',
      programmeCode: 'HEN-AB0490',
    });
    // A024 is VENDU in GPS, and the CRM reservation keeps it reserved.
    expect(await readLot(strapi, 'HEN-AB0490/A024')).toMatchObject({ salesStatus: 'reserved', gpsStatus: 'sold' });
    expect(report.differences.map((difference) => difference.lotGpsKey)).toEqual(['HEN-AB0490/A024']);
    expect(await countRows(strapi, 'lots')).toBe(677);
    expect(await countRows(strapi, 'lots_main_lot_lnk')).toBe(1);
  });

  it('changes nothing when the changed sample comes again', async () => {
    const before = await snapshotGpsTables(strapi);

    const report = await runSync(strapi, changedSample());

    expect(report.counts.lots).toEqual({ created: 0, updated: 0, unchanged: 661, withdrawn: 0 });
    expect(await snapshotGpsTables(strapi)).toBe(before);
  });
});
