/**
 * Calendar arithmetic on plain `yyyy-mm-dd` date strings.
 *
 * Every computation goes through a day number (days since 1970-01-01) built with `Date.UTC`,
 * so the result never depends on the time zone of the Node process.
 */

/** Calendar date written `yyyy-mm-dd`, with no time and no time zone. */
export type IsoDate = string;

export interface CalendarDate {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31. */
  day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a `yyyy-mm-dd` string and rejects anything that is not a real calendar date.
 *
 * @throws RangeError with a French message, for example on `2026-02-30` or `15/01/2026`.
 */
export function parseIsoDate(date: IsoDate): CalendarDate {
  const match = ISO_DATE_PATTERN.exec(date);
  if (match === null) {
    throw new RangeError(`Date invalide : « ${date} ». Format attendu : AAAA-MM-JJ.`);
  }

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Date invalide : « ${date} » n'existe pas dans le calendrier.`);
  }

  return { year, month, day };
}

export function formatIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Formats a date as `dd/mm/yyyy`, the form French users read. */
export function formatFrenchDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad2(day)}/${pad2(month)}/${String(year).padStart(4, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this month.
  return new Date(utcMilliseconds(year, month, 0)).getUTCDate();
}

export function isLastDayOfMonth(date: IsoDate): boolean {
  const { year, month, day } = parseIsoDate(date);
  return day === daysInMonth(year, month);
}

/** Converts a date to the number of days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return utcMilliseconds(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const utc = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate({
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
  });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds calendar months and keeps the day number, clamped to the last day of the target month
 * (31 January + 1 month = 28 or 29 February). This is how art. 641 al. 2 of the Code de
 * procédure civile counts a period expressed in months: it ends on the day with the same
 * number, or on the last day of the month when that day does not exist.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return formatIsoDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Returns a negative number, zero or a positive number, like a `sort` comparator. */
export function compareDates(left: IsoDate, right: IsoDate): number {
  return toDayNumber(left) - toDayNumber(right);
}

export function isBefore(left: IsoDate, right: IsoDate): boolean {
  return compareDates(left, right) < 0;
}

export function isAfter(left: IsoDate, right: IsoDate): boolean {
  return compareDates(left, right) > 0;
}

/** Day of the week with 0 for Sunday to 6 for Saturday, as `Date.prototype.getDay`. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/**
 * Returns the UTC timestamp of a date. `Date.UTC` alone would read years 0 to 99 as 1900 to
 * 1999, hence `setUTCFullYear`.
 */
function utcMilliseconds(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
