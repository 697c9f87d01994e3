import { buildCsv, exportFileName, formatCell, formatFrenchDateTime, formatFrenchNumber, UTF8_BOM } from '../../src/domain/export';

describe('formatFrenchNumber', () => {
  it.each<[number, number | null, string]>([
    [285000.5, 2, '285 000,50'],
    [285000, 2, '285 000,00'],
    [1234567.891, 2, '1 234 567,89'],
    [64.5, null, '64,5'],
    [64, null, '64'],
    [999, null, '999'],
    [-1500.25, 2, '-1 500,25'],
    [-0.001, 2, '0,00'],
    [0, 2, '0,00'],
  ])('%p with %p decimals', (value, decimals, expected) => {
    expect(formatFrenchNumber(value, decimals)).toBe(expected);
  });

  it('leaves NaN empty', () => {
    expect(formatFrenchNumber(Number.NaN)).toBe('');
  });
});

describe('formatCell', () => {
  it('writes amounts stored as strings', () => {
    expect(formatCell('amount', '285000.50')).toBe('285 000,50');
  });

  it('writes calendar dates as dd/mm/yyyy', () => {
    expect(formatCell('date', '2026-12-04')).toBe('04/12/2026');
  });

  it('writes instants in Paris time', () => {
    expect(formatCell('datetime', '2026-07-14T22:30:00.000Z')).toBe('15/07/2026 00:30');
    expect(formatCell('datetime', new Date('2026-01-15T08:05:00Z'))).toBe('15/01/2026 09:05');
  });

  it('writes booleans in French', () => {
    expect(formatCell('boolean', true)).toBe('Oui');
    expect(formatCell('boolean', false)).toBe('Non');
  });

  it('leaves empty values empty', () => {
    expect(formatCell('amount', null)).toBe('');
    expect(formatCell('text', undefined)).toBe('');
    expect(formatCell('boolean', null)).toBe('');
  });

  it('neutralises formulas', () => {
    expect(formatCell('text', '=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(formatCell('text', '@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCell('text', '-2+3')).toBe("'-2+3");
    expect(formatCell('text', '+cmd|calc')).toBe("'+cmd|calc");
  });

  it('keeps phone numbers as they are', () => {
    expect(formatCell('text', '+33 6 12 34 56 78')).toBe('+33 6 12 34 56 78');
    expect(formatCell('text', '06 12 34 56 78')).toBe('06 12 34 56 78');
  });
});

describe('buildCsv', () => {
  const columns = [
    { header: 'Référence', kind: 'text' as const },
    { header: 'Prix TTC (€)', kind: 'amount' as const },
    { header: 'Livraison', kind: 'date' as const },
  ];

  it('starts with a BOM and uses semicolons and CRLF', () => {
    const csv = buildCsv(columns, [['A001', 285000.5, '2027-06-30']]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Référence;Prix TTC (€);Livraison\r\nA001;285 000,50;30/06/2027\r\n');
  });

  it('quotes semicolons, quotes and line breaks', () => {
    const csv = buildCsv(columns, [['Bât. A; 2e "nord"\nporte 3', null, null]]);
    expect(csv.slice(1).split('\r\n')[1]).toBe('"Bât. A; 2e ""nord""\nporte 3";;');
  });

  it('writes only the header for no rows', () => {
    expect(buildCsv(columns, [])).toBe(`${UTF8_BOM}Référence;Prix TTC (€);Livraison\r\n`);
  });

  it('encodes accents as UTF-8', () => {
    const bytes = Buffer.from(buildCsv([{ header: 'Négo', kind: 'text' }], [['Élodie']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from('Élodie', 'utf8'))).toBe(true);
  });
});

describe('exportFileName', () => {
  it('uses the Paris date', () => {
    expect(exportFileName('negos', new Date('2026-12-31T23:30:00Z'))).toBe('negos-2027-01-01.csv');
  });
});

describe('formatFrenchDateTime', () => {
  it('is empty for an invalid date', () => {
    expect(formatFrenchDateTime(new Date('nope'))).toBe('');
  });
});
