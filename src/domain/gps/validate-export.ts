import { checkLotHeader, checkProgrammeHeader } from './columns';
import { lotGpsKey, parseLotRecord, parseProgrammeRecord, readLotIdentity } from './rows';
import type { CsvTable, LotRow, ProgrammeRow, RejectedRow } from './types';

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
  /** GPS keys of every lot row, rejected ones included, for the same reason. */
  listedLotKeys: Set<string>;
}

export type ExportValidation = { ok: true; export: ParsedExport } | { ok: false; code: string; message: string };

function validateProgrammes(table: CsvTable, rejected: RejectedRow[]) {
  const header = checkProgrammeHeader(table.file, table.header);
  if (!header.ok) return header;

  const programmes = new Map<string, ProgrammeRow>();
  const listed = new Set<string>();
  const firstLineByCode = new Map<string, number>();
  const rejectedLineByCode = new Map<string, number>();

  for (const record of table.records) {
    const parsed = parseProgrammeRecord(record, header.columns);
    const code = (record.fields[header.columns.get('code_programme') ?? -1] ?? '').trim();
    if (code !== '') listed.add(code);

    const firstLine = code === '' ? undefined : firstLineByCode.get(code);
    if (code !== '' && firstLine === undefined) firstLineByCode.set(code, record.line);

    if (!parsed.ok) {
      rejected.push({ file: table.file, line: record.line, code: parsed.code, reason: parsed.reason });
      if (code !== '' && !rejectedLineByCode.has(code)) rejectedLineByCode.set(code, record.line);
      continue;
    }
    if (firstLine !== undefined) {
      rejected.push({
        file: table.file,
        line: record.line,
        code: 'DUPLICATE_PROGRAMME',
        reason: `Programme « ${code} » en double : il figure déjà ligne ${firstLine}.`,
      });
      continue;
    }
    programmes.set(parsed.row.code, parsed.row);
  }

  return { ok: true as const, programmes, listed, rejectedLineByCode };
}

/**
 * Validates an export: each row on its own, then the checks across rows (programme of a lot,
 * duplicate references, main lot of an annex). A lot whose programme row is rejected is
 * rejected too. Rows are rejected one by one; only an unreadable header fails the whole export.
 */
export function validateExport(files: { programmes: CsvTable; lots: CsvTable }): ExportValidation {
  const rejected: RejectedRow[] = [];

  const programmeResult = validateProgrammes(files.programmes, rejected);
  if (!programmeResult.ok) return programmeResult;
  const { programmes, listed: listedProgrammeCodes, rejectedLineByCode } = programmeResult;

  const lotTable = files.lots;
  const header = checkLotHeader(lotTable.file, lotTable.header);
  if (!header.ok) return header;

  const lots = new Map<string, LotRow>();
  const listedLotKeys = new Set<string>();
  const firstLineByKey = new Map<string, number>();
  const reject = (line: number, code: RejectedRow['code'], reason: string) => rejected.push({ file: lotTable.file, line, code, reason });

  for (const record of lotTable.records) {
    const identity = readLotIdentity(record, header.columns);
    const hasIdentity = identity.programmeCode !== '' && identity.reference !== '';
    const key = lotGpsKey(identity.programmeCode, identity.reference);
    const firstLine = hasIdentity ? firstLineByKey.get(key) : undefined;
    if (hasIdentity) {
      listedLotKeys.add(key);
      if (firstLine === undefined) firstLineByKey.set(key, record.line);
    }

    const parsed = parseLotRecord(record, header.columns);
    if (!parsed.ok) {
      reject(record.line, parsed.code, parsed.reason);
      continue;
    }

    const row = parsed.row;
    if (!programmes.has(row.programmeCode)) {
      const rejectedLine = rejectedLineByCode.get(row.programmeCode);
      const reason =
        rejectedLine === undefined
          ? `Programme « ${row.programmeCode} » absent de ${files.programmes.file}.`
          : `Programme « ${row.programmeCode} » rejeté dans ${files.programmes.file} (ligne ${rejectedLine}).`;
      reject(row.line, 'UNKNOWN_PROGRAMME', reason);
      continue;
    }
    if (firstLine !== undefined) {
      reject(
        row.line,
        'DUPLICATE_LOT',
        `Lot « ${row.reference} » du programme « ${row.programmeCode} » en double : il figure déjà ligne ${firstLine}.`,
      );
      // The first occurrence is rejected too, because nothing tells which of the two rows is right.
      const first = lots.get(key);
      if (first) {
        lots.delete(key);
        reject(
          first.line,
          'DUPLICATE_LOT',
          `Lot « ${first.reference} » du programme « ${first.programmeCode} » en double : il figure aussi ligne ${row.line}.`,
        );
      }
      continue;
    }
    lots.set(row.gpsKey, row);
  }

  rejectAnnexesWithoutMainLot(lots, (row, reason) => reject(row.line, 'MAIN_LOT_NOT_FOUND', reason));

  const fileOrder = (row: RejectedRow) => (row.file === files.programmes.file ? 0 : 1);
  rejected.sort((a, b) => fileOrder(a) - fileOrder(b) || a.line - b.line);

  return {
    ok: true,
    export: {
      programmes: [...programmes.values()],
      lots: [...lots.values()].sort((a, b) => a.line - b.line),
      rejected,
      listedProgrammeCodes,
      listedLotKeys,
    },
  };
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
