import enumLabels from '../../../../i18n/enum-labels.fr.json';

const LABELS: Readonly<Record<string, string>> = enumLabels;

/** French label of an enumeration value, the same the content manager shows. */
export function label(value: string | null | undefined): string {
  if (!value) return '—';
  return LABELS[value] ?? value;
}

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const AREA = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export function euros(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : EUROS.format(amount);
}

export function squareMetres(area: number | null | undefined): string {
  return area === null || area === undefined ? '—' : `${AREA.format(area)} m²`;
}

/** dd/mm/yyyy of a calendar date (yyyy-mm-dd). */
export function day(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const [year, month, date] = isoDate.slice(0, 10).split('-');
  return `${date}/${month}/${year}`;
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** dd/mm/yyyy hh:mm of an instant, in Paris time. */
export function dateTime(instant: string | null | undefined): string {
  return instant ? DATE_TIME.format(new Date(instant)) : '—';
}

export function floorLabel(floor: number | null | undefined): string {
  if (floor === null || floor === undefined) return 'Étage non renseigné';
  if (floor === 0) return 'Rez-de-chaussée';
  return floor === 1 ? '1er étage' : `${floor}e étage`;
}

/**
 * Reads an amount typed the French way (« 285 000,50 », « 285000 »); null when it is not a
 * number.
 */
export function parseFrenchAmount(text: string): number | null {
  const normalized = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (normalized === '' || !/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  return Number(normalized);
}

/** Today in Paris as yyyy-mm-dd. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}
