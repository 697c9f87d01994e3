/** Calendar helpers of the demo, on UTC dates so a seed gives the same dates in any time zone. */
export function addDays(date: Date, days: number): Date {
  const copy = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  copy.setUTCDate(copy.getUTCDate() + days);
  return copy;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatFrenchDate(date: Date): string {
  const [year, month, day] = toIsoDate(date).split('-');
  return `${day}/${month}/${year}`;
}
