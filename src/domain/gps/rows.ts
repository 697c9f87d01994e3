import type { ColumnIndex, LotColumn, ProgrammeColumn } from './columns';
import { parseGpsLotStatus } from '../lots';
import { departmentFromPostalCode } from './department';
import { formatFrenchDecimal, parseFrenchDate, parseFrenchDecimal, parseFrenchInteger } from './french-values';
import type {
  CellResult,
  CsvRecord,
  GpsLotStatus,
  Hundredths,
  IsoDate,
  LotKind,
  LotRow,
  LotTypology,
  ProgrammeRow,
  RejectionCode,
} from './types';

/** Column limits, from the content-type schemas of programme and lot. */
export const LIMITS = {
  programmeCodeLength: 64,
  programmeNameLength: 200,
  addressLength: 300,
  cityLength: 120,
  referenceLength: 64,
  orientationLength: 40,
  maxRooms: 50,
  minFloor: -10,
  maxFloor: 200,
  /** numeric(10,2): 99 999 999,99 € is the largest price the database stores. */
  maxPrice: 9_999_999_999,
  maxArea: 9_999_999,
} as const;

const LOT_KINDS: Record<string, LotKind> = {
  APPARTEMENT: 'apartment',
  MAISON: 'house',
  PARKING: 'parking',
  CAVE: 'cellar',
  COMMERCE: 'commercial',
};

const TYPOLOGY_BY_ROOMS: Record<number, LotTypology> = { 1: 't1', 2: 't2', 3: 't3', 4: 't4', 5: 't5', 6: 't6' };

export type RowParse<Row> = { ok: true; row: Row } | { ok: false; code: RejectionCode; reason: string };

/** Upper case without accents, so that `Réservé` and `RESERVE` compare equal. */
function normaliseKeyword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toUpperCase();
}

/** Result of every empty optional cell, shared because an export has many of them. */
const EMPTY_CELL = { ok: true, value: null } as const;

function ok<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

function fail<T>(code: RejectionCode, reason: string): CellResult<T> {
  return { ok: false, code, reason };
}

/** Collects the problems of one row so that its reason lists them all; the first gives the code. */
class RowProblems {
  private readonly problems: { code: RejectionCode; reason: string }[] = [];

  take<T>(result: CellResult<T>, fallback: T): T {
    if (result.ok) return result.value;
    this.problems.push({ code: result.code, reason: result.reason });
    return fallback;
  }

  add(code: RejectionCode, reason: string): void {
    this.problems.push({ code, reason });
  }

  get first(): { code: RejectionCode; reason: string } | null {
    if (this.problems.length === 0) return null;
    return { code: this.problems[0].code, reason: this.problems.map((problem) => problem.reason).join(' ') };
  }
}

class CellReader<Column extends string> {
  constructor(
    private readonly record: CsvRecord,
    private readonly columns: ColumnIndex<Column>,
  ) {}

  has(column: Column): boolean {
    return this.columns.has(column);
  }

  /** Returns the trimmed cell, or '' when it is empty or the column is absent. */
  text(column: Column): string {
    const position = this.columns.get(column);
    if (position === undefined) return '';
    return (this.record.fields[position] ?? '').trim();
  }

  required(column: Column, maxLength: number, missingCode: RejectionCode = 'MISSING_VALUE'): CellResult<string> {
    const value = this.text(column);
    if (value === '') {
      return fail(missingCode, `Valeur obligatoire manquante : ${column}.`);
    }
    return this.checkLength(column, value, maxLength);
  }

  optional(column: Column, maxLength: number): CellResult<string | null> {
    const value = this.text(column);
    if (value === '') return EMPTY_CELL;
    return this.checkLength(column, value, maxLength);
  }

  decimal(column: Column, max: Hundredths, outOfRangeCode: RejectionCode, unit: string): CellResult<Hundredths | null> {
    const raw = this.text(column);
    if (raw === '') return EMPTY_CELL;

    const parsed = parseFrenchDecimal(raw, { currency: unit.trim() === '€' });
    if (!parsed.ok) {
      return parsed.problem === 'too_many_decimals'
        ? fail('INVALID_NUMBER', `${column} : « ${raw} » a plus de deux décimales.`)
        : fail('INVALID_NUMBER', `${column} : « ${raw} » n'est pas un nombre.`);
    }
    if (parsed.value < 0) {
      return fail(outOfRangeCode, `${column} : « ${raw} » est négatif.`);
    }
    if (parsed.value > max) {
      return fail(outOfRangeCode, `${column} : ${formatFrenchDecimal(parsed.value)}${unit} dépasse le maximum de ${formatFrenchDecimal(max)}${unit}.`);
    }
    return ok(parsed.value);
  }

  integer(column: Column, min: number, max: number): CellResult<number | null> {
    const raw = this.text(column);
    if (raw === '') return EMPTY_CELL;

    const parsed = parseFrenchInteger(raw);
    if (!parsed.ok) return fail('INVALID_NUMBER', `${column} : « ${raw} » n'est pas un nombre entier.`);
    if (parsed.value < min || parsed.value > max) {
      return fail('VALUE_OUT_OF_RANGE', `${column} : ${parsed.value} est hors des limites (${min} à ${max}).`);
    }
    return ok(parsed.value);
  }

  date(column: Column): CellResult<IsoDate | null> {
    const raw = this.text(column);
    if (raw === '') return EMPTY_CELL;

    const parsed = parseFrenchDate(raw);
    return parsed.ok
      ? ok(parsed.value)
      : fail('INVALID_DATE', `${column} : « ${raw} » n'est pas une date valide (format attendu : jj/mm/aaaa).`);
  }

  private checkLength(column: Column, value: string, maxLength: number): CellResult<string> {
    if (value.length > maxLength) {
      return fail('VALUE_TOO_LONG', `${column} : ${value.length} caractères, au plus ${maxLength}.`);
    }
    return ok(value);
  }
}

/** Validates one row of programmes.csv. */
export function parseProgrammeRecord(record: CsvRecord, columns: ColumnIndex<ProgrammeColumn>): RowParse<ProgrammeRow> {
  const cells = new CellReader(record, columns);
  const problems = new RowProblems();

  const code = problems.take(cells.required('code_programme', LIMITS.programmeCodeLength), '');
  const name = problems.take(cells.required('nom', LIMITS.programmeNameLength), '');
  const address = problems.take(cells.optional('adresse', LIMITS.addressLength), null);
  const city = problems.take(cells.optional('ville', LIMITS.cityLength), null);
  const plannedDeliveryDate = problems.take(cells.date('date_livraison_prevue'), null);

  const postalCode = cells.text('code_postal') === '' ? null : cells.text('code_postal');
  if (postalCode !== null && !/^\d{5}$/.test(postalCode)) {
    problems.add('INVALID_POSTAL_CODE', `code_postal : « ${postalCode} » n'est pas un code postal (5 chiffres).`);
  }

  const rawInsee = cells.text('code_insee');
  const inseeCode = rawInsee === '' ? null : rawInsee.toUpperCase();
  if (inseeCode !== null && !/^(\d{5}|2[AB]\d{3})$/.test(inseeCode)) {
    problems.add('INVALID_INSEE_CODE', `code_insee : « ${rawInsee} » n'est pas un code commune INSEE (5 caractères).`);
  }

  const problem = problems.first;
  if (problem) return { ok: false, ...problem };

  return {
    ok: true,
    row: {
      line: record.line,
      code,
      name,
      address,
      postalCode,
      city,
      inseeCode,
      department: postalCode === null ? null : departmentFromPostalCode(postalCode, inseeCode),
      plannedDeliveryDate,
    },
  };
}

/**
 * Wraps a parser of a keyword column (type, typology, status) with a cache: an export repeats a
 * handful of values over its rows. The cache stops growing at 1 000 distinct values.
 */
function cached<T>(parser: (raw: string) => CellResult<T>): (raw: string) => CellResult<T> {
  const results = new Map<string, CellResult<T>>();
  return (raw) => {
    const known = results.get(raw);
    if (known) return known;
    const result = parser(raw);
    if (results.size < 1000) results.set(raw, result);
    return result;
  };
}

function parseKindUncached(raw: string): CellResult<LotKind> {
  if (raw === '') return fail('MISSING_VALUE', 'Valeur obligatoire manquante : type_lot.');
  const kind = LOT_KINDS[normaliseKeyword(raw)];
  return kind
    ? ok(kind)
    : fail('UNKNOWN_LOT_TYPE', `type_lot : « ${raw} » est inconnu (attendu : APPARTEMENT, MAISON, PARKING, CAVE ou COMMERCE).`);
}

/** STUDIO, T1…T6 (or F1…F6, the older notation), T7 and above as « other », MAISON; empty for parkings and cellars. */
function parseTypologyUncached(raw: string): CellResult<LotTypology | null> {
  if (raw === '') return EMPTY_CELL;

  const keyword = normaliseKeyword(raw).replace(/\s+/g, '');
  if (keyword === 'STUDIO') return ok('studio');
  if (keyword === 'MAISON') return ok('house');
  if (keyword === 'AUTRE') return ok('other');

  const rooms = /^[TF](\d{1,2})$/.exec(keyword);
  if (rooms) {
    const count = Number(rooms[1]);
    const typology = TYPOLOGY_BY_ROOMS[count];
    if (typology) return ok(typology);
    if (count >= 7) return ok('other');
  }
  return fail('UNKNOWN_TYPOLOGY', `typologie : « ${raw} » est inconnue (attendu : STUDIO, T1 à T6 ou vide).`);
}

function parseStatusUncached(raw: string): CellResult<GpsLotStatus> {
  if (raw === '') return fail('MISSING_VALUE', 'Valeur obligatoire manquante : statut.');
  const status = parseGpsLotStatus(raw);
  return status
    ? ok(status)
    : fail('UNKNOWN_STATUS', `statut : « ${raw} » est inconnu (attendu : LIBRE, OPTION, RESERVE, VENDU ou BLOQUE).`);
}

const parseKind = cached(parseKindUncached);
const parseTypology = cached(parseTypologyUncached);
const parseStatus = cached(parseStatusUncached);

/** Floor number; GPS writes the ground floor as RDC. */
function parseFloor(cells: CellReader<LotColumn>): CellResult<number | null> {
  if (normaliseKeyword(cells.text('etage')) === 'RDC') return ok(0);
  return cells.integer('etage', LIMITS.minFloor, LIMITS.maxFloor);
}

/** Identity of a lot row, readable even when the rest of the row is invalid. */
export function readLotIdentity(record: CsvRecord, columns: ColumnIndex<LotColumn>): { programmeCode: string; reference: string } {
  const cells = new CellReader(record, columns);
  return { programmeCode: cells.text('code_programme'), reference: cells.text('ref_lot') };
}

export function lotGpsKey(programmeCode: string, reference: string): string {
  return `${programmeCode}/${reference}`;
}

/** Validates one row of lots.csv on its own; checks that need other rows (programme, duplicates, main lot) come later. */
export function parseLotRecord(record: CsvRecord, columns: ColumnIndex<LotColumn>): RowParse<LotRow> {
  const cells = new CellReader(record, columns);
  const problems = new RowProblems();

  const programmeCode = problems.take(cells.required('code_programme', LIMITS.programmeCodeLength), '');
  const reference = problems.take(cells.required('ref_lot', LIMITS.referenceLength, 'MISSING_REFERENCE'), '');
  const kind = problems.take<LotKind | null>(parseKind(cells.text('type_lot')), null);
  const typology = problems.take(parseTypology(cells.text('typologie')), null);
  const rooms = problems.take(cells.integer('nb_pieces', 0, LIMITS.maxRooms), null);
  const livingArea = problems.take(cells.decimal('surface_habitable', LIMITS.maxArea, 'VALUE_OUT_OF_RANGE', ' m²'), null);
  const price = problems.take(cells.decimal('prix_ttc', LIMITS.maxPrice, 'PRICE_OUT_OF_RANGE', ' €'), null);
  const gpsStatus = problems.take<GpsLotStatus | null>(parseStatus(cells.text('statut')), null);
  const gpsUpdatedOn = problems.take(cells.date('date_maj'), null);

  const hasFloor = cells.has('etage');
  const floor = hasFloor ? problems.take(parseFloor(cells), null) : null;
  const hasOrientation = cells.has('orientation');
  const orientation = hasOrientation ? problems.take(cells.optional('orientation', LIMITS.orientationLength), null) : null;
  const hasAnnexArea = cells.has('surface_annexe');
  const annexArea = hasAnnexArea
    ? problems.take(cells.decimal('surface_annexe', LIMITS.maxArea, 'VALUE_OUT_OF_RANGE', ' m²'), null)
    : null;
  const hasMainReference = cells.has('ref_lot_principal');
  const mainReference = hasMainReference ? problems.take(cells.optional('ref_lot_principal', LIMITS.referenceLength), null) : null;

  const problem = problems.first;
  if (problem) return { ok: false, ...problem };
  // parseKind and parseStatus never succeed with null, so both are set once no problem was found.
  if (kind === null || gpsStatus === null) return { ok: false, code: 'MISSING_VALUE', reason: 'Ligne incomplète.' };

  const row: LotRow = {
    line: record.line,
    programmeCode,
    reference,
    gpsKey: lotGpsKey(programmeCode, reference),
    kind,
    typology,
    rooms,
    livingArea,
    price,
    gpsStatus,
    gpsUpdatedOn,
  };
  if (hasFloor) row.floor = floor;
  if (hasOrientation) row.orientation = orientation;
  if (hasAnnexArea) row.annexArea = annexArea;
  if (hasMainReference) row.mainReference = mainReference;
  return { ok: true, row };
}
