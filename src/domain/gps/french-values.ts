import type { Hundredths, IsoDate } from './types';

/**
 * Parsers for the values GPS writes the French way: `185 000,50` for numbers (the thousands
 * separator may be a space, a no-break space U+00A0, a narrow no-break space U+202F or a thin
 * space U+2009) and `dd/mm/yyyy` for dates.
 */

const GROUP_SEPARATORS = /[ \u00a0\u202f\u2009]/g;
const DECIMAL_PATTERN = /^(-?)(\d+)(?:[,.](\d+))?$/;

export type DecimalParse = { ok: true; value: Hundredths } | { ok: false; problem: 'not_a_number' | 'too_many_decimals' };

/**
 * Parses a French decimal into hundredths. A comma is the decimal separator; a dot is accepted
 * in its place. A trailing euro sign is ignored. More than two decimals is an error rather than a
 * silent rounding, because the database keeps two (numeric(10,2)).
 */
export function parseFrenchDecimal(text: string): DecimalParse {
  const compact = text.trim().replace(/\s*€$/, '').replace(GROUP_SEPARATORS, '');
  const match = DECIMAL_PATTERN.exec(compact);
  if (!match) return { ok: false, problem: 'not_a_number' };

  const [, sign, integerPart, decimalPart = ''] = match;
  if (decimalPart.length > 2) {
    // Trailing zeros carry no precision: 12,500 is 12,50.
    if (!/^0+$/.test(decimalPart.slice(2))) return { ok: false, problem: 'too_many_decimals' };
  }

  const cents = Number(integerPart) * 100 + Number(decimalPart.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return { ok: false, problem: 'not_a_number' };
  return { ok: true, value: sign === '-' && cents !== 0 ? -cents : cents };
}

export type IntegerParse = { ok: true; value: number } | { ok: false };

/** Parses a whole number, allowing French thousands separators. */
export function parseFrenchInteger(text: string): IntegerParse {
  const compact = text.trim().replace(GROUP_SEPARATORS, '');
  if (!/^-?\d+$/.test(compact)) return { ok: false };
  const value = Number(compact);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false };
}

/** Parses `dd/mm/yyyy` (one-digit day and month accepted) into an ISO date; rejects 31/02 and the like. */
export function parseFrenchDate(text: string): { ok: true; value: IsoDate } | { ok: false } {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return { ok: false };

  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return { ok: false };

  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return { ok: false };

  return { ok: true, value: `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Formats hundredths the French way, for messages: 18500050 → « 185 000,50 ». */
export function formatFrenchDecimal(value: Hundredths): string {
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  const integerPart = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${integerPart},${String(absolute % 100).padStart(2, '0')}`;
}
