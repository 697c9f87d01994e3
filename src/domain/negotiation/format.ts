const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns true for a string that is neither null, empty nor only whitespace. */
export function isFilled(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Returns true for a finite number, 0 included. */
export function isAmountSet(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Returns true when `value` is a calendar date written yyyy-mm-dd, the format of Strapi
 * `date` attributes. A timestamp or an impossible day such as 2027-02-30 is rejected.
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) {
    return false;
  }

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));

  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Formats an ISO date (yyyy-mm-dd) as French users read it (dd/mm/yyyy). */
export function formatDateFr(isoDate: string): string {
  const match = ISO_DATE_PATTERN.exec(isoDate);
  if (match === null) {
    return isoDate;
  }
  return `${match[3]}/${match[2]}/${match[1]}`;
}

const EURO_FORMAT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/**
 * Formats an amount in euros the French way. Intl (Node's ICU data) groups thousands with
 * a narrow no-break space (U+202F), and a no-break space (U+00A0) precedes the € sign.
 */
export function formatEuros(amount: number): string {
  return `${EURO_FORMAT.format(amount)}\u00a0€`;
}
