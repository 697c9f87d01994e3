/// <reference path="./jours-feries.d.ts" />
import getJoursFeries from '@socialgouv/jours-feries';

import { addDays, fromDayNumber, IsoDate, isWeekend, parseIsoDate } from './calendar';

export interface HolidayOptions {
  /** Department code of the programme (`'57'`, `'75'`, `'2A'`…), used for Alsace-Moselle. */
  department?: string | null;
}

/**
 * Departments of Alsace-Moselle (Moselle, Bas-Rhin, Haut-Rhin), where Good Friday and
 * 26 December are also public holidays (Code du travail art. L3134-13).
 *
 * NOTE: art. L3134-13 makes Good Friday a holiday only in communes with a Protestant church or
 * a mixed church. Like the library, this module applies it to the whole department.
 */
const ALSACE_MOSELLE_DEPARTMENTS: ReadonlySet<string> = new Set(['57', '67', '68']);

const MS_PER_DAY = 86_400_000;

const holidayCache = new Map<string, ReadonlyMap<IsoDate, string>>();

export function isAlsaceMoselle(department: string | null | undefined): boolean {
  return department != null && ALSACE_MOSELLE_DEPARTMENTS.has(department.trim());
}

/**
 * Lists the public holidays of a year (Code du travail art. L3133-1: 1 January, Easter Monday,
 * 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November,
 * 25 December), plus Good Friday and 26 December in Alsace-Moselle.
 *
 * Computed on each call from @socialgouv/jours-feries in the current process time zone.
 * Callers should go through `isPublicHoliday`, which caches the result per year.
 *
 * @returns a map from each holiday date to its French name, or names joined by a comma.
 */
export function computePublicHolidays(year: number, alsaceMoselle: boolean): ReadonlyMap<IsoDate, string> {
  const holidays = new Map<IsoDate, string>();
  for (const [name, date] of Object.entries(getJoursFeries(year, { alsace: alsaceMoselle }))) {
    const calendarDate = toCalendarDate(date);
    const sameDay = holidays.get(calendarDate);

    // Two holidays can share a date, as 1 May and Ascension did in 2008.
    holidays.set(calendarDate, sameDay === undefined ? name : `${sameDay}, ${name}`);
  }
  return holidays;
}

/** Returns the French name of the holiday on that date (« Lundi de Pâques »), or null. */
export function publicHolidayName(date: IsoDate, options: HolidayOptions = {}): string | null {
  const { year } = parseIsoDate(date);
  return holidaysOfYear(year, isAlsaceMoselle(options.department)).get(date) ?? null;
}

export function isPublicHoliday(date: IsoDate, options: HolidayOptions = {}): boolean {
  return publicHolidayName(date, options) !== null;
}

/**
 * Tells whether a date is a working day in the sense of Code de procédure civile art. 642:
 * neither a Saturday, a Sunday nor a public holiday.
 */
export function isWorkingDay(date: IsoDate, options: HolidayOptions = {}): boolean {
  return !isWeekend(date) && !isPublicHoliday(date, options);
}

/** Returns the first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, options: HolidayOptions = {}): IsoDate {
  let candidate = addDays(date, 1);
  while (!isWorkingDay(candidate, options)) {
    candidate = addDays(candidate, 1);
  }
  return candidate;
}

/**
 * Moves the last day of a period to the next working day when it falls on a Saturday, a
 * Sunday or a public holiday (Code de procédure civile art. 642 al. 2), and keeps it
 * otherwise.
 */
export function extendToWorkingDay(date: IsoDate, options: HolidayOptions = {}): IsoDate {
  return isWorkingDay(date, options) ? date : nextWorkingDay(date, options);
}

function holidaysOfYear(year: number, alsaceMoselle: boolean): ReadonlyMap<IsoDate, string> {
  const key = `${year}:${alsaceMoselle ? 'alsace-moselle' : 'france'}`;
  let holidays = holidayCache.get(key);
  if (holidays === undefined) {
    holidays = computePublicHolidays(year, alsaceMoselle);
    holidayCache.set(key, holidays);
  }
  return holidays;
}

/**
 * Converts a library `Date` to the calendar date it stands for, whatever the process time
 * zone. The library builds local midnights and adds days in milliseconds, so a holiday after a
 * daylight saving change sits at 23:00 the day before or 01:00 the same day (in Sydney, the
 * library's Ascension 2026 is 13 May at 23:00). Reading the local wall-clock time and rounding
 * it to the nearest midnight recovers the intended date in both cases.
 */
export function toCalendarDate(date: Date): IsoDate {
  const wallClock = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
  );
  return fromDayNumber(Math.round(wallClock / MS_PER_DAY));
}
