import {
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  formatFrenchDate,
  isLastDayOfMonth,
  parseIsoDate,
} from '../../src/domain/vefa';

describe('parseIsoDate', () => {
  it('reads a valid date', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '15/01/2026', '2026-1-5', ''])(
    'rejects %p',
    (value) => {
      expect(() => parseIsoDate(value)).toThrow(RangeError);
    },
  );

  it('rejects with a French message', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow("Date invalide : « 2026-02-30 » n'existe pas dans le calendrier.");
  });
});

describe('addDays', () => {
  it.each([
    ['2026-03-02', 10, '2026-03-12'],
    ['2026-12-25', 10, '2027-01-04'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-01', -13, '2024-12-01'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-03-15', 24, '2028-03-15'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('calendar helpers', () => {
  it.each([
    ['2026-07-14', 2],
    ['2026-03-14', 6],
    ['2026-03-15', 0],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
  ])('dayOfWeek of %s is %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('formats dd/mm/yyyy', () => {
    expect(formatFrenchDate('2026-01-05')).toBe('05/01/2026');
  });

  it.each([
    ['2026-02-28', true],
    ['2028-02-28', false],
    ['2028-02-29', true],
    ['2026-04-30', true],
    ['2026-03-30', false],
  ])('isLastDayOfMonth of %s is %p', (date, expected) => {
    expect(isLastDayOfMonth(date)).toBe(expected);
  });

  it('compares across years', () => {
    expect(compareDates('2026-12-31', '2027-01-01')).toBe(-1);
  });
});
