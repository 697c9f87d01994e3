import { type ColumnIndex, checkLotHeader, checkProgrammeHeader, type LotColumn, type ProgrammeColumn } from './columns';
import { lotGpsKey, parseLotRecord, parseProgrammeRecord, readLotIdentity } from './rows';
import type { CsvRecord, CsvTable, LotRow, ProgrammeRow, RejectedRow } from './types';

/** The valid rows of an export, its rejected rows, and what it lists even through rejected rows. */
export interface ParsedExport {
  programmes: ProgrammeRow[];
  lots: LotRow[];
  rejected: RejectedRow[];
  /**
   * Codes of every programme row, rejected ones included: a programme whose row is invalid is
   * still in the export, so it must not be ended as missing.
   */
  listedProgrammeCodes: Set<string>;
  /** GPS keys of every lot row, rejected ones included, for the same reason, with the line of their first row. */
  listedLotKeys: ReadonlyMap<string, number>;
}

export type ExportValidation = { ok: true; export: ParsedExport } | { ok: false; code: string; message: string };

type HeaderResult = { ok: true } | { ok: false; code: 'MISSING_COLUMNS' | 'DUPLICATE_COLUMN'; message: string };

/**
 * Validates an export row by row as it is read, so that the raw CSV records need not be kept:
 * first each row on its own, then, in `finish`, the checks across rows. programmes.csv must be
 * read before lots.csv, because a lot is checked against the valid programmes. A lot whose
 * programme row is rejected is rejected too. Rows are rejected one by one; only an unreadable
 * header fails the whole export.
 */
export class ExportValidator {
  private readonly rejected: RejectedRow[] = [];
  private readonly programmes = new Map<string, ProgrammeRow>();
  private readonly listedProgrammeCodes = new Set<string>();
  private readonly firstLineByCode = new Map<string, number>();
  private readonly rejectedLineByCode = new Map<string, number>();
  private readonly lots = new Map<string, LotRow>();
  private readonly listedLotKeys = new Map<string, number>();
  private programmeFile = 'programmes.csv';
  private lotFile = 'lots.csv';
  private programmeColumns: ColumnIndex<ProgrammeColumn> | null = null;
  private lotColumns: ColumnIndex<LotColumn> | null = null;

  startProgrammes(file: string, header: readonly string[]): HeaderResult {
    const check = checkProgrammeHeader(file, header);
    if (!check.ok) return check;
    this.programmeFile = file;
    this.programmeColumns = check.columns;
    return { ok: true };
  }

  addProgramme(record: CsvRecord): void {
    const columns = this.programmeColumns;
    if (columns === null) throw new Error('startProgrammes must succeed before addProgramme');

    const file = this.programmeFile;
    const parsed = parseProgrammeRecord(record, columns);
    const code = (record.fields[columns.get('code_programme') ?? -1] ?? '').trim();
    if (code !== '') this.listedProgrammeCodes.add(code);

    const firstLine = code === '' ? undefined : this.firstLineByCode.get(code);
    if (code !== '' && firstLine === undefined) this.firstLineByCode.set(code, record.line);

    if (!parsed.ok) {
      this.rejected.push({ file, line: record.line, code: parsed.code, reason: parsed.reason });
      if (code !== '' && !this.rejectedLineByCode.has(code)) this.rejectedLineByCode.set(code, record.line);
      return;
    }
    if (firstLine !== undefined) {
      this.rejected.push({
        file,
        line: record.line,
        code: 'DUPLICATE_PROGRAMME',
        reason: `Programme « ${code} » en double : il figure déjà ligne ${firstLine}.`,
      });
      return;
    }
    this.programmes.set(parsed.row.code, parsed.row);
  }

  startLots(file: string, header: readonly string[]): HeaderResult {
    const check = checkLotHeader(file, header);
    if (!check.ok) return check;
    this.lotFile = file;
    this.lotColumns = check.columns;
    return { ok: true };
  }

  addLot(record: CsvRecord): void {
    const columns = this.lotColumns;
    if (columns === null) throw new Error('startLots must succeed before addLot');

    // The identity of a valid row comes from its parse; an invalid row is read for it separately.
    const parsed = parseLotRecord(record, columns);
    const identity = parsed.ok ? parsed.row : readLotIdentity(record, columns);
    const hasIdentity = identity.programmeCode !== '' && identity.reference !== '';
    const key = parsed.ok ? parsed.row.gpsKey : lotGpsKey(identity.programmeCode, identity.reference);
    const firstLine = hasIdentity ? this.listedLotKeys.get(key) : undefined;
    if (hasIdentity && firstLine === undefined) this.listedLotKeys.set(key, record.line);

    if (!parsed.ok) {
      this.rejectLot(record.line, parsed.code, parsed.reason);
      return;
    }

    const row = parsed.row;
    if (!this.programmes.has(row.programmeCode)) {
      const rejectedLine = this.rejectedLineByCode.get(row.programmeCode);
      const reason =
        rejectedLine === undefined
          ? `Programme « ${row.programmeCode} » absent de ${this.programmeFile}.`
          : `Programme « ${row.programmeCode} » rejeté dans ${this.programmeFile} (ligne ${rejectedLine}).`;
      this.rejectLot(row.line, 'UNKNOWN_PROGRAMME', reason);
      return;
    }
    if (firstLine !== undefined) {
      this.rejectLot(
        row.line,
        'DUPLICATE_LOT',
        `Lot « ${row.reference} » du programme « ${row.programmeCode} » en double : il figure déjà ligne ${firstLine}.`,
      );
      // The first occurrence is rejected too, because no rule decides which of the two rows is right.
      const first = this.lots.get(key);
      if (first) {
        this.lots.delete(key);
        this.rejectLot(
          first.line,
          'DUPLICATE_LOT',
          `Lot « ${first.reference} » du programme « ${first.programmeCode} » en double : il figure aussi ligne ${row.line}.`,
        );
      }
      return;
    }
    this.lots.set(row.gpsKey, row);
  }

  /** Runs the checks across lot rows and returns the result; call it once, after the last row. */
  finish(): ParsedExport {
    rejectAnnexesWithoutMainLot(this.lots, (row, reason) => this.rejectLot(row.line, 'MAIN_LOT_NOT_FOUND', reason));

    const fileOrder = (row: RejectedRow) => (row.file === this.programmeFile ? 0 : 1);
    this.rejected.sort((a, b) => fileOrder(a) - fileOrder(b) || a.line - b.line);

    return {
      programmes: [...this.programmes.values()],
      lots: [...this.lots.values()].sort((a, b) => a.line - b.line),
      rejected: this.rejected,
      listedProgrammeCodes: this.listedProgrammeCodes,
      listedLotKeys: this.listedLotKeys,
    };
  }

  private rejectLot(line: number, code: RejectedRow['code'], reason: string): void {
    this.rejected.push({ file: this.lotFile, line, code, reason });
  }
}

/** Validates an export already read into tables (see `ExportValidator`). */
export function validateExport(files: { programmes: CsvTable; lots: CsvTable }): ExportValidation {
  const validator = new ExportValidator();

  const programmeHeader = validator.startProgrammes(files.programmes.file, files.programmes.header);
  if (!programmeHeader.ok) return programmeHeader;
  for (const record of files.programmes.records) validator.addProgramme(record);

  const lotHeader = validator.startLots(files.lots.file, files.lots.header);
  if (!lotHeader.ok) return lotHeader;
  for (const record of files.lots.records) validator.addLot(record);

  return { ok: true, export: validator.finish() };
}

/**
 * Rejects annex rows whose `ref_lot_principal` names no valid lot of the same programme. Repeats
 * until stable, because rejecting an annex can orphan a lot that pointed to it.
 */
function rejectAnnexesWithoutMainLot(lots: Map<string, LotRow>, reject: (row: LotRow, reason: string) => void): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const row of lots.values()) {
      if (row.mainReference === undefined || row.mainReference === null) continue;

      const mainKey = lotGpsKey(row.programmeCode, row.mainReference);
      if (mainKey === row.gpsKey) {
        reject(row, `ref_lot_principal : le lot « ${row.reference} » ne peut pas être son propre lot principal.`);
      } else if (!lots.has(mainKey)) {
        reject(
          row,
          `ref_lot_principal : le lot principal « ${row.mainReference} » n'existe pas parmi les lots valides du programme « ${row.programmeCode} ».`,
        );
      } else {
        continue;
      }
      lots.delete(row.gpsKey);
      changed = true;
    }
  }
}
