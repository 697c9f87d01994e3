import type { Hundredths, IsoDate } from './types';

/**
 * Parsers for the values GPS writes the French way: `185 000,50` for numbers (the thousands
 * separator may be a space, a no-break space U+00A0, a narrow no-break space U+202F or a thin
 * space U+2009) and `dd/mm/yyyy` for dates.
 */

const GROUP_SEPARATORS = /[ \u00a0\u202f\u2009]/g;
/** A sign, an integer part written plain or in groups of three digits, and decimals. */
const DECIMAL_PATTERN = /^(-?)(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)(?:[,.](\d+))?$/;

export type DecimalParse = { ok: true; value: Hundredths } | { ok: false; problem: 'not_a_number' | 'too_many_decimals' };

export interface DecimalOptions {
  /** Accepts a trailing euro sign, for prices. */
  currency?: boolean;
}

/**
 * Parses a French decimal into hundredths. A comma is the decimal separator; a dot is accepted
 * in its place. Thousands separators must split the integer part into groups of three digits,
 * so that a misplaced space (`1 85 000`, `12,5 0`) is an error rather than another number. With
 * `currency`, a trailing euro sign is ignored. More than two decimals is an error rather than a
 * silent rounding, because the database keeps two (numeric(10,2)).
 */
export function parseFrenchDecimal(text: string, options: DecimalOptions = {}): DecimalParse {
  const plain = parsePlainDecimal(text);
  if (plain !== null) return { ok: true, value: plain };

  const trimmed = text.trim();
  const match = DECIMAL_PATTERN.exec(options.currency ? trimmed.replace(/\s*€$/, '') : trimmed);
  if (!match) return { ok: false, problem: 'not_a_number' };

  const [, sign, groupedInteger, decimalPart = ''] = match;
  if (decimalPart.length > 2) {
    // Trailing zeros carry no precision: 12,500 is 12,50.
    if (!/^0+$/.test(decimalPart.slice(2))) return { ok: false, problem: 'too_many_decimals' };
  }

  const cents = Number(groupedInteger.replace(GROUP_SEPARATORS, '')) * 100 + Number(decimalPart.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return { ok: false, problem: 'not_a_number' };
  return { ok: true, value: sign === '-' && cents !== 0 ? -cents : cents };
}

function isGroupSeparator(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

/**
 * Returns the hundredths of the usual shape of a GPS amount, digits with group separators and
 * at most two decimals after a comma or a dot (`185 000,50`), or null for any other text,
 * which the general parser then reads. An export has two amounts per lot, and a scan of the
 * characters costs much less than three regular expressions.
 */
function parsePlainDecimal(text: string): Hundredths | null {
  let integer = 0;
  let digits = 0;
  // Digits since the last group separator, and whether there was one.
  let groupDigits = 0;
  let grouped = false;
  let position = 0;
  for (; position < text.length; position += 1) {
    const code = text.charCodeAt(position);
    if (code >= 0x30 && code <= 0x39) {
      integer = integer * 10 + (code - 0x30);
      digits += 1;
      groupDigits += 1;
    } else if (isGroupSeparator(code)) {
      // The first group has one to three digits, the others exactly three.
      if (grouped ? groupDigits !== 3 : groupDigits === 0 || groupDigits > 3) return null;
      grouped = true;
      groupDigits = 0;
    } else {
      break;
    }
  }
  if (grouped && groupDigits !== 3) return null;
  // 13 digits keep the hundredths a safe integer.
  if (digits === 0 || digits > 13) return null;
  if (position === text.length) return integer * 100;

  const separator = text.charCodeAt(position);
  const decimals = text.length - position - 1;
  if ((separator !== 0x2c && separator !== 0x2e) || decimals < 1 || decimals > 2) return null;
  let fraction = 0;
  for (let index = position + 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return null;
    fraction = fraction * 10 + (code - 0x30);
  }
  return integer * 100 + (decimals === 1 ? fraction * 10 : fraction);
}

export type IntegerParse = { ok: true; value: number } | { ok: false };

/** Parses a whole number, allowing French thousands separators between groups of three digits. */
export function parseFrenchInteger(text: string): IntegerParse {
  const trimmed = text.trim();
  if (!/^-?(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed.replace(GROUP_SEPARATORS, ''));
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false };
}

export type DateParse = { ok: true; value: IsoDate } | { ok: false };

/** Dates already parsed, by text: an export repeats a few dates on thousands of rows. */
const parsedDates = new Map<string, DateParse>();
const PARSED_DATES_LIMIT = 10_000;

/** Parses `dd/mm/yyyy` (one-digit day and month accepted) into an ISO date; rejects 31/02 and the like. */
export function parseFrenchDate(text: string): DateParse {
  let result = parsedDates.get(text);
  if (result === undefined) {
    if (parsedDates.size >= PARSED_DATES_LIMIT) parsedDates.clear();
    result = Object.freeze(readFrenchDate(text));
    parsedDates.set(text, result);
  }
  return result;
}

function readFrenchDate(text: string): DateParse {
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
