import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import {
  computeDeadlines,
  computeRetractionPeriods,
  Deadline,
  describeDepositRefund,
  introducedBlockingProblems,
  IsoDate,
  markLegacyNotification,
  NegotiationDeadlineInput,
  Problem,
  ProblemCode,
} from '../domain/vefa';
import { assertNever } from '../domain/assert-never';
import {
  asRow,
  DeadlineSources,
  findActiveReservation,
  hasNothingToTrack,
  loadDeadlineRecord,
  loadDeadlineSources,
  mergeSave,
  NEGOTIATION_RULE_FIELDS,
  RESERVATION_RULE_FIELDS,
  Row,
  ruleCheckInput,
} from './deadline-input';
import { syncDeadlineTasks } from './deadline-tasks';
import { invalidRequest } from './errors';
import { readNumber } from './input';
import { parisToday } from './paris-time';

const NEGOTIATION_UID = 'api::negotiation.negotiation';

/** Négos loaded per page by the daily recomputation. */
const PAGE_SIZE = 100;

/** Computed négo attributes, as stored and as returned by the API. */
export interface NegotiationDeadlineFields {
  deadlines: Deadline[];
  depositRefund: string | null;
}

export interface DeadlineRefresh extends NegotiationDeadlineFields {
  /** Deadlines in the `overdue` state. */
  overdueCount: number;
  /** Task activities created, updated or closed. */
  taskChanges: number;
}

export interface OpenNegotiationsRefresh {
  negotiations: number;
  overdueDeadlines: number;
  taskChanges: number;
  /** Ids of the négos whose recomputation failed. The error of each is logged. */
  failedNegotiationIds: number[];
}

/** Result of the check before a négo save, which the refresh after the save reads. */
export interface NegotiationSaveCheck {
  /**
   * True when the négo has no deadline before the save and cannot get one from it: no active
   * reservation, no loan offer or withdrawal date, and no deadline or refund decision stored.
   * The refresh after the save would only confirm it, so it is skipped.
   */
  staysWithoutDeadlines: boolean;
}

/** Returns the refresh of a négo with nothing to track, as a new object each time because saves copy its list. */
function noDeadlines(): DeadlineRefresh {
  return { deadlines: [], depositRefund: null, overdueCount: 0, taskChanges: 0 };
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Tells whether a négo stays without deadlines through a save, from the stored row, the saved
 * fields and the active reservation. Any stored value other than an empty list counts as a
 * deadline, so a doubtful case gets the full refresh.
 */
function staysWithoutDeadlines(stored: Row | null, data: Row, reservation: Row | null): boolean {
  if (stored === null || reservation !== null) return false;
  const valueOf = (field: string) => (field in data ? data[field] : stored[field]);
  const deadlines = valueOf('deadlines');
  return (
    isBlank(valueOf('loanOfferReceivedDate')) &&
    isBlank(valueOf('withdrawalDate')) &&
    isBlank(valueOf('depositRefund')) &&
    Array.isArray(deadlines) &&
    deadlines.length === 0
  );
}

/**
 * Applies the VEFA legal rules on saves of négos and reservations, and keeps each négo's
 * `deadlines`, `depositRefund` and deadline tasks up to date.
 */
export function createDeadlineRules(strapi: Core.Strapi) {
  /**
   * Rejects a négo save that introduces a blocking violation (see `introducedBlockingProblems`),
   * before anything is written. Only the négo's own fields change here, because the
   * reservation's fields are checked when the reservation is saved. `activeReservationId` is the
   * négo's active reservation found by the caller, or null. Returns what the refresh after the
   * save needs to know.
   */
  async function assertNegotiationSave(stored: Row | null, data: Row, activeReservationId: number | null): Promise<NegotiationSaveCheck> {
    const storedId = readNumber(stored?.id);
    // The caller has already looked for the active reservation, so a négo without one costs no query here.
    const reservation = storedId === null || activeReservationId === null ? null : await findActiveReservation(strapi, storedId);
    const before = stored === null ? null : ruleCheckInput(stored, reservation);
    const after = ruleCheckInput(mergeSave(stored, data, NEGOTIATION_RULE_FIELDS), reservation);
    rejectProblems(before, after);
    return { staysWithoutDeadlines: staysWithoutDeadlines(stored, data, reservation) };
  }

  /** Rejects a save of an active reservation that introduces a blocking violation. */
  async function assertReservationSave(save: { stored: Row | null; data: Row; negotiationId: number }): Promise<void> {
    const negotiation = asRow(
      await strapi.db.query(NEGOTIATION_UID).findOne({ where: { id: save.negotiationId }, select: [...NEGOTIATION_RULE_FIELDS] }),
    );
    const before = save.stored === null ? null : ruleCheckInput(negotiation, save.stored);
    const after = ruleCheckInput(negotiation, mergeSave(save.stored, save.data, RESERVATION_RULE_FIELDS));
    rejectProblems(before, after);
  }

  /**
   * Recomputes the deadlines of a négo as of `today`, stores them with the deposit refund
   * decision, and brings its deadline tasks in line. Returns null for an unknown négo.
   *
   * The négo row is written with a query, not the document service, so that the sales
   * middleware does not run again.
   */
  async function refreshNegotiation(negotiationId: number, today: IsoDate): Promise<DeadlineRefresh | null> {
    const record = await loadDeadlineRecord(strapi, negotiationId);
    if (record === null) return null;
    if (hasNothingToTrack(record)) return noDeadlines();

    const sources = await loadDeadlineSources(strapi, record);
    const fields = computeDeadlineFields(sources, today);
    const stored = record.negotiation;
    // Deep comparison, because PostgreSQL's jsonb does not keep the key order of the stored list.
    if (!isDeepStrictEqual(stored.deadlines ?? null, fields.deadlines) || (stored.depositRefund ?? null) !== fields.depositRefund) {
      await strapi.db.query(NEGOTIATION_UID).update({ where: { id: negotiationId }, data: { ...fields } });
    }

    const changes = await syncDeadlineTasks(strapi, {
      negotiationId,
      negotiationDocumentId: sources.negotiationDocumentId,
      negotiationOpen: sources.negotiationOpen,
      ownerId: sources.ownerId,
      deadlines: fields.deadlines,
      buyerNames: sources.buyerNames,
      contactRowIds: sources.contactRowIds,
      mainBuyerId: sources.mainBuyer?.contactId ?? null,
      today,
    });

    return {
      ...fields,
      overdueCount: fields.deadlines.filter((deadline) => deadline.state === 'overdue').length,
      taskChanges: changes.length,
    };
  }

  /**
   * Refreshes the deadlines of a négo just saved, and copies them onto the document the save
   * returns, so that the API response shows them.
   */
  async function refreshAfterSave(negotiationId: number, saved: unknown, check: NegotiationSaveCheck): Promise<void> {
    const refresh = check.staysWithoutDeadlines ? noDeadlines() : await refreshNegotiation(negotiationId, parisToday());
    if (refresh !== null && typeof saved === 'object' && saved !== null) {
      Object.assign(saved, { deadlines: refresh.deadlines, depositRefund: refresh.depositRefund });
    }
  }

  /**
   * Refreshes the deadlines of every open négo as of `today`, each in its own transaction. A
   * négo that fails is logged and counted, and the others go on.
   */
  async function refreshOpenNegotiations(today: IsoDate, runId: string): Promise<OpenNegotiationsRefresh> {
    const result: OpenNegotiationsRefresh = { negotiations: 0, overdueDeadlines: 0, taskChanges: 0, failedNegotiationIds: [] };
    let lastId = 0;

    for (;;) {
      const page: unknown = await strapi.db.query(NEGOTIATION_UID).findMany({
        where: { negotiationStatus: 'open', id: { $gt: lastId } },
        orderBy: [{ id: 'asc' }],
        limit: PAGE_SIZE,
        select: ['id'],
      });
      const ids = (Array.isArray(page) ? page : []).map((row) => readNumber(asRow(row)?.id)).filter((id): id is number => id !== null);
      if (ids.length === 0) return result;

      for (const id of ids) {
        try {
          const refresh = await strapi.db.transaction(() => refreshNegotiation(id, today));
          result.negotiations += 1;
          result.overdueDeadlines += refresh?.overdueCount ?? 0;
          result.taskChanges += refresh?.taskChanges ?? 0;
        } catch (error) {
          result.failedNegotiationIds.push(id);
          strapi.log.error(`[deadlines] run ${runId}: recomputing the deadlines of négo ${id} failed`, error);
        }
      }
      lastId = ids[ids.length - 1];
    }
  }

  return { assertNegotiationSave, assertReservationSave, refreshNegotiation, refreshAfterSave, refreshOpenNegotiations };
}

export type DeadlineRules = ReturnType<typeof createDeadlineRules>;

/** Computes the stored deadline list and the deposit refund decision of a négo. */
function computeDeadlineFields(sources: DeadlineSources, today: IsoDate): NegotiationDeadlineFields {
  const computed = computeDeadlines(sources.input, today);
  const legacyContactId = sources.buyers.legacyContactId;
  const deadlines =
    legacyContactId === null || sources.legacyNotificationDate === null
      ? computed
      : markLegacyNotification(computed, legacyContactId, sources.legacyNotificationDate);

  const hasReservation = sources.input.reservationSignatureDate !== null;
  const periods = hasReservation ? computeRetractionPeriods(sources.input.buyers, { department: sources.input.department }) : [];
  const depositRefund = describeDepositRefund({
    withdrawalDate: sources.input.withdrawalDate,
    reason: sources.withdrawalReason,
    periods,
    deposit: sources.input.deposit,
  });
  return { deadlines, depositRefund };
}

function rejectProblems(before: NegotiationDeadlineInput | null, after: NegotiationDeadlineInput): void {
  const problems = introducedBlockingProblems(before, after);
  if (problems.length === 0) return;

  const [first] = problems;
  throw invalidRequest(first.code, problems.map((problem) => problem.message).join(' '), {
    field: problemField(first.code),
    errors: problems.map((problem: Problem) => ({ path: [problemField(problem.code)], code: problem.code, message: problem.message })),
  });
}

/** Attribute a violation is reported on: a reservation attribute or a négo attribute. */
function problemField(code: ProblemCode): string {
  switch (code) {
    case 'DEPOSIT_ABOVE_CEILING':
      return 'deposit';
    case 'LOAN_CONDITION_TOO_SHORT':
      return 'loanConditionDeadline';
    case 'LOAN_OFFER_ACCEPTED_TOO_EARLY':
      return 'loanOfferAcceptanceDate';
    case 'DRAFT_DEED_NOTICE_TOO_SHORT':
      return 'draftDeedNotifiedDate';
    default:
      return assertNever(code, 'ProblemCode');
  }
}
