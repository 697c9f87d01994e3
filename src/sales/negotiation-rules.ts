import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import {
  checkStatusAction,
  derivePhase,
  formatDateFr,
  isNegotiationPhase,
  isNegotiationStatus,
  phaseTransitions,
  validateNegotiationData,
  type NegotiationFacts,
  type NegotiatorStatusAction,
  type PhaseResult,
  type StoredPhase,
} from '../domain/negotiation';
import { currentActor } from './actor';
import { NEGOTIATION_OWNER_COLUMN } from '../database/schema-extensions';
import { currentConnection } from './connection';
import { parisToday } from './paris-time';
import { createDeadlineRules } from './deadlines';
import { conflict, invalidRequest } from './errors';
import { readBoolean, readDate, readNumber, readRelation, readString } from './input';
import type { LotHolds } from './lot-holds';
import { relationIdAfter } from './relations';

const UID = 'api::negotiation.negotiation';

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

type StoredNegotiation = Record<string, unknown> & { id: number; documentId: string };

/** Négo attributes the phase rules read, copied from the stored record and the payload. */
const RULE_FIELDS = [
  'purchaseType',
  'housingType',
  'department',
  'city',
  'cashPurchase',
  'budgetMin',
  'budgetMax',
  'personalContribution',
  'loanAmount',
  'lender',
  'loanApplicationDate',
  'loanOfferIssueDate',
  'loanOfferDeadline',
  'deedSignatureDate',
  'withdrawalDate',
] as const;

/** Status action of the save under way, set by `close` and `reopen` only. */
const statusAction = new AsyncLocalStorage<NegotiatorStatusAction>();

export function createNegotiationRules(strapi: Core.Strapi, holds: LotHolds) {
  const deadlines = createDeadlineRules(strapi);

  // The rules run on every négo save, so the stored record, its relations and the counts that
  // feed the phase are read in two queries instead of one per relation.
  async function loadStored(documentId: string): Promise<StoredNegotiation | null> {
    const knex = await currentConnection(strapi);
    const row = await knex('negotiations as n')
      .leftJoin('negotiations_programme_lnk as p', 'p.negotiation_id', 'n.id')
      .leftJoin('negotiations_buyer_lnk as b', 'b.negotiation_id', 'n.id')
      .where('n.document_id', documentId)
      .first('n.*', 'p.programme_id', 'b.contact_id as buyer_id');
    if (!row) return null;

    const stored: StoredNegotiation = { id: Number(row.id), documentId: String(row.document_id) };
    for (const [column, value] of Object.entries(row)) stored[camelCase(column)] = value;
    stored.programme = row.programme_id === null ? null : { id: Number(row.programme_id) };
    stored.buyer = row.buyer_id === null ? null : { id: Number(row.buyer_id) };
    return stored;
  }

  async function salesCounts(negotiationId: number | null) {
    if (negotiationId === null) return { propositionCount: 0, reservation: null };
    const knex = await currentConnection(strapi);
    const row = await knex
      .select(
        knex('propositions_negotiation_lnk').count('*').where('negotiation_id', negotiationId).as('proposition_count'),
        knex('reservations as r')
          .join('reservations_negotiation_lnk as l', 'l.reservation_id', 'r.id')
          .where({ 'l.negotiation_id': negotiationId, 'r.reservation_status': 'active' })
          .select('r.id')
          .limit(1)
          .as('reservation_id'),
        knex('reservations as r')
          .join('reservations_negotiation_lnk as l', 'l.reservation_id', 'r.id')
          .where({ 'l.negotiation_id': negotiationId, 'r.reservation_status': 'active' })
          .select('r.contract_price')
          .limit(1)
          .as('contract_price'),
      )
      .first();
    const reservation = row?.reservation_id == null ? null : { id: Number(row.reservation_id), contractPrice: row.contract_price };
    return { propositionCount: Number(row?.proposition_count ?? 0), reservation };
  }

  function storedPhase(stored: StoredNegotiation | null): StoredPhase | null {
    if (!stored) return null;
    const phase = isNegotiationPhase(stored.phase) ? stored.phase : 'need';
    const status = isNegotiationStatus(stored.negotiationStatus) ? stored.negotiationStatus : 'open';
    return { phase, status };
  }

  function relationId(value: unknown): number | null {
    return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number' ? value.id : null;
  }

  async function buildFacts(stored: StoredNegotiation | null, data: Record<string, unknown>) {
    const merged: Record<string, unknown> = {};
    for (const field of RULE_FIELDS) merged[field] = field in data ? data[field] : stored?.[field] ?? null;

    const programmeId = await relationIdAfter(strapi, 'programmes', relationId(stored?.programme), readRelation(data, 'programme'));
    const counts = await salesCounts(stored?.id ?? null);
    const before = storedPhase(stored);
    const action = statusAction.getStore();
    let status = before?.status ?? 'open';
    if (action === 'close') status = 'closed';
    if (action === 'reopen') status = 'open';

    const facts: NegotiationFacts = {
      status,
      phase: before?.phase ?? null,
      purchaseType: readString(merged.purchaseType),
      housingType: readString(merged.housingType),
      department: readString(merged.department),
      city: readString(merged.city),
      hasProgramme: programmeId !== null,
      propositionCount: counts.propositionCount,
      hasActiveReservation: counts.reservation !== null,
      activeReservationContractPrice: readNumber(counts.reservation?.contractPrice),
      cashPurchase: readBoolean(merged.cashPurchase),
      personalContribution: readNumber(merged.personalContribution),
      loanAmount: readNumber(merged.loanAmount),
      lender: readString(merged.lender),
      loanApplicationDate: readDate(merged.loanApplicationDate),
      loanOfferIssueDate: readDate(merged.loanOfferIssueDate),
      loanOfferDeadline: readDate(merged.loanOfferDeadline),
      deedSignatureDate: readDate(merged.deedSignatureDate),
      withdrawalDate: readDate(merged.withdrawalDate),
    };
    return { facts, merged, before, activeReservationId: counts.reservation?.id ?? null };
  }

  function validate(facts: NegotiationFacts, merged: Record<string, unknown>) {
    const problems = validateNegotiationData({
      ...facts,
      budgetMin: readNumber(merged.budgetMin),
      budgetMax: readNumber(merged.budgetMax),
    });
    if (problems.length === 0) return;
    const [first] = problems;
    throw invalidRequest(first.code, problems.map((problem) => problem.message).join(' '), {
      field: first.field,
      errors: problems.map((problem) => ({ path: [problem.field], code: problem.code, message: problem.message })),
    });
  }

  async function defaultSubject(stored: StoredNegotiation | null, data: Record<string, unknown>): Promise<string | null> {
    if (readString(data.subject) || (stored && readString(stored.subject) && !('subject' in data))) return null;
    const buyerId = await relationIdAfter(strapi, 'contacts', relationId(stored?.buyer), readRelation(data, 'buyer'));
    if (buyerId === null) return null;
    const buyer = await strapi.db.query('api::contact.contact').findOne({ where: { id: buyerId }, select: ['firstName', 'lastName'] });
    if (!buyer) return null;
    const name = [buyer.firstName, buyer.lastName].filter(Boolean).join(' ');
    return `${name} le ${formatDateFr(parisToday())}`;
  }

  async function recordTransitions(negotiationId: number, before: StoredPhase | null, result: PhaseResult) {
    const transitions = phaseTransitions(before, result);
    if (transitions.length === 0) return;

    const actor = currentActor(strapi);
    const saveId = randomUUID();
    const changedAt = new Date();
    for (const transition of transitions) {
      await strapi.db.query('api::phase-change.phase-change').create({
        data: {
          negotiation: negotiationId,
          ...transition,
          changedAt,
          changedBy: actor.adminUserId,
          actor: actor.label,
          source: actor.source,
          saveId,
          publishedAt: changedAt,
        },
      });
    }
  }

  async function applyStockEffects(negotiationId: number, before: StoredPhase | null, result: PhaseResult) {
    const wasWon = before?.status === 'won';
    if (result.status === 'won' && !wasWon) await holds.setSold(negotiationId, true);
    if (wasWon && result.status !== 'won') await holds.setSold(negotiationId, false);

    if (result.status === 'lost' && before?.status !== 'lost') {
      await holds.release({ negotiationId }, 'withdrawal');
      // The withdrawal ends the reservation contract; the lots were released just above.
      const active = await strapi.db
        .query('api::reservation.reservation')
        .findMany({ where: { negotiation: { id: negotiationId }, reservationStatus: 'active' }, select: ['id'] });
      for (const reservation of active) {
        await strapi.db.query('api::reservation.reservation').update({ where: { id: reservation.id }, data: { reservationStatus: 'cancelled', cancelledAt: new Date() } });
      }
    }
    if (result.status === 'closed' && before?.status !== 'closed') {
      await holds.release({ negotiationId, kinds: ['option'] }, 'closed');
    }
  }

  /**
   * Moves the open activities of a reassigned négo (to do or in progress) to its new
   * négociateur, who now follows the sale. Done and cancelled activities keep their owner.
   * `previousOwnerId` is the owner copy read before the save (src/database/schema-extensions.ts).
   */
  async function moveOpenActivities(negotiationId: number, previousOwnerId: unknown): Promise<void> {
    const knex = await currentConnection(strapi);
    const row = await knex('negotiations').where({ id: negotiationId }).first(NEGOTIATION_OWNER_COLUMN);
    const ownerId = row?.[NEGOTIATION_OWNER_COLUMN] ?? null;
    if (ownerId === null || Number(ownerId) === Number(previousOwnerId)) return;

    const open = await strapi.db.query('api::activity.activity').findMany({
      where: { negotiation: { id: negotiationId }, activityStatus: { $in: ['todo', 'in_progress'] } },
      select: ['id'],
    });
    for (const activity of open) {
      await strapi.db.query('api::activity.activity').update({ where: { id: activity.id }, data: { owner: Number(ownerId) } });
    }
  }

  /** Document-service middleware body for a négo create or update. */
  async function onSave<R>(action: 'create' | 'update', params: Record<string, unknown>, next: () => R): Promise<Awaited<R>> {
    const data: Record<string, unknown> = typeof params.data === 'object' && params.data !== null ? { ...(params.data as object) } : {};
    const documentId = typeof params.documentId === 'string' ? params.documentId : null;
    const stored = action === 'update' && documentId ? await loadStored(documentId) : null;
    if (action === 'update' && !stored) return await next();

    const { facts, merged, before, activeReservationId } = await buildFacts(stored, data);
    validate(facts, merged);
    const deadlineCheck = await deadlines.assertNegotiationSave(stored, data, activeReservationId);

    if (facts.status === 'closed' && statusAction.getStore() === 'close' && (await salesCounts(stored?.id ?? null)).reservation) {
      throw conflict(
        'NEGOTIATION_HAS_RESERVATION',
        "Cette négo a une réservation en cours : enregistrez un désistement (date et motif) plutôt que de la fermer.",
      );
    }

    const result = derivePhase(facts);
    data.phase = result.phase;
    data.negotiationStatus = result.status;
    data.missingForNextPhase = result.missingMessage;
    if (result.status === 'open') data.closedAt = null;
    else if (before?.status !== result.status) data.closedAt = new Date();

    const subject = await defaultSubject(stored, data);
    if (subject) data.subject = subject;
    if (action === 'create' && !('owner' in data)) {
      const actor = currentActor(strapi);
      if (actor.adminUserId !== null) data.owner = actor.adminUserId;
    }
    params.data = data;

    return strapi.db.transaction(async (): Promise<Awaited<R>> => {
      const saved = await next();
      const savedId = typeof saved === 'object' && saved !== null && 'id' in saved ? Number(saved.id) : stored?.id;
      if (savedId === undefined) return saved;
      await recordTransitions(savedId, before, result);
      await applyStockEffects(savedId, before, result);
      if (stored && 'owner' in data) await moveOpenActivities(savedId, stored.crmOwnerId);
      await deadlines.refreshAfterSave(savedId, saved, deadlineCheck);
      return saved;
    });
  }

  /** Re-derives a négo's phase after a change to the records that feed it. */
  async function refresh(negotiationId: number): Promise<void> {
    const row = await strapi.db.query(UID).findOne({ where: { id: negotiationId }, select: ['documentId'] });
    if (!row) return;
    await strapi.documents(UID).update({ documentId: row.documentId, data: {} });
  }

  async function runStatusAction(action: NegotiatorStatusAction, documentId: string) {
    const stored = await loadStored(documentId);
    if (!stored) return null;
    const before = storedPhase(stored);
    const problem = before ? checkStatusAction(action, before.status) : null;
    if (problem) throw conflict(problem.code, problem.message);
    return statusAction.run(action, () => strapi.documents(UID).update({ documentId, data: {} }));
  }

  return {
    onSave,
    refresh,
    close: (documentId: string) => runStatusAction('close', documentId),
    reopen: (documentId: string) => runStatusAction('reopen', documentId),
  };
}

export type NegotiationRules = ReturnType<typeof createNegotiationRules>;
