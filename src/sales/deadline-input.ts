import type { Core } from '@strapi/strapi';
import { isIsoDate } from '../domain/negotiation';
import {
  BuyerContact,
  collectReservationBuyers,
  IsoDate,
  NegotiationDeadlineInput,
  NotificationMethod,
  ReservationBuyers,
  WITHDRAWAL_REASONS,
  WithdrawalReason,
} from '../domain/vefa';
import { readBoolean, readDate, readNumber, readString } from './input';

/**
 * Readers that turn négo and reservation rows, or save payloads merged onto them, into the
 * plain input of the VEFA rules in src/domain/vefa.
 */

const NEGOTIATION_UID = 'api::negotiation.negotiation';
const RESERVATION_UID = 'api::reservation.reservation';

export type Row = Record<string, unknown>;

/** Négo attributes `ruleCheckInput` reads. */
export const NEGOTIATION_RULE_FIELDS = [
  'cashPurchase',
  'loanOfferReceivedDate',
  'loanOfferAcceptanceDate',
  'draftDeedNotifiedDate',
  'withdrawalDate',
] as const;

/** Reservation attributes `ruleCheckInput` reads. */
export const RESERVATION_RULE_FIELDS = ['signatureDate', 'contractPrice', 'deposit', 'plannedDeedDate', 'loanConditionDeadline'] as const;

const CONTACT_FIELDS = ['id', 'documentId', 'firstName', 'lastName', 'fullName'];

const NOTIFICATION_METHODS: readonly NotificationMethod[] = ['registered_letter', 'electronic_registered_letter', 'hand_delivery'];

export function asRow(value: unknown): Row | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value));
}

function asRows(value: unknown): Row[] {
  return Array.isArray(value) ? value.map(asRow).filter((row): row is Row => row !== null) : [];
}

/**
 * Reads a date, or null when it is missing or not a real calendar date. The rules skip an
 * invalid date, and Strapi's own validation then rejects the save.
 */
export function readValidDate(value: unknown): IsoDate | null {
  const date = readDate(value);
  return date !== null && isIsoDate(date) ? date : null;
}

/** Reads an amount in euros, or null when it is missing or negative (the schemas reject negative amounts). */
export function readAmount(value: unknown): number | null {
  const amount = readNumber(value);
  return amount !== null && amount >= 0 ? amount : null;
}

function readNotificationMethod(value: unknown): NotificationMethod | null {
  return NOTIFICATION_METHODS.find((method) => method === value) ?? null;
}

export function readWithdrawalReason(value: unknown): WithdrawalReason | null {
  return WITHDRAWAL_REASONS.find((reason) => reason === value) ?? null;
}

/** Copies `fields` from the payload when it sets them, from the stored row otherwise. */
export function mergeSave(stored: Row | null, data: Row, fields: readonly string[]): Row {
  const merged: Row = {};
  for (const field of fields) merged[field] = field in data ? data[field] : stored?.[field] ?? null;
  return merged;
}

/**
 * Builds the input of `checkSaleRules` from a négo and its active reservation. Buyers and
 * department only matter to the deadlines, not to the checks, so they are left empty.
 */
export function ruleCheckInput(negotiation: Row | null, reservation: Row | null): NegotiationDeadlineInput {
  return {
    reservationSignatureDate: readValidDate(reservation?.signatureDate),
    buyers: [],
    price: readAmount(reservation?.contractPrice),
    deposit: readAmount(reservation?.deposit),
    plannedDeedDate: readValidDate(reservation?.plannedDeedDate),
    cashPurchase: readBoolean(negotiation?.cashPurchase),
    loanConditionDeadline: readValidDate(reservation?.loanConditionDeadline),
    loanOfferReceivedDate: readValidDate(negotiation?.loanOfferReceivedDate),
    loanOfferAcceptanceDate: readValidDate(negotiation?.loanOfferAcceptanceDate),
    draftDeedNotifiedDate: readValidDate(negotiation?.draftDeedNotifiedDate),
    department: null,
    withdrawalDate: readValidDate(negotiation?.withdrawalDate),
  };
}

/** Négo row with the reservation its deadlines come from, read without relations. */
export interface NegotiationDeadlineRecord {
  negotiation: Row;
  documentId: string;
  /** The active reservation, or after a withdrawal the latest one, which the withdrawal cancelled. */
  reservation: Row | null;
}

/** Everything the deadlines of one négo are computed from. */
export interface DeadlineSources {
  negotiationId: number;
  negotiationDocumentId: string;
  negotiationOpen: boolean;
  ownerId: number | null;
  mainBuyer: BuyerContact | null;
  input: NegotiationDeadlineInput;
  buyers: ReservationBuyers;
  legacyNotificationDate: IsoDate | null;
  withdrawalReason: WithdrawalReason | null;
  /** Names of the buyers and notified contacts, by contact document id. */
  buyerNames: Map<string, string>;
  /** Row ids of the same contacts, by contact document id. */
  contactRowIds: Map<string, number>;
}

/** Returns the active reservation of a négo, or null. */
export async function findActiveReservation(strapi: Core.Strapi, negotiationId: number): Promise<Row | null> {
  const row: unknown = await strapi.db
    .query(RESERVATION_UID)
    .findOne({ where: { negotiation: { id: negotiationId }, reservationStatus: 'active' }, orderBy: [{ id: 'desc' }] });
  return asRow(row);
}

/** Loads a négo and the reservation its deadlines come from. Returns null for an unknown négo. */
export async function loadDeadlineRecord(strapi: Core.Strapi, negotiationId: number): Promise<NegotiationDeadlineRecord | null> {
  const negotiation = asRow(await strapi.db.query(NEGOTIATION_UID).findOne({ where: { id: negotiationId } }));
  const documentId = readString(negotiation?.documentId);
  if (negotiation === null || documentId === null) return null;

  const reservations = asRows(
    await strapi.db.query(RESERVATION_UID).findMany({ where: { negotiation: { id: negotiationId } }, orderBy: [{ id: 'desc' }] }),
  );
  const withdrawn = readValidDate(negotiation.withdrawalDate) !== null;
  const reservation = reservations.find((row) => row.reservationStatus === 'active') ?? (withdrawn ? reservations[0] : undefined) ?? null;
  return { negotiation, documentId, reservation };
}

/**
 * Tells whether a négo has no deadline to compute and none stored, which is the case of every
 * négo before its reservation. Its refresh can then stop after two queries.
 */
export function hasNothingToTrack({ negotiation, reservation }: NegotiationDeadlineRecord): boolean {
  return (
    reservation === null &&
    readValidDate(negotiation.loanOfferReceivedDate) === null &&
    readValidDate(negotiation.withdrawalDate) === null &&
    Array.isArray(negotiation.deadlines) &&
    negotiation.deadlines.length === 0 &&
    readString(negotiation.depositRefund) === null
  );
}

/**
 * Loads the relations the deadlines need and builds their input.
 *
 * Each relation is read by its own query, one after the other. A query that populates several
 * relations runs them in parallel (@strapi/database 5.54), and inside a transaction that sends
 * concurrent queries on one PostgreSQL connection, which the pg driver deprecates.
 */
export async function loadDeadlineSources(strapi: Core.Strapi, record: NegotiationDeadlineRecord): Promise<DeadlineSources> {
  const { negotiation, reservation } = record;
  const negotiationId = Number(negotiation.id);

  const contactRowIds = new Map<string, number>();
  const readIndexedContact = (value: unknown): BuyerContact | null => {
    const contact = readContact(value);
    const rowId = readNumber(asRow(value)?.id);
    if (contact !== null && rowId !== null) contactRowIds.set(contact.contactId, rowId);
    return contact;
  };

  const mainBuyer = readIndexedContact(await loadRelation(strapi, NEGOTIATION_UID, negotiationId, 'buyer', { select: CONTACT_FIELDS }));
  const coBuyers = asRows(await loadRelation(strapi, NEGOTIATION_UID, negotiationId, 'coBuyers', { select: CONTACT_FIELDS }))
    .map(readIndexedContact)
    .filter((contact): contact is BuyerContact => contact !== null);
  const owner = asRow(await loadRelation(strapi, NEGOTIATION_UID, negotiationId, 'owner', { select: ['id'] }));
  const targetProgramme = asRow(await loadRelation(strapi, NEGOTIATION_UID, negotiationId, 'programme', { select: ['id', 'department'] }));

  const reservationId = readNumber(reservation?.id);
  const notificationRows =
    reservationId === null
      ? []
      : asRows(await loadRelation(strapi, RESERVATION_UID, reservationId, 'buyerNotifications', { populate: { contact: { select: CONTACT_FIELDS } } }));
  const lots =
    reservationId === null
      ? []
      : asRows(await loadRelation(strapi, RESERVATION_UID, reservationId, 'lots', { select: ['id'], populate: { programme: { select: ['id', 'department'] } } }));

  const legacyNotificationDate = readValidDate(reservation?.notificationDate);
  const buyers = collectReservationBuyers({
    mainBuyer,
    coBuyers,
    notifications: notificationRows.map((row) => ({
      contact: readIndexedContact(row.contact),
      notificationDate: readValidDate(row.notificationDate),
      notificationMethod: readNotificationMethod(row.notificationMethod),
    })),
    legacyNotificationDate,
  });
  const buyerNames = new Map<string, string>();
  for (const buyer of buyers.buyers) buyerNames.set(buyer.contactId, buyer.name);

  return {
    negotiationId,
    negotiationDocumentId: record.documentId,
    negotiationOpen: negotiation.negotiationStatus === 'open',
    ownerId: readNumber(owner?.id),
    mainBuyer,
    input: {
      ...ruleCheckInput(negotiation, reservation),
      buyers: buyers.buyers,
      department: programmeDepartment(lots, targetProgramme),
    },
    buyers,
    legacyNotificationDate,
    withdrawalReason: readWithdrawalReason(negotiation.withdrawalReason),
    buyerNames,
    contactRowIds,
  };
}

/** Reads one relation (or component) of a row. */
async function loadRelation(strapi: Core.Strapi, uid: string, id: number, field: string, populate: Row): Promise<unknown> {
  const row = asRow(await strapi.db.query(uid).findOne({ select: ['id'], where: { id }, populate: { [field]: populate } }));
  return row?.[field] ?? null;
}

function readContact(value: unknown): BuyerContact | null {
  const row = asRow(value);
  const contactId = readString(row?.documentId);
  if (row === null || contactId === null) return null;

  const name = readString(row.fullName) ?? [readString(row.firstName), readString(row.lastName)].filter((part) => part !== null).join(' ');
  return { contactId, name: name === '' ? 'Acquéreur sans nom' : name };
}

/**
 * Returns the department whose public holidays extend the withdrawal period: the one of the
 * programme of the reserved lots, or else the one of the programme the négo targets. The négo's
 * own `department` is where the buyer searches, not where the home is, so it is not used.
 */
function programmeDepartment(lots: readonly Row[], targetProgramme: Row | null): string | null {
  for (const lot of lots) {
    const department = readString(asRow(lot.programme)?.department);
    if (department !== null) return department;
  }
  return readString(targetProgramme?.department);
}
