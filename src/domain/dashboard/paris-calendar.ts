const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** Calendar day (yyyy-mm-dd) of an instant in Paris, where the sales team works. */
export function parisDay(instant: Date): string {
  return PARIS_DAY.format(instant);
}

/** Month (yyyy-mm) of an instant in Paris. */
export function parisMonth(instant: Date): string {
  return parisDay(instant).slice(0, 7);
}

/** The `count` months up to and including `month` (yyyy-mm), oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [year, monthNumber] = month.split('-').map(Number);
  const months: string[] = [];
  for (let offset = count - 1; offset >= 0; offset -= 1) {
    const date = new Date(Date.UTC(year, monthNumber - 1 - offset, 1));
    months.push(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

const MONTH_LABEL = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Short French label of a month (yyyy-mm), such as « déc. 2026 ». */
export function frenchMonthLabel(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return MONTH_LABEL.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}
