import {
  departmentFromPostalCode,
  formatFrenchDecimal,
  parseFrenchDate,
  parseFrenchDecimal,
  parseFrenchInteger,
} from '../../src/domain/gps';

describe('parseFrenchDecimal', () => {
  it.each([
    ['185 000,50', 18_500_050],
    ['185\u00a0000,50', 18_500_050],
    ['185\u202f000,50', 18_500_050],
    ['1\u2009234\u2009567,8', 123_456_780],
    ['57,89', 5789],
    ['57.89', 5789],
    ['330 000', 33_000_000],
    ['12,500', 1250],
    ['  42,1  ', 4210],
    ['0', 0],
    ['0,5', 50],
    ['007', 700],
    ['12 ', 1200],
    ['1 234.5', 123_450],
    ['9999999999999,99', 999_999_999_999_999],
  ])('reads %j as %d hundredths', (text, hundredths) => {
    expect(parseFrenchDecimal(text)).toEqual({ ok: true, value: hundredths });
  });

  it('keeps the sign of a negative number', () => {
    expect(parseFrenchDecimal('-12,5')).toEqual({ ok: true, value: -1250 });
  });

  it.each(['abc', '12,5x', '1,2,3', '', ',5', '12 000 €x', '12,', '1e5', ' ', '12;5', '12,5 0', '12 ,50', '1 85 000,00', '1850 00', '12 €'])(
    'rejects %j as not a number',
    (text) => {
      expect(parseFrenchDecimal(text)).toEqual({ ok: false, problem: 'not_a_number' });
    },
  );

  it.each([
    ['210 000,00 €', 21_000_000],
    ['12 €', 1200],
  ])('reads the price %j with its euro sign', (text, hundredths) => {
    expect(parseFrenchDecimal(text, { currency: true })).toEqual({ ok: true, value: hundredths });
  });

  it('rejects a number too large for a safe integer of hundredths', () => {
    expect(parseFrenchDecimal('99999999999999999')).toEqual({ ok: false, problem: 'not_a_number' });
  });

  it('rejects a third significant decimal', () => {
    expect(parseFrenchDecimal('12,345')).toEqual({ ok: false, problem: 'too_many_decimals' });
  });
});

describe('parseFrenchInteger', () => {
  it('reads digits with a thousands separator', () => {
    expect(parseFrenchInteger('1 200')).toEqual({ ok: true, value: 1200 });
  });

  it('rejects a decimal', () => {
    expect(parseFrenchInteger('2,5')).toEqual({ ok: false });
  });

  it('rejects a misplaced thousands separator', () => {
    expect(parseFrenchInteger('1 2')).toEqual({ ok: false });
  });
});

describe('parseFrenchDate', () => {
  it.each([
    ['24/03/2023', '2023-03-24'],
    ['1/2/2024', '2024-02-01'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseFrenchDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each(['31/02/2023', '29/02/2023', '2023-03-24', '24/13/2023', '00/01/2023', '24/03/23'])('rejects %s', (text) => {
    expect(parseFrenchDate(text)).toEqual({ ok: false });
  });
});

describe('parseFrenchDate on repeated dates', () => {
  it('reads a date the same on every call', () => {
    expect(parseFrenchDate('15/01/2026')).toEqual({ ok: true, value: '2026-01-15' });
    expect(parseFrenchDate('15/01/2026')).toEqual({ ok: true, value: '2026-01-15' });
  });

  it('rejects an invalid date on every call', () => {
    expect(parseFrenchDate('30/02/2026')).toEqual({ ok: false });
    expect(parseFrenchDate('30/02/2026')).toEqual({ ok: false });
  });
});

describe('formatFrenchDecimal', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(formatFrenchDecimal(9_999_999_999)).toBe('99 999 999,99');
  });
});

describe('departmentFromPostalCode', () => {
  it.each([
    ['64700', null, '64'],
    ['01000', null, '01'],
    ['20000', '2A004', '2A'],
    ['20200', '2B033', '2B'],
    ['20100', null, '2A'],
    ['20600', null, '2B'],
    ['97400', '97411', '974'],
    ['97600', null, '976'],
    ['98800', null, '988'],
  ])('%s (INSEE %s) is in department %s', (postalCode, insee, department) => {
    expect(departmentFromPostalCode(postalCode, insee)).toBe(department);
  });

  it.each(['98000', '00100', '6470', 'ABCDE'])('%s has no department', (postalCode) => {
    expect(departmentFromPostalCode(postalCode, null)).toBeNull();
  });
});
