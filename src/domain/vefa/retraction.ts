import { addDays, compareDates, formatFrenchDate, IsoDate } from './calendar';
import { extendToWorkingDay, HolidayOptions } from './holidays';

/**
 * Means by which the signed reservation contract reached a buyer.
 *
 * - `registered_letter`: lettre recommandée avec demande d'avis de réception.
 * - `electronic_registered_letter`: lettre recommandée électronique, which the law accepts as a
 *   means giving the same guarantee on the date of receipt.
 * - `hand_delivery`: handed over by the promoteur's own staff. It does not start the period.
 */
export type NotificationMethod = 'registered_letter' | 'electronic_registered_letter' | 'hand_delivery';

/** One notification of the signed reservation contract to one buyer or co-buyer. */
export interface BuyerNotification {
  /** Contact id of the buyer. Several records may share it, one per notification sent. */
  contactId: string;
  /** Buyer's name as written in warnings. */
  name: string;
  /** Date of the first presentation of the letter, or of the hand delivery. */
  notificationDate: IsoDate | null;
  notificationMethod: NotificationMethod | null;
}

/** Withdrawal period of one buyer. */
export interface RetractionPeriod {
  contactId: string;
  name: string;
  /** First presentation that started the period, or null when no valid notification exists. */
  notificationDate: IsoDate | null;
  /** First day of the period: the day after the notification. */
  startDate: IsoDate | null;
  /** Last day on which the buyer may withdraw, or null when the period has not started. */
  endDate: IsoDate | null;
  /** French warnings on notifications that do not start the period. */
  warnings: string[];
}

/** Length of the withdrawal period in days (CCH art. L271-1). */
export const RETRACTION_PERIOD_DAYS = 10;

/**
 * Computes the last day of the withdrawal period for a notification first presented on
 * `notificationDate`.
 *
 * CCH art. L271-1 gives the buyer 10 days "à compter du lendemain de la première présentation
 * de la lettre lui notifiant l'acte". With a first presentation on day D, the period starts on
 * D+1 and its tenth day is D+10, whatever kind of day D is. When D+10 is a Saturday, a Sunday
 * or a public holiday, the period runs until the next working day (Code de procédure civile
 * art. 642 al. 2). Holidays are those of `options.department`: callers pass the programme's
 * department, not the buyer's.
 */
export function retractionPeriodEnd(notificationDate: IsoDate, options: HolidayOptions = {}): IsoDate {
  return extendToWorkingDay(addDays(notificationDate, RETRACTION_PERIOD_DAYS), options);
}

/**
 * Computes one withdrawal period per buyer, each from that buyer's own notification.
 *
 * Records are grouped by `contactId`, in the order of first appearance. Among a buyer's
 * registered letters (postal or electronic), the earliest dated one starts the period, because
 * the law counts from the first presentation. A buyer with no dated letter gets no end date and
 * a warning naming what is missing.
 *
 * NOTE: CCH art. L271-1 also lets a professional holding a sale mandate hand the contract over
 * against a dated receipt, which then starts the period. This module does not model that case:
 * `hand_delivery` always means delivery by the promoteur's own staff.
 */
export function computeRetractionPeriods(
  buyers: readonly BuyerNotification[],
  options: HolidayOptions = {},
): RetractionPeriod[] {
  const notificationsByBuyer = new Map<string, BuyerNotification[]>();
  for (const notification of buyers) {
    const existing = notificationsByBuyer.get(notification.contactId);
    if (existing === undefined) {
      notificationsByBuyer.set(notification.contactId, [notification]);
    } else {
      existing.push(notification);
    }
  }

  return [...notificationsByBuyer.values()].map((notifications) => buildPeriod(notifications, options));
}

function buildPeriod(notifications: readonly BuyerNotification[], options: HolidayOptions): RetractionPeriod {
  const { contactId, name } = notifications[0];

  const letterDates = notifications
    .filter((notification) => isRegisteredLetter(notification.notificationMethod))
    .map((notification) => notification.notificationDate)
    .filter((date): date is IsoDate => date !== null)
    .sort(compareDates);

  if (letterDates.length > 0) {
    const notificationDate = letterDates[0];
    return {
      contactId,
      name,
      notificationDate,
      startDate: addDays(notificationDate, 1),
      endDate: retractionPeriodEnd(notificationDate, options),
      warnings: [],
    };
  }

  const warnings = new Set<string>();
  for (const notification of notifications) {
    warnings.add(describeMissingNotification(notification));
  }
  return { contactId, name, notificationDate: null, startDate: null, endDate: null, warnings: [...warnings] };
}

function isRegisteredLetter(method: NotificationMethod | null): boolean {
  return method === 'registered_letter' || method === 'electronic_registered_letter';
}

/** Explains why a notification record does not start the period. */
function describeMissingNotification({ name, notificationDate, notificationMethod }: BuyerNotification): string {
  if (notificationMethod === 'hand_delivery') {
    const when = notificationDate === null ? '' : ` le ${formatFrenchDate(notificationDate)}`;
    return (
      `Contrat remis en main propre à ${name}${when} : une remise par le vendeur ne fait pas courir le délai de rétractation. ` +
      `Notifiez le contrat par lettre recommandée avec accusé de réception ou par lettre recommandée électronique (art. L271-1 du CCH).`
    );
  }

  if (notificationMethod !== null) {
    return (
      `Notification du contrat à ${name} : la date de première présentation de la lettre n'est pas renseignée, ` +
      `le délai de rétractation ne peut pas être calculé.`
    );
  }

  if (notificationDate !== null) {
    return (
      `Notification du contrat à ${name} le ${formatFrenchDate(notificationDate)} : le mode de notification n'est pas renseigné, ` +
      `le délai de rétractation ne peut pas être calculé.`
    );
  }

  return `Contrat de réservation non encore notifié à ${name} : le délai de rétractation n'a pas commencé (art. L271-1 du CCH).`;
}
