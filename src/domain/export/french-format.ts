const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a number the French way: a space between thousands and a decimal comma, such as
 * `285 000,50`. `decimals` fixes the number of decimals (2 for amounts); null keeps up to 2
 * and drops trailing zeros (64,5 m²).
 * NOTE: the separator is a plain space (U+0020), not the no-break space of Intl's fr-FR
 * format. Whether French Excel reads it as a number was not checked here: no Excel on the
 * build machines.
 */
export function formatFrenchNumber(value: number, decimals: number | null = null): string {
  if (!Number.isFinite(value)) return '';
  const fixed = decimals === null ? String(Math.round(value * 100) / 100) : value.toFixed(decimals);
  const negative = fixed.startsWith('-');
  const [integerPart, fractionPart] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const sign = negative && /[1-9]/.test(fixed) ? '-' : '';
  return fractionPart === undefined ? `${sign}${grouped}` : `${sign}${grouped},${fractionPart}`;
}

/** Formats a calendar date (yyyy-mm-dd) as dd/mm/yyyy; any other text is returned unchanged. */
export function formatFrenchDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

const PARIS_DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** Formats an instant as dd/mm/yyyy hh:mm in Paris time, where the sales team works. */
export function formatFrenchDateTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) return '';
  const parts = Object.fromEntries(PARIS_DATE_TIME.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
