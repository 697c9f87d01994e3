import {
  addDays,
  computePublicHolidays,
  extendToWorkingDay,
  formatIsoDate,
  isPublicHoliday,
  isWorkingDay,
  nextWorkingDay,
  publicHolidayName,
  toCalendarDate,
} from '../../src/domain/vefa';

describe('isPublicHoliday', () => {
  it.each([
    ['2026-01-01', "Jour de l'an"],
    ['2026-04-06', 'Lundi de Pâques'],
    ['2026-05-01', 'Fête du travail'],
    ['2026-05-08', 'Victoire des alliés'],
    ['2026-05-14', 'Ascension'],
    ['2026-05-25', 'Lundi de Pentecôte'],
    ['2026-07-14', 'Fête Nationale'],
    ['2026-08-15', 'Assomption'],
    ['2026-11-01', 'Toussaint'],
    ['2026-11-11', 'Armistice'],
    ['2026-12-25', 'Noël'],
    ['2027-03-29', 'Lundi de Pâques'],
    ['2027-05-06', 'Ascension'],
    ['2027-05-17', 'Lundi de Pentecôte'],
    ['2008-05-01', 'Fête du travail, Ascension'],
  ])('%s is %s', (date, name) => {
    expect(publicHolidayName(date, { department: '75' })).toBe(name);
  });

  it.each(['2026-04-05', '2026-04-07', '2026-07-13', '2026-12-24'])('%s is not a holiday', (date) => {
    expect(isPublicHoliday(date)).toBe(false);
  });

  it.each(['57', '67', '68', ' 67 '])('department %p adds 26 December', (department) => {
    expect(isPublicHoliday('2026-12-26', { department })).toBe(true);
  });

  it.each(['57', '67', '68'])('department %p adds Good Friday', (department) => {
    expect(isPublicHoliday('2027-03-26', { department })).toBe(true);
  });

  it.each([
    ['75', '2026-12-26'],
    ['54', '2026-12-26'],
    ['2A', '2027-03-26'],
    [null, '2027-03-26'],
    [undefined, '2026-12-26'],
  ])('department %p keeps %s a normal day', (department, date) => {
    expect(isPublicHoliday(date, { department })).toBe(false);
  });
});

describe('working days', () => {
  it.each([
    ['2026-03-14', false],
    ['2026-03-15', false],
    ['2026-07-14', false],
    ['2026-03-16', true],
    ['2026-12-26', false],
  ])('isWorkingDay of %s is %p', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-07-10', null, '2026-07-13'],
    ['2026-07-13', null, '2026-07-15'],
    ['2027-03-26', null, '2027-03-30'],
    ['2025-12-24', '75', '2025-12-26'],
    ['2025-12-24', '67', '2025-12-29'],
    ['2027-03-25', '68', '2027-03-30'],
    ['2027-03-25', '69', '2027-03-26'],
  ])('nextWorkingDay after %s in %p is %s', (date, department, expected) => {
    expect(nextWorkingDay(date, { department })).toBe(expected);
  });

  it('keeps a working day', () => {
    expect(extendToWorkingDay('2026-03-16')).toBe('2026-03-16');
  });

  it('moves a Saturday to Monday', () => {
    expect(extendToWorkingDay('2026-03-14')).toBe('2026-03-16');
  });
});

/** Easter Sunday by the anonymous Gregorian algorithm, independent of the library. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

function expectedAlsaceMoselleHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25', '12-26'].map(
    (monthDay) => `${year}-${monthDay}`,
  );
  const movable = [-2, 1, 39, 50].map((offset) => addDays(easter, offset));
  return [...new Set([...fixed, ...movable])].sort();
}

describe('toCalendarDate', () => {
  it.each([
    ['local midnight', new Date(2026, 4, 14, 0, 0)],
    ['23:00 the day before', new Date(2026, 4, 13, 23, 0)],
    ['01:00 the same day', new Date(2026, 4, 14, 1, 0)],
  ])('reads %s as the date', (_case, date) => {
    expect(toCalendarDate(date)).toBe('2026-05-14');
  });
});

// Jest cannot switch time zones inside a test run: run this file under several TZ values
// (UTC, Europe/Paris, America/New_York, Australia/Sydney) to cover daylight saving changes.
describe(`computePublicHolidays in TZ=${process.env.TZ ?? 'unset'}`, () => {
  it.each(Array.from({ length: 61 }, (_, index) => 2000 + index))('matches Easter computation in %i', (year) => {
    const computed = [...computePublicHolidays(year, true).keys()].sort();
    expect(computed).toEqual(expectedAlsaceMoselleHolidays(year));
  });

  it('leaves out Alsace-Moselle days elsewhere', () => {
    expect(computePublicHolidays(2026, false).size).toBe(11);
  });
});
