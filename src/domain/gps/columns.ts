/** Columns of programmes.csv, all required. */
export const PROGRAMME_COLUMNS = [
  'code_programme',
  'nom',
  'adresse',
  'code_postal',
  'ville',
  'code_insee',
  'date_livraison_prevue',
] as const;

/** Required columns of lots.csv. */
export const LOT_REQUIRED_COLUMNS = [
  'code_programme',
  'ref_lot',
  'type_lot',
  'typologie',
  'nb_pieces',
  'surface_habitable',
  'prix_ttc',
  'statut',
  'date_maj',
] as const;

/** Columns that some GPS versions add to lots.csv; `ref_lot_principal` links an annex (parking, cellar) to its main lot. */
export const LOT_OPTIONAL_COLUMNS = ['etage', 'orientation', 'surface_annexe', 'ref_lot_principal'] as const;

export type ProgrammeColumn = (typeof PROGRAMME_COLUMNS)[number];
export type LotColumn = (typeof LOT_REQUIRED_COLUMNS)[number] | (typeof LOT_OPTIONAL_COLUMNS)[number];

/** Position of each known column in a file; optional columns absent from the file are missing from the map. */
export type ColumnIndex<Column extends string> = ReadonlyMap<Column, number>;

export type HeaderCheck<Column extends string> =
  | { ok: true; columns: ColumnIndex<Column> }
  | { ok: false; code: 'MISSING_COLUMNS' | 'DUPLICATE_COLUMN'; message: string };

function normaliseColumnName(name: string): string {
  return name.replace(/^\ufeff/, '').trim().toLowerCase();
}

function checkHeader<Column extends string>(
  file: string,
  header: readonly string[],
  required: readonly Column[],
  optional: readonly Column[],
): HeaderCheck<Column> {
  const positions = new Map<string, number>();
  for (const [position, name] of header.map(normaliseColumnName).entries()) {
    if (name === '') continue;
    if (positions.has(name)) {
      return { ok: false, code: 'DUPLICATE_COLUMN', message: `${file} : la colonne « ${name} » apparaît deux fois dans l'en-tête.` };
    }
    positions.set(name, position);
  }

  const missing = required.filter((column) => !positions.has(column));
  if (missing.length > 0) {
    const list = missing.map((column) => `« ${column} »`).join(', ');
    const noun = missing.length > 1 ? 'colonnes obligatoires manquantes' : 'colonne obligatoire manquante';
    return {
      ok: false,
      code: 'MISSING_COLUMNS',
      message: `${file} : ${noun} dans l'en-tête (ligne 1) : ${list}. Vérifiez le séparateur (point-virgule) et le format de l'export.`,
    };
  }

  const columns = new Map<Column, number>();
  for (const column of [...required, ...optional]) {
    const position = positions.get(column);
    if (position !== undefined) columns.set(column, position);
  }
  return { ok: true, columns };
}

/** Checks the header of a GPS file and locates its columns; extra unknown columns are ignored. */
export function checkProgrammeHeader(file: string, header: readonly string[]): HeaderCheck<ProgrammeColumn> {
  return checkHeader<ProgrammeColumn>(file, header, PROGRAMME_COLUMNS, []);
}

export function checkLotHeader(file: string, header: readonly string[]): HeaderCheck<LotColumn> {
  return checkHeader<LotColumn>(file, header, LOT_REQUIRED_COLUMNS, LOT_OPTIONAL_COLUMNS);
}
