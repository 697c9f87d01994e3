import { formatFrenchDate, formatFrenchDateTime, formatFrenchNumber } from './french-format';

/**
 * How a cell is written. `amount` has two decimals, `number` up to two, `date` is a calendar
 * date (yyyy-mm-dd), `datetime` an instant shown in Paris time, `boolean` Oui or Non.
 */
export type CellKind = 'text' | 'number' | 'amount' | 'date' | 'datetime' | 'boolean';

export interface CsvColumn {
  header: string;
  kind: CellKind;
}

/** A cell value as read from the database; null and undefined give an empty cell. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** Excel takes the byte order mark as the sign of a UTF-8 file; without it, it reads Windows-1252. */
export const UTF8_BOM = '\ufeff';

const SEPARATOR = ';';
const LINE_END = '\r\n';

/**
 * Texts starting with these characters are formulas for Excel. A lead quote makes Excel show
 * them as text, so a contact named « =HYPERLINK(…) » cannot run anything when opened.
 */
const FORMULA_START = /^[=@\t\r]/;
/** A leading + or - starts a formula too, unless the rest is a phone number or a plain number. */
const SIGNED_FORMULA = /^[+-](?![\d\s().,/]*$)/;

function protectFormula(text: string): string {
  return FORMULA_START.test(text) || SIGNED_FORMULA.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toNumber(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** Writes one value as the text of a CSV cell, before quoting. */
export function formatCell(kind: CellKind, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '';

  switch (kind) {
    case 'amount':
    case 'number': {
      const number = toNumber(value);
      return number === null ? protectFormula(String(value)) : formatFrenchNumber(number, kind === 'amount' ? 2 : null);
    }
    case 'date':
      if (value instanceof Date) return formatFrenchDate(value.toISOString().slice(0, 10));
      return formatFrenchDate(String(value).slice(0, 10));
    case 'datetime': {
      const instant = value instanceof Date ? value : new Date(String(value));
      return Number.isNaN(instant.getTime()) ? protectFormula(String(value)) : formatFrenchDateTime(instant);
    }
    case 'boolean':
      return value === true || value === 'true' ? 'Oui' : 'Non';
    case 'text':
      return protectFormula(value instanceof Date ? formatFrenchDateTime(value) : String(value));
  }
}

/**
 * Builds a CSV file that French Excel opens in columns with accents intact: UTF-8 with a
 * byte order mark, semicolons between cells, CRLF line ends, French numbers and dates.
 * Cells holding a semicolon, a quote or a line break are quoted.
 */
export function buildCsv(columns: readonly CsvColumn[], rows: ReadonlyArray<readonly CellValue[]>): string {
  const lines = [columns.map((column) => quote(column.header)).join(SEPARATOR)];
  for (const row of rows) {
    lines.push(columns.map((column, index) => quote(formatCell(column.kind, row[index]))).join(SEPARATOR));
  }
  return `${UTF8_BOM}${lines.join(LINE_END)}${LINE_END}`;
}

/** File name of an export, such as `negos-2026-12-04.csv`, dated in Paris time. */
export function exportFileName(baseName: string, now: Date): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
  return `${baseName}-${day}.csv`;
}
