/**
 * Calendar days in Paris, where the legal deadlines of a sale run, whatever the time zone of
 * the Node process.
 */
const PARIS = 'Europe/Paris';

const parisDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS, year: 'numeric', month: '2-digit', day: '2-digit' });
const parisOffsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: PARIS, timeZoneName: 'longOffset' });

/** Returns the Paris calendar day (yyyy-mm-dd) of an instant. */
export function parisDate(instant: Date): string {
  return parisDayFormat.format(instant);
}

export function parisToday(now: Date = new Date()): string {
  return parisDate(now);
}

/**
 * Returns the last millisecond of a Paris calendar day, the instant a deadline expires. The
 * offset is read at noon UTC of that day, because Paris changes its offset at 01:00 UTC, so
 * noon and the end of the same day share it.
 */
export function endOfParisDay(isoDate: string): Date {
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const offsetMinutes = utcOffsetMinutes(noon);
  return new Date(Date.parse(`${isoDate}T23:59:59.999Z`) - offsetMinutes * 60_000);
}

/** Reads the Paris UTC offset at an instant from the `GMT+01:00` name that Intl gives it. */
function utcOffsetMinutes(instant: Date): number {
  const name = parisOffsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (match === null) {
    return 0;
  }
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}
