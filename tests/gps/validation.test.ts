import { type CsvTable, LOT_REQUIRED_COLUMNS, PROGRAMME_COLUMNS, type RejectedRow, validateExport } from '../../src/domain/gps';

const LOT_COLUMNS = [...LOT_REQUIRED_COLUMNS, 'ref_lot_principal', 'etage', 'orientation', 'surface_annexe'];

/** Builds a table whose records start on line 2, one line each. */
function table(file: string, header: string[], rows: string[][]): CsvTable {
  return { file, header, records: rows.map((fields, index) => ({ line: index + 2, fields })) };
}

function programme(code: string, overrides: Partial<Record<(typeof PROGRAMME_COLUMNS)[number], string>> = {}): string[] {
  const values = {
    code_programme: code,
    nom: `Résidence ${code}`,
    adresse: '1 rue du Port',
    code_postal: '64700',
    ville: 'Hendaye',
    code_insee: '64260',
    date_livraison_prevue: '30/06/2027',
    ...overrides,
  };
  return PROGRAMME_COLUMNS.map((column) => values[column]);
}

function lot(reference: string, overrides: Record<string, string> = {}): string[] {
  const values: Record<string, string> = {
    code_programme: 'P1',
    ref_lot: reference,
    type_lot: 'APPARTEMENT',
    typologie: 'T3',
    nb_pieces: '3',
    surface_habitable: '64,20',
    prix_ttc: '285 000,00',
    statut: 'LIBRE',
    date_maj: '12/01/2026',
    ref_lot_principal: '',
    etage: '2',
    orientation: 'Sud',
    surface_annexe: '',
    ...overrides,
  };
  return LOT_COLUMNS.map((column) => values[column]);
}

function validate(lots: string[][], programmes: string[][] = [programme('P1')]) {
  const result = validateExport({
    programmes: table('programmes.csv', [...PROGRAMME_COLUMNS], programmes),
    lots: table('lots.csv', LOT_COLUMNS, lots),
  });
  if (!result.ok) throw new Error(result.message);
  return result.export;
}

function onlyRejection(lots: string[][]): RejectedRow {
  const parsed = validate(lots);
  expect(parsed.rejected).toHaveLength(1);
  return parsed.rejected[0];
}

describe('lot row validation', () => {
  it('parses a valid row', () => {
    const parsed = validate([lot('A001', { prix_ttc: '1 285 000,50', surface_annexe: '8,5', etage: 'RDC' })]);

    expect(parsed.rejected).toEqual([]);
    expect(parsed.lots).toEqual([
      {
        line: 2,
        programmeCode: 'P1',
        reference: 'A001',
        gpsKey: 'P1/A001',
        kind: 'apartment',
        typology: 't3',
        rooms: 3,
        livingArea: 6420,
        price: 128_500_050,
        gpsStatus: 'available',
        gpsUpdatedOn: '2026-01-12',
        floor: 0,
        orientation: 'Sud',
        annexArea: 850,
        mainReference: null,
      },
    ]);
  });

  it.each([
    ['MISSING_REFERENCE', { ref_lot: '' }, 'ref_lot'],
    ['INVALID_NUMBER', { prix_ttc: 'sur demande' }, "prix_ttc : « sur demande » n'est pas un nombre."],
    ['INVALID_NUMBER', { surface_habitable: '64,2x' }, "surface_habitable : « 64,2x » n'est pas un nombre."],
    ['INVALID_NUMBER', { prix_ttc: '285 000,505' }, 'a plus de deux décimales'],
    ['INVALID_NUMBER', { nb_pieces: 'trois' }, "nb_pieces : « trois » n'est pas un nombre entier."],
    ['PRICE_OUT_OF_RANGE', { prix_ttc: '100 000 000,00' }, 'prix_ttc : 100 000 000,00 € dépasse le maximum de 99 999 999,99 €.'],
    ['PRICE_OUT_OF_RANGE', { prix_ttc: '-10' }, 'négatif'],
    ['VALUE_OUT_OF_RANGE', { surface_habitable: '100 000' }, 'dépasse le maximum de 99 999,99 m²'],
    ['VALUE_OUT_OF_RANGE', { nb_pieces: '51' }, 'hors des limites'],
    ['UNKNOWN_LOT_TYPE', { type_lot: 'GRENIER' }, 'type_lot : « GRENIER » est inconnu'],
    ['MISSING_VALUE', { type_lot: '' }, 'type_lot'],
    ['UNKNOWN_STATUS', { statut: 'PERDU' }, 'statut : « PERDU » est inconnu'],
    ['UNKNOWN_TYPOLOGY', { typologie: 'DUPLEX' }, 'typologie : « DUPLEX » est inconnue'],
    ['INVALID_DATE', { date_maj: '31/02/2026' }, 'date_maj : « 31/02/2026 » n\'est pas une date valide'],
    ['INVALID_DATE', { date_maj: '2026-01-12' }, 'jj/mm/aaaa'],
    ['VALUE_TOO_LONG', { orientation: 'x'.repeat(41) }, 'orientation : 41 caractères, au plus 40.'],
  ])('rejects %s (%j)', (code, overrides, reason) => {
    const rejection = onlyRejection([lot('A001', overrides)]);

    expect(rejection.code).toBe(code);
    expect(rejection.file).toBe('lots.csv');
    expect(rejection.line).toBe(2);
    expect(rejection.reason).toContain(reason);
  });

  it('lists every problem of a row, coded by the first', () => {
    const rejection = onlyRejection([lot('A001', { prix_ttc: 'abc', statut: 'PERDU' })]);

    expect(rejection.code).toBe('INVALID_NUMBER');
    expect(rejection.reason).toContain('prix_ttc');
    expect(rejection.reason).toContain('statut');
  });

  it.each([
    ['Réservé', 'reserved'],
    ['bloque', 'blocked'],
    [' VENDU ', 'sold'],
    ['OPTION', 'optioned'],
  ])('reads the status %j', (status, gpsStatus) => {
    expect(validate([lot('A001', { statut: status })]).lots[0].gpsStatus).toBe(gpsStatus);
  });

  it.each([
    ['STUDIO', 'studio'],
    ['T1', 't1'],
    ['t6', 't6'],
    ['F4', 't4'],
    ['T7', 'other'],
    ['', null],
  ])('reads the typology %j', (typology, expected) => {
    expect(validate([lot('A001', { typologie: typology })]).lots[0].typology).toBe(expected);
  });

  it('rejects a lot of a programme absent from programmes.csv', () => {
    const rejection = onlyRejection([lot('A001', { code_programme: 'P9' })]);

    expect(rejection.code).toBe('UNKNOWN_PROGRAMME');
    expect(rejection.reason).toBe('Programme « P9 » absent de programmes.csv.');
  });

  it('rejects every occurrence of a duplicate reference', () => {
    const parsed = validate([lot('A001'), lot('A002'), lot('A001')]);

    expect(parsed.lots.map((row) => row.reference)).toEqual(['A002']);
    expect(parsed.rejected.map((row) => [row.line, row.code])).toEqual([
      [2, 'DUPLICATE_LOT'],
      [4, 'DUPLICATE_LOT'],
    ]);
    expect(parsed.rejected[1].reason).toContain('il figure déjà ligne 2');
    expect([...parsed.listedLotKeys]).toEqual([
      ['P1/A001', 2],
      ['P1/A002', 3],
    ]);
  });

  it('rejects an annex whose main lot is missing', () => {
    const parsed = validate([
      lot('A001'),
      lot('P01', { type_lot: 'PARKING', typologie: '', ref_lot_principal: 'A001' }),
      lot('P02', { type_lot: 'PARKING', typologie: '', ref_lot_principal: 'A999' }),
    ]);

    expect(parsed.lots.map((row) => [row.reference, row.mainReference])).toEqual([
      ['A001', null],
      ['P01', 'A001'],
    ]);
    expect(parsed.rejected).toHaveLength(1);
    expect(parsed.rejected[0]).toMatchObject({ line: 4, code: 'MAIN_LOT_NOT_FOUND' });
    expect(parsed.rejected[0].reason).toContain('« A999 »');
  });

  it('rejects an annex whose main lot is rejected', () => {
    const parsed = validate([lot('A001', { prix_ttc: 'abc' }), lot('C01', { type_lot: 'CAVE', typologie: '', ref_lot_principal: 'A001' })]);

    expect(parsed.lots).toEqual([]);
    expect(parsed.rejected.map((row) => row.code)).toEqual(['INVALID_NUMBER', 'MAIN_LOT_NOT_FOUND']);
  });

  it('leaves optional columns undefined when the file has none', () => {
    const header = [...LOT_REQUIRED_COLUMNS];
    const result = validateExport({
      programmes: table('programmes.csv', [...PROGRAMME_COLUMNS], [programme('P1')]),
      lots: table('lots.csv', header, [['P1', 'A001', 'PARKING', '', '', '12,5', '15 000', 'LIBRE', '']]),
    });
    if (!result.ok) throw new Error(result.message);

    expect(result.export.lots[0]).not.toHaveProperty('floor');
    expect(result.export.lots[0]).not.toHaveProperty('mainReference');
    expect(result.export.lots[0].typology).toBeNull();
    expect(result.export.lots[0].rooms).toBeNull();
    expect(result.export.lots[0].gpsUpdatedOn).toBeNull();
  });
});

describe('programme row validation', () => {
  it('derives the department', () => {
    const parsed = validate([], [programme('P1'), programme('P2', { code_postal: '20000', code_insee: '2A004' })]);

    expect(parsed.programmes.map((row) => [row.code, row.department])).toEqual([
      ['P1', '64'],
      ['P2', '2A'],
    ]);
    expect(parsed.programmes[0].plannedDeliveryDate).toBe('2027-06-30');
  });

  it.each([
    ['INVALID_DATE', { date_livraison_prevue: '30/06/27' }],
    ['INVALID_POSTAL_CODE', { code_postal: '647' }],
    ['INVALID_INSEE_CODE', { code_insee: '6426' }],
    ['MISSING_VALUE', { nom: '' }],
  ])('rejects %s', (code, overrides) => {
    const parsed = validate([], [programme('P1', overrides)]);

    expect(parsed.programmes).toEqual([]);
    expect(parsed.rejected).toEqual([expect.objectContaining({ file: 'programmes.csv', line: 2, code })]);
    expect(parsed.listedProgrammeCodes.has('P1')).toBe(true);
  });

  it('rejects the lots of a rejected programme', () => {
    const parsed = validate([lot('A001')], [programme('P1', { code_postal: 'x' })]);

    expect(parsed.rejected[1]).toMatchObject({ file: 'lots.csv', line: 2, code: 'UNKNOWN_PROGRAMME' });
    expect(parsed.rejected[1].reason).toBe('Programme « P1 » rejeté dans programmes.csv (ligne 2).');
    expect(parsed.listedLotKeys.has('P1/A001')).toBe(true);
  });

  it('rejects a duplicate programme', () => {
    const parsed = validate([], [programme('P1'), programme('P1')]);

    expect(parsed.programmes).toHaveLength(1);
    expect(parsed.rejected).toEqual([expect.objectContaining({ line: 3, code: 'DUPLICATE_PROGRAMME' })]);
  });
});

describe('export header', () => {
  it('fails without a required column', () => {
    const result = validateExport({
      programmes: table('programmes.csv', [...PROGRAMME_COLUMNS], []),
      lots: table('lots.csv', LOT_REQUIRED_COLUMNS.filter((column) => column !== 'prix_ttc'), []),
    });

    expect(result).toEqual({ ok: false, code: 'MISSING_COLUMNS', message: expect.stringContaining('« prix_ttc »') });
  });
});
