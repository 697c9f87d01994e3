import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';
import { type IsolatedDatabase, useIsolatedDatabase } from './support/database';
import { encodeCsv, LOT_HEADER, lotLine, PROGRAMME_HEADER, programmeLine, simpleExport, writeExport, removeTempDirs } from './support/export-files';
import { countRows, holdLot, readLot, readProgramme, resetGpsTables, runSync, snapshotGpsTables } from './support/gps-db';

let strapi: Core.Strapi;
let database: IsolatedDatabase;

beforeAll(async () => {
  database = await useIsolatedDatabase('import');
  strapi = await startStrapi();
});

afterAll(async () => {
  removeTempDirs();
  await stopStrapi();
  await database.release();
});

beforeEach(async () => {
  await resetGpsTables(strapi);
});

/** Export with accents, French numbers and two statuses, which each shape test encodes its own way. */
const ACCENTED_PROGRAMMES = `${PROGRAMME_HEADER}\nÉTO-01;Résidence Étoile de Mer;2 allée des Mûriers;64700;Hendaye;64260;15/09/2027\n`;
const ACCENTED_LOTS = [
  LOT_HEADER,
  lotLine({ programme: 'ÉTO-01', reference: 'A001', typology: 'T3', rooms: '3', area: '64,20', price: '285 000,00' }),
  lotLine({ programme: 'ÉTO-01', reference: 'A002', typology: 'T2', area: '45,5', price: '199 500,50', status: 'VENDU' }),
  '',
].join('\n');

async function expectAccentedExportImported(): Promise<void> {
  const programme = await readProgramme(strapi, 'ÉTO-01');
  expect(programme?.name).toBe('Résidence Étoile de Mer');
  expect(programme?.address).toBe('2 allée des Mûriers');
  expect(programme?.department).toBe('64');
  expect(programme?.plannedDeliveryDate).toBe('2027-09-15');

  const first = await readLot(strapi, 'ÉTO-01/A001');
  expect(first?.price).toBe(285000);
  expect(first?.livingArea).toBe(64.2);
  expect(first?.typology).toBe('t3');
  expect(first?.salesStatus).toBe('available');

  const second = await readLot(strapi, 'ÉTO-01/A002');
  expect(second?.price).toBe(199500.5);
  expect(second?.livingArea).toBe(45.5);
  expect(second?.salesStatus).toBe('sold');
  expect(second?.gpsStatus).toBe('sold');
}

describe('GPS import input shapes', () => {
  it.each([
    ['UTF-8 with BOM and CRLF', { encoding: 'utf-8', bom: true, lineEnding: '\r\n' }],
    ['UTF-8 without BOM and LF', { encoding: 'utf-8', bom: false, lineEnding: '\n' }],
    ['Windows-1252 and CRLF', { encoding: 'windows-1252', lineEnding: '\r\n' }],
    ['Windows-1252 and LF', { encoding: 'windows-1252', lineEnding: '\n' }],
  ] as const)('reads %s', async (_label, shape) => {
    const dir = writeExport({ programmes: ACCENTED_PROGRAMMES, lots: ACCENTED_LOTS, shape });

    const report = await runSync(strapi, dir);

    expect(report.status).toBe('success');
    expect(report.counts.programmes.created).toBe(1);
    expect(report.counts.lots.created).toBe(2);
    await expectAccentedExportImported();
  });

  it('reads Windows-1252 when configured', async () => {
    const dir = writeExport({ programmes: ACCENTED_PROGRAMMES, lots: ACCENTED_LOTS, shape: { encoding: 'windows-1252' } });

    const report = await runSync(strapi, dir, { source: { encoding: 'cp1252' } });

    expect(report.status).toBe('success');
    await expectAccentedExportImported();
  });

  it('reads a file that mixes CRLF and LF line endings', async () => {
    const lots = ACCENTED_LOTS.split('\n')
      .map((line, index) => (index % 2 === 0 ? `${line}\r` : line))
      .join('\n');
    const dir = writeExport({ programmes: ACCENTED_PROGRAMMES, lots: Buffer.from(lots, 'utf8') });

    const report = await runSync(strapi, dir);

    expect(report.status).toBe('success');
    expect(report.counts.lots.created).toBe(2);
    await expectAccentedExportImported();
  });

  it('reads a CRLF file over several chunks', async () => {
    // 2 000 lots make about 140 KiB, more than the 64 KiB Node reads at a time, so some CRLF
    // pairs fall across two chunks.
    const { programmes, lots } = simpleExport([{ code: 'C-01', lots: 2000 }]);
    // Lot A999 is on line 1000: its price becomes « abc ».
    const withBadPrice = lots.replace(/^(C-01;A999;(?:[^;\n]*;){4})[^;\n]*/m, '$1abc');
    expect(withBadPrice).not.toBe(lots);
    const dir = writeExport({ programmes, lots: withBadPrice, shape: { lineEnding: '\r\n' } });

    const report = await runSync(strapi, dir);

    expect(report.status).toBe('partial');
    expect(report.counts.lots.created).toBe(1999);
    expect(report.rejectedRows).toEqual([expect.objectContaining({ file: 'lots.csv', line: 1000, code: 'INVALID_NUMBER' })]);
  });

  it('reads quoted fields with semicolons, quotes and line breaks', async () => {
    const programmes = [
      PROGRAMME_HEADER,
      'Q-01;"Résidence ""Les Pins""; tranche 2";"Bâtiment A\n12 rue du Port";64700;Hendaye;64260;30/06/2027',
      '',
    ].join('\n');
    const lots = [
      `${LOT_HEADER};orientation`,
      `${lotLine({ programme: 'Q-01', reference: 'A001' })};"Sud; Ouest"`,
      `${lotLine({ programme: 'Q-01', reference: 'A002' })};Vue "mer"`,
      `${lotLine({ programme: 'Q-01', reference: 'A003', price: 'abc' })};Nord`,
      '',
    ].join('\n');
    const dir = writeExport({ programmes, lots });

    const report = await runSync(strapi, dir);

    const programme = await readProgramme(strapi, 'Q-01');
    expect(programme?.name).toBe('Résidence "Les Pins"; tranche 2');
    expect(programme?.address).toBe('Bâtiment A\n12 rue du Port');
    expect((await readLot(strapi, 'Q-01/A001'))?.orientation).toBe('Sud; Ouest');
    expect((await readLot(strapi, 'Q-01/A002'))?.orientation).toBe('Vue "mer"');
    expect(report.rejectedRows).toEqual([expect.objectContaining({ file: 'lots.csv', line: 4, code: 'INVALID_NUMBER' })]);
  });

  it('counts physical lines after a multi-line field', async () => {
    const lots = [
      `${LOT_HEADER};orientation`,
      `${lotLine({ programme: 'Q-01', reference: 'A001' })};"Sud\nvue mer"`,
      `${lotLine({ programme: 'Q-01', reference: 'A002', status: 'PERDU' })};Nord`,
      '',
      `${lotLine({ programme: 'Q-01', reference: 'A003', typology: 'LOFT' })};Est`,
      '',
    ].join('\n');
    const dir = writeExport({ programmes: `${PROGRAMME_HEADER}\n${programmeLine('Q-01')}\n`, lots });

    const report = await runSync(strapi, dir);

    expect(report.rejectedRows.map((row) => [row.line, row.code])).toEqual([
      [4, 'UNKNOWN_STATUS'],
      [6, 'UNKNOWN_TYPOLOGY'],
    ]);
  });

  it('reads non-breaking spaces as thousands separators', async () => {
    const lots = [
      LOT_HEADER,
      lotLine({ programme: 'N-01', reference: 'A001', price: '1\u00a0285\u00a0000,50', area: '1\u202f024,75' }),
      lotLine({ programme: 'N-01', reference: 'A002', price: '312\u202f000' }),
      '',
    ].join('\n');
    const dir = writeExport({ programmes: `${PROGRAMME_HEADER}\n${programmeLine('N-01')}\n`, lots });

    const report = await runSync(strapi, dir);

    expect(report.status).toBe('success');
    expect((await readLot(strapi, 'N-01/A001'))?.price).toBe(1285000.5);
    expect((await readLot(strapi, 'N-01/A001'))?.livingArea).toBe(1024.75);
    expect((await readLot(strapi, 'N-01/A002'))?.price).toBe(312000);
  });
});

describe('GPS import of unreadable files', () => {
  let base: { programmes: string; lots: string };

  beforeEach(async () => {
    base = simpleExport([{ code: 'F-01', lots: 5 }]);
    const report = await runSync(strapi, writeExport(base));
    expect(report.status).toBe('success');
  });

  const cutLastLine = () => base.lots.slice(0, base.lots.lastIndexOf('LIBRE'));

  it.each([
    ['a missing column', () => base.lots.replace(';prix_ttc', ''), 'MISSING_COLUMNS', 'colonne obligatoire manquante'],
    ['commas for semicolons', () => base.lots.replace(/;/g, ','), 'MISSING_COLUMNS', 'colonnes obligatoires manquantes'],
    ['an empty file', () => Buffer.alloc(0), 'FILE_EMPTY', 'lots.csv est vide.'],
    ['a BOM alone', () => Buffer.from([0xef, 0xbb, 0xbf]), 'FILE_EMPTY', 'pas même la ligne'],
    ['binary content', () => Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x41, 0x00]), 'FILE_BINARY', "n'est pas un fichier texte"],
    ['a row cut short', cutLastLine, 'MALFORMED_ROW', 'lots.csv, ligne 6 : 8 champs au lieu de 9'],
    ['an unterminated quote', () => `${base.lots}F-01;"A099;APPARTEMENT;T2;2;45,5;1,00;LIBRE;01/01/2026\n`, 'UNTERMINATED_QUOTE', "lots.csv, ligne 7 : un guillemet ouvert n'est jamais refermé"],
    [
      'characters after a closing quote',
      () => `${base.lots}F-01;"A099"bis;APPARTEMENT;T2;2;45,5;1,00;LIBRE;01/01/2026\n`,
      'MALFORMED_CSV',
      'lots.csv, ligne 7 : un champ entre guillemets est suivi',
    ],
  ])('fails on %s and changes nothing', async (_label, lots, code, message) => {
    const before = await snapshotGpsTables(strapi);
    const runsBefore = await countRows(strapi, 'gps_sync_runs');

    const report = await runSync(strapi, writeExport({ programmes: base.programmes, lots: lots() }));

    expect(report.status).toBe('failed');
    expect(report.errorCode).toBe(code);
    expect(report.message).toContain(message);
    expect(report.message).toContain("Rien n'a été modifié.");
    expect(await snapshotGpsTables(strapi)).toBe(before);
    expect(await countRows(strapi, 'gps_sync_runs')).toBe(runsBefore + 1);
    const record = await strapi.db.query('plugin::gps-sync.sync-run').findOne({ where: { documentId: report.runId } });
    expect(record).toMatchObject({ status: 'failed', errorCode: code, message: report.message });
  });

  it('fails on a missing file', async () => {
    const dir = writeExport(base);
    fs.rmSync(path.join(dir, 'lots.csv'));
    const before = await snapshotGpsTables(strapi);

    const report = await runSync(strapi, dir);

    expect(report).toMatchObject({ status: 'failed', errorCode: 'FILE_NOT_FOUND' });
    expect(report.message).toContain('fichier lots.csv introuvable');
    expect(await snapshotGpsTables(strapi)).toBe(before);
  });

  it('fails on invalid UTF-8 when UTF-8 is configured', async () => {
    const dir = writeExport({ ...base, shape: { encoding: 'windows-1252' } });
    fs.writeFileSync(path.join(dir, 'programmes.csv'), encodeCsv(`${PROGRAMME_HEADER}\n${programmeLine('F-01', 'Résidence Été')}\n`, { encoding: 'windows-1252' }));
    const before = await snapshotGpsTables(strapi);

    const report = await runSync(strapi, dir, { source: { encoding: 'utf-8' } });

    expect(report).toMatchObject({ status: 'failed', errorCode: 'INVALID_ENCODING' });
    expect(await snapshotGpsTables(strapi)).toBe(before);
  });

  it('fails on an unknown encoding name', async () => {
    const report = await runSync(strapi, writeExport(base), { source: { encoding: 'ebcdic' } });

    expect(report).toMatchObject({ status: 'failed', errorCode: 'INVALID_ENCODING' });
    expect(report.message).toContain('encodage « ebcdic » inconnu');
  });
});

describe('GPS import rules', () => {
  it('imports valid rows and rejects the others with their line', async () => {
    const programmes = [PROGRAMME_HEADER, programmeLine('R-01'), 'R-02;Résidence Sud;;64700;Hendaye;64260;31/02/2027', ''].join('\n');
    const lots = [
      `${LOT_HEADER};ref_lot_principal`,
      `${lotLine({ programme: 'R-01', reference: 'A001' })};`,
      `${lotLine({ programme: 'NOPE', reference: 'A001' })};`,
      `${lotLine({ programme: 'R-01', reference: '' })};`,
      `${lotLine({ programme: 'R-01', reference: 'A003', price: 'sur demande' })};`,
      `${lotLine({ programme: 'R-01', reference: 'A004', area: '45 m2' })};`,
      `${lotLine({ programme: 'R-01', reference: 'A005', kind: 'GRENIER' })};`,
      `${lotLine({ programme: 'R-01', reference: 'A006', status: 'PERDU' })};`,
      `${lotLine({ programme: 'R-01', reference: 'A007' })};`,
      `${lotLine({ programme: 'R-01', reference: 'A007', price: '1,00' })};`,
      `${lotLine({ programme: 'R-01', reference: 'P001', kind: 'PARKING', typology: '' })};A999`,
      `${lotLine({ programme: 'R-01', reference: 'A008', updatedOn: '31/02/2026' })};`,
      `${lotLine({ programme: 'R-01', reference: 'A009', price: '100 000 000,00' })};`,
      `${lotLine({ programme: 'R-02', reference: 'B001' })};`,
      `${lotLine({ programme: 'R-01', reference: 'P002', kind: 'PARKING', typology: '', price: '15 000' })};A001`,
      '',
    ].join('\n');

    const report = await runSync(strapi, writeExport({ programmes, lots }));

    expect(report.status).toBe('partial');
    expect(report.rejectedRows.map((row) => [row.file, row.line, row.code])).toEqual([
      ['programmes.csv', 3, 'INVALID_DATE'],
      ['lots.csv', 3, 'UNKNOWN_PROGRAMME'],
      ['lots.csv', 4, 'MISSING_REFERENCE'],
      ['lots.csv', 5, 'INVALID_NUMBER'],
      ['lots.csv', 6, 'INVALID_NUMBER'],
      ['lots.csv', 7, 'UNKNOWN_LOT_TYPE'],
      ['lots.csv', 8, 'UNKNOWN_STATUS'],
      ['lots.csv', 9, 'DUPLICATE_LOT'],
      ['lots.csv', 10, 'DUPLICATE_LOT'],
      ['lots.csv', 11, 'MAIN_LOT_NOT_FOUND'],
      ['lots.csv', 12, 'INVALID_DATE'],
      ['lots.csv', 13, 'PRICE_OUT_OF_RANGE'],
      ['lots.csv', 14, 'UNKNOWN_PROGRAMME'],
    ]);
    expect(report.rejectedRows[1].reason).toBe('Programme « NOPE » absent de programmes.csv.');
    expect(report.rejectedRows[2].reason).toBe('Valeur obligatoire manquante : ref_lot.');
    expect(report.rejectedRows[3].reason).toBe("prix_ttc : « sur demande » n'est pas un nombre.");
    expect(report.rejectedRows[11].reason).toBe('prix_ttc : 100 000 000,00 € dépasse le maximum de 99 999 999,99 €.');
    expect(report.rejectedRows[12].reason).toBe('Programme « R-02 » rejeté dans programmes.csv (ligne 3).');
    expect(report.counts).toMatchObject({ programmes: { created: 1 }, lots: { created: 2 }, rejected: 13 });
    expect(report.message).toContain('13 lignes rejetées');

    expect(await readProgramme(strapi, 'R-02')).toBeNull();
    expect(await readLot(strapi, 'R-01/A007')).toBeNull();
    expect((await readLot(strapi, 'R-01/A001'))?.programmeCode).toBe('R-01');
    const parking = await readLot(strapi, 'R-01/P002');
    expect(parking).toMatchObject({ kind: 'parking', typology: null, price: 15000, mainLotKey: 'R-01/A001', programmeCode: 'R-01' });

    const record = await strapi.db.query('plugin::gps-sync.sync-run').findOne({ where: { documentId: report.runId } });
    expect(record).toMatchObject({ status: 'partial', rejectedCount: 13, lotsCreated: 2, programmesCreated: 1 });
    expect(record.rejectedRows).toHaveLength(13);
    expect(record.rejectedRows[0]).toEqual(report.rejectedRows[0]);
  });

  it('writes rows the way Strapi does', async () => {
    await runSync(strapi, writeExport(simpleExport([{ code: 'S-01', lots: 1 }])));
    const programme = await readProgramme(strapi, 'S-01');
    const viaStrapi = await strapi.documents('api::lot.lot').create({
      data: { gpsKey: 'S-01/Z999', reference: 'Z999', programmeCode: 'S-01', kind: 'apartment', salesStatus: 'available', programme: programme?.documentId },
    });
    const knex = strapi.db.connection;
    const imported = await knex('lots').where({ gps_key: 'S-01/A001' }).first();
    const created = await knex('lots').where({ id: viaStrapi.id }).first();

    expect(imported.document_id).toMatch(/^[a-z0-9]{24}$/);
    expect(created.document_id).toMatch(/^[a-z0-9]{24}$/);
    expect(imported.published_at).not.toBeNull();
    expect(created.published_at).not.toBeNull();
    expect(imported.locale).toBe(created.locale);
    expect(typeof imported.created_at).toBe(typeof created.created_at);
    const links = await knex('lots_programme_lnk').whereIn('lot_id', [imported.id, created.id]).orderBy('lot_ord');
    expect(links.map((link: { lot_ord: number }) => Number(link.lot_ord))).toEqual([1, 2]);

    const fetched = await strapi.documents('api::lot.lot').findOne({ documentId: imported.document_id, populate: ['programme'] });
    expect(fetched?.programme?.documentId).toBe(programme?.documentId);
  });

  it('writes nothing when the same export comes again', async () => {
    const dir = writeExport(simpleExport([{ code: 'I-01', lots: 12 }, { code: 'I-02', lots: 3 }]));
    const first = await runSync(strapi, dir);
    expect(first.status).toBe('success');
    const afterFirst = await snapshotGpsTables(strapi);

    const second = await runSync(strapi, dir);

    expect(second.status).toBe('success');
    expect(second.counts).toEqual({
      programmes: { created: 0, updated: 0, unchanged: 2, withdrawn: 0 },
      lots: { created: 0, updated: 0, unchanged: 15, withdrawn: 0 },
      rejected: 0,
    });
    expect(second.checksum).toBe(first.checksum);
    expect(await snapshotGpsTables(strapi)).toBe(afterFirst);
  });

  it('writes nothing on a dry run', async () => {
    const report = await runSync(strapi, writeExport(simpleExport([{ code: 'D-01', lots: 4 }])), { dryRun: true });

    expect(report).toMatchObject({ status: 'success', dryRun: true });
    expect(report.counts.lots.created).toBe(4);
    expect(report.message).toContain("Simulation de la synchronisation GPS (rien n'a été écrit)");
    expect(await countRows(strapi, 'lots')).toBe(0);
    expect(await countRows(strapi, 'programmes')).toBe(0);
    const record = await strapi.db.query('plugin::gps-sync.sync-run').findOne({ where: { documentId: report.runId } });
    expect(record).toMatchObject({ status: 'success', dryRun: true, lotsCreated: 4 });
  });

  it('updates a changed price and nothing else', async () => {
    const base = simpleExport([{ code: 'U-01', lots: 3 }]);
    await runSync(strapi, writeExport(base));
    const before = await strapi.db.connection('lots').select('gps_key', 'updated_at').orderBy('gps_key');

    const report = await runSync(strapi, writeExport({ ...base, lots: base.lots.replace('202 000,00', '199 999,99') }));

    expect(report.counts.lots).toEqual({ created: 0, updated: 1, unchanged: 2, withdrawn: 0 });
    expect((await readLot(strapi, 'U-01/A002'))?.price).toBe(199999.99);
    const after = await strapi.db.connection('lots').select('gps_key', 'updated_at').orderBy('gps_key');
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).not.toEqual(before[1]);
    expect(after[2]).toEqual(before[2]);
  });

  it('withdraws missing lots and ends missing programmes', async () => {
    const base = simpleExport([{ code: 'W-01', lots: 30 }, { code: 'W-02', lots: 2 }]);
    await runSync(strapi, writeExport(base));
    const reduced = simpleExport([{ code: 'W-01', lots: 29 }]);

    const report = await runSync(strapi, writeExport(reduced));

    expect(report.status).toBe('success');
    expect(report.counts.programmes).toEqual({ created: 0, updated: 0, unchanged: 1, withdrawn: 1 });
    expect(report.counts.lots).toEqual({ created: 0, updated: 0, unchanged: 29, withdrawn: 3 });
    expect(await readLot(strapi, 'W-01/A030')).toMatchObject({ salesStatus: 'withdrawn', gpsStatus: 'missing', programmeCode: 'W-01' });
    expect(await readLot(strapi, 'W-02/A001')).toMatchObject({ salesStatus: 'withdrawn', gpsStatus: 'missing' });
    expect((await readProgramme(strapi, 'W-02'))?.commercialisationStatus).toBe('ended');
    expect((await readProgramme(strapi, 'W-01'))?.commercialisationStatus).toBe('selling');
    expect(await countRows(strapi, 'lots')).toBe(32);

    const back = await runSync(strapi, writeExport(base));

    expect(back.counts.programmes.updated).toBe(1);
    expect(back.counts.lots.updated).toBe(3);
    expect(await readLot(strapi, 'W-01/A030')).toMatchObject({ salesStatus: 'available', gpsStatus: 'available' });
    expect((await readProgramme(strapi, 'W-02'))?.commercialisationStatus).toBe('selling');
  });

  it('stops a run that withdraws too many available lots', async () => {
    const base = simpleExport([{ code: 'G-01', lots: 10 }]);
    await runSync(strapi, writeExport(base));
    const before = await snapshotGpsTables(strapi);
    const half = writeExport(simpleExport([{ code: 'G-01', lots: 5 }]));

    const stopped = await runSync(strapi, half);

    expect(stopped.status).toBe('failed');
    expect(stopped.errorCode).toBe('WITHDRAWAL_THRESHOLD_EXCEEDED');
    expect(stopped.message).toContain('elle retirerait 5 des 10 lots disponibles (50 %), au-delà du seuil de 20 %');
    expect(stopped.counts.lots.withdrawn).toBe(5);
    expect(await snapshotGpsTables(strapi)).toBe(before);

    const forced = await runSync(strapi, half, { force: true });

    expect(forced.status).toBe('success');
    expect(forced.forced).toBe(true);
    expect(forced.counts.lots.withdrawn).toBe(5);
    expect((await readLot(strapi, 'G-01/A010'))?.salesStatus).toBe('withdrawn');
    const record = await strapi.db.query('plugin::gps-sync.sync-run').findOne({ where: { documentId: forced.runId } });
    expect(record).toMatchObject({ status: 'success', forced: true, lotsWithdrawn: 5 });
  });

  it('keeps a CRM reservation over GPS LIBRE and reports it', async () => {
    const dir = writeExport(simpleExport([{ code: 'H-01', lots: 3 }]));
    await runSync(strapi, dir);
    const lot = await readLot(strapi, 'H-01/A001');
    if (!lot) throw new Error('lot H-01/A001 was not imported');
    const negotiationId = await holdLot(strapi, lot.id, 'reservation');

    const first = await runSync(strapi, dir);

    expect(first.counts.lots).toEqual({ created: 0, updated: 1, unchanged: 2, withdrawn: 0 });
    expect(await readLot(strapi, 'H-01/A001')).toMatchObject({ salesStatus: 'reserved', gpsStatus: 'available' });
    expect(first.differences).toEqual([
      {
        lotGpsKey: 'H-01/A001',
        gpsStatus: 'available',
        crmStatus: 'reserved',
        message: `Lot H-01/A001 : GPS indique libre, le CRM le tient réservé par la négo ${negotiationId}. Mettez GPS à jour ou corrigez la négo.`,
      },
    ]);
    expect(first.message).toContain('1 lot garde le statut du CRM');

    const second = await runSync(strapi, dir);

    expect(second.counts.lots.unchanged).toBe(3);
    expect(second.differences).toHaveLength(1);
    expect((await readLot(strapi, 'H-01/A001'))?.salesStatus).toBe('reserved');
    const record = await strapi.db.query('plugin::gps-sync.sync-run').findOne({ where: { documentId: second.runId } });
    expect(record).toMatchObject({ differenceCount: 1 });
    expect(record.differences[0].lotGpsKey).toBe('H-01/A001');
  });

  it('keeps a CRM sale when GPS drops the lot', async () => {
    await runSync(strapi, writeExport(simpleExport([{ code: 'H-02', lots: 10 }])));
    const lot = await readLot(strapi, 'H-02/A010');
    if (!lot) throw new Error('lot H-02/A010 was not imported');
    await holdLot(strapi, lot.id, 'sale');

    const report = await runSync(strapi, writeExport(simpleExport([{ code: 'H-02', lots: 9 }])));

    expect(await readLot(strapi, 'H-02/A010')).toMatchObject({ salesStatus: 'sold', gpsStatus: 'missing' });
    expect(report.differences).toEqual([expect.objectContaining({ lotGpsKey: 'H-02/A010', gpsStatus: 'missing', crmStatus: 'sold' })]);
    expect(report.differences[0].message).toContain('GPS ne le propose plus');
  });

  it('closes runs left running by a dead process', async () => {
    const stale = await strapi.documents('plugin::gps-sync.sync-run').create({
      data: { trigger: 'schedule', startedAt: new Date(Date.now() - 60_000), status: 'running' },
    });

    await runSync(strapi, writeExport(simpleExport([{ code: 'K-01', lots: 1 }])));

    const closed = await strapi.documents('plugin::gps-sync.sync-run').findOne({ documentId: stale.documentId });
    expect(closed).toMatchObject({ status: 'failed', errorCode: 'INTERRUPTED' });
    expect(closed?.message).toContain('interrompue');
  });
});
