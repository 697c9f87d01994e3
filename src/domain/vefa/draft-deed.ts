import {
  addMonths,
  compareDates,
  daysInMonth,
  formatFrenchDate,
  formatIsoDate,
  IsoDate,
  isLastDayOfMonth,
  parseIsoDate,
} from './calendar';
import { Problem } from './problem';

export interface DraftDeedNoticeInput {
  /** Date on which the draft deed of sale was notified to the buyer. */
  draftDeedNotifiedDate: IsoDate;
  /** Planned signature date of the deed of sale. */
  plannedDeedDate: IsoDate;
}

/**
 * Returns the last date on which the draft deed may be notified for a deed planned on
 * `plannedDeedDate`.
 *
 * CCH art. R261-30: the seller notifies the draft deed "un mois au moins avant la date de la
 * signature de cet acte". A notification on day N is in time when N + 1 month (counted as in
 * `addMonths`) falls on or before the deed date. The latest such N is the same day number one
 * month earlier, clamped to the end of the shorter month. A deed on the last day of a month
 * allows the last day of the previous month instead: for a deed on 30 April, a notification on
 * 31 March ends its month on 30 April and is in time.
 */
export function latestDraftDeedNoticeDate(plannedDeedDate: IsoDate): IsoDate {
  if (!isLastDayOfMonth(plannedDeedDate)) {
    return addMonths(plannedDeedDate, -1);
  }

  const previousMonth = parseIsoDate(addMonths(plannedDeedDate, -1));
  return formatIsoDate({ ...previousMonth, day: daysInMonth(previousMonth.year, previousMonth.month) });
}

/** Returns a `DRAFT_DEED_NOTICE_TOO_SHORT` problem when the draft came less than one month before the deed. */
export function checkDraftDeedNotice({ draftDeedNotifiedDate, plannedDeedDate }: DraftDeedNoticeInput): Problem | null {
  const latest = latestDraftDeedNoticeDate(plannedDeedDate);
  if (compareDates(draftDeedNotifiedDate, latest) <= 0) {
    return null;
  }

  return {
    code: 'DRAFT_DEED_NOTICE_TOO_SHORT',
    message:
      `Le projet d'acte notifié le ${formatFrenchDate(draftDeedNotifiedDate)} l'a été moins d'un mois avant la signature prévue ` +
      `le ${formatFrenchDate(plannedDeedDate)} : il devait l'être le ${formatFrenchDate(latest)} au plus tard (art. R261-30 du CCH). ` +
      `Reportez la signature au ${formatFrenchDate(addMonths(draftDeedNotifiedDate, 1))} au plus tôt.`,
  };
}
