import { formatFrenchDate, IsoDate } from './calendar';
import { Deadline } from './deadlines';
import { BuyerNotification, NotificationMethod } from './retraction';

/** Buyer or co-buyer of a négo. */
export interface BuyerContact {
  /** Contact document id. */
  contactId: string;
  name: string;
}

/** One notification record stored on the reservation. */
export interface StoredBuyerNotification {
  /** Notified contact, or null when the record names no contact. */
  contact: BuyerContact | null;
  notificationDate: IsoDate | null;
  notificationMethod: NotificationMethod | null;
}

export interface ReservationBuyersInput {
  mainBuyer: BuyerContact | null;
  coBuyers: readonly BuyerContact[];
  notifications: readonly StoredBuyerNotification[];
  /** Single notification date that reservations stored before per-buyer notifications existed. */
  legacyNotificationDate: IsoDate | null;
}

export interface ReservationBuyers {
  /** Input of `computeRetractionPeriods`: the buyers in order, each with its notifications. */
  buyers: BuyerNotification[];
  /** Contact whose notification was taken from `legacyNotificationDate`, if any. */
  legacyContactId: string | null;
}

/**
 * Lists the notifications of each buyer of a reservation: the main buyer first, then the
 * co-buyers, then any other notified contact. A buyer without a notification gets an empty
 * record, so that the deadlines warn that the contract still has to be notified to them.
 *
 * A record that names no contact is counted for the main buyer. When the reservation has no
 * notification record at all, its single legacy notification date is counted as the first
 * presentation of a registered letter to the main buyer, the usual way of notifying the
 * contract (CCH art. L271-1). The method was never stored with that date, so
 * `markLegacyNotification` asks the négociateur to confirm it.
 */
export function collectReservationBuyers(input: ReservationBuyersInput): ReservationBuyers {
  const contacts = new Map<string, BuyerContact>();
  const records = new Map<string, BuyerNotification[]>();
  const addContact = (contact: BuyerContact) => {
    if (!contacts.has(contact.contactId)) {
      contacts.set(contact.contactId, contact);
      records.set(contact.contactId, []);
    }
  };

  if (input.mainBuyer !== null) {
    addContact(input.mainBuyer);
  }
  input.coBuyers.forEach(addContact);

  for (const notification of input.notifications) {
    const contact = notification.contact ?? input.mainBuyer;
    if (contact === null) {
      continue;
    }
    addContact(contact);
    records.get(contact.contactId)?.push({
      contactId: contact.contactId,
      name: contact.name,
      notificationDate: notification.notificationDate,
      notificationMethod: notification.notificationMethod,
    });
  }

  let legacyContactId: string | null = null;
  if (input.notifications.length === 0 && input.legacyNotificationDate !== null && input.mainBuyer !== null) {
    legacyContactId = input.mainBuyer.contactId;
    records.get(legacyContactId)?.push({
      contactId: legacyContactId,
      name: input.mainBuyer.name,
      notificationDate: input.legacyNotificationDate,
      notificationMethod: 'registered_letter',
    });
  }

  const buyers: BuyerNotification[] = [];
  for (const contact of contacts.values()) {
    const own = records.get(contact.contactId) ?? [];
    buyers.push(
      ...(own.length > 0 ? own : [{ contactId: contact.contactId, name: contact.name, notificationDate: null, notificationMethod: null }]),
    );
  }
  return { buyers, legacyContactId };
}

/**
 * Adds a warning to the withdrawal period computed from the legacy notification date, because
 * its method was assumed rather than entered.
 */
export function markLegacyNotification(deadlines: readonly Deadline[], contactId: string, notificationDate: IsoDate): Deadline[] {
  const warning =
    `Notification reprise du champ « Date de notification » de la réservation (${formatFrenchDate(notificationDate)}) ` +
    `et comptée comme la première présentation d'une lettre recommandée : saisissez la notification de chaque acquéreur ` +
    `pour confirmer la date et le mode de notification.`;

  return deadlines.map((deadline) =>
    deadline.code === 'RETRACTION' && deadline.contactId === contactId ? { ...deadline, warnings: [...deadline.warnings, warning] } : deadline,
  );
}
