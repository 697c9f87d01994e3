import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { hasMatchingCriteria, matchLots, type HousingType, type LotCandidate } from '../../../../domain/matching';
import { checkStatusAction, isNegotiationStatus, PHASE_LABELS_FR, SALES_PHASE_SEQUENCE } from '../../../../domain/negotiation';
import type {
  MatchesResponse,
  NegotiationOption,
  NegotiationProgress,
  PropositionSummary,
  ProposeResponse,
  ReservationSummary,
} from '../../shared/contracts';
import { toLotSummary } from './lots';
import {
  calendarDate,
  CONTACT_FIELDS,
  contactName,
  contactRef,
  decimal,
  instant,
  LOT_FIELDS,
  lotRow,
  type LotRow,
  parseRows,
  PROGRAMME_FIELDS,
  programmeRef,
  staff,
  STAFF_FIELDS,
} from './rows';
import { staffName, type Viewer } from './viewer';

const UID = 'api::negotiation.negotiation';

const HOUSING_TYPES: readonly HousingType[] = ['studio', 't1', 't2', 't3', 't4', 't5', 't6', 'house'];

const deadlineItem = z.object({
  code: z.string(),
  label: z.string(),
  dueDate: z.string().nullish().transform((value) => value ?? null),
  state: z.string(),
  stateLabel: z.string(),
  explanation: z.string(),
  warnings: z.array(z.string()).default([]),
});

const negotiationRow = z.object({
  id: z.number(),
  documentId: z.string(),
  subject: z.string().nullish(),
  phase: z.string().nullish(),
  negotiationStatus: z.string().nullish(),
  missingForNextPhase: z.string().nullish(),
  // A value stored before the deadline rules existed reads as no deadline.
  deadlines: z.array(deadlineItem).nullish().catch(null),
  depositRefund: z.string().nullish(),
  housingType: z.string().nullish(),
  budgetMin: decimal,
  budgetMax: decimal,
  city: z.string().nullish(),
  department: z.string().nullish(),
  createdAt: instant,
  owner: staff,
  buyer: contactRef,
  programme: programmeRef,
});
type NegotiationRow = z.infer<typeof negotiationRow>;

const phaseChangeRow = z.object({
  changedAt: instant,
  fromPhase: z.string().nullish(),
  toPhase: z.string(),
  fromStatus: z.string().nullish(),
  toStatus: z.string(),
  actor: z.string().nullish(),
  source: z.string(),
});

const propositionRow = z.object({
  documentId: z.string(),
  proposedOn: calendarDate,
  answer: z.string(),
  optionUntil: calendarDate,
  negotiatedPrice: decimal,
  lot: lotRow.nullish(),
});

export const reservationRow = z.object({
  documentId: z.string(),
  reservationStatus: z.string(),
  contractPrice: decimal,
  signatureDate: calendarDate,
  createdAt: instant,
  lots: z.array(lotRow).default([]),
  negotiation: z.object({ documentId: z.string(), subject: z.string().nullish(), buyer: contactRef }).nullish(),
});

export function toReservationSummary(row: z.infer<typeof reservationRow>): ReservationSummary {
  return {
    documentId: row.documentId,
    status: row.reservationStatus,
    contractPrice: row.contractPrice,
    signatureDate: row.signatureDate,
    createdAt: row.createdAt.toISOString(),
    lots: row.lots.map(toLotSummary),
    negotiation: row.negotiation ? { documentId: row.negotiation.documentId, subject: row.negotiation.subject ?? null } : null,
    buyerName: contactName(row.negotiation?.buyer),
  };
}

export const LOT_POPULATE = { select: LOT_FIELDS, populate: { programme: { select: PROGRAMME_FIELDS } } };
export const RESERVATION_POPULATE = {
  lots: LOT_POPULATE,
  negotiation: { select: ['id', 'documentId', 'subject'], populate: { buyer: { select: CONTACT_FIELDS } } },
};

/** Input of a reservation made from the négo panel. */
export interface ReservationInput {
  lots: string[];
  contractPrice: number;
  deposit: number | null;
  signatureDate: string | null;
}

function todayInParis(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

function stepState(won: boolean, index: number, currentIndex: number): 'done' | 'current' | 'todo' {
  if (won || index < currentIndex) return 'done';
  return index === currentIndex ? 'current' : 'todo';
}

function errorDetails(error: unknown): { code: string; message: string } | null {
  if (!(error instanceof Error)) return null;
  const details: unknown = 'details' in error ? error.details : null;
  const code = typeof details === 'object' && details !== null && 'code' in details && typeof details.code === 'string' ? details.code : null;
  return code ? { code, message: error.message } : null;
}

/** The négociateur's status actions of the sales rules, exposed as the `api::negotiation.sales` service. */
interface StatusActions {
  close(documentId: string): Promise<unknown>;
  reopen(documentId: string): Promise<unknown>;
}

function isStatusActions(value: unknown): value is StatusActions {
  return typeof value === 'object' && value !== null && 'close' in value && typeof value.close === 'function' && 'reopen' in value && typeof value.reopen === 'function';
}

/** Builds the négo services of the workspace: progress panel, close and reopen, matching, propositions, reservation. */
export function createNegotiationWorkspace(strapi: Core.Strapi) {
  async function load(documentId: string): Promise<NegotiationRow> {
    const row: unknown = await strapi.db.query(UID).findOne({
      where: { documentId },
      populate: { owner: { select: STAFF_FIELDS }, buyer: { select: CONTACT_FIELDS }, programme: { select: PROGRAMME_FIELDS } },
    });
    if (!row) throw new errors.NotFoundError(`Négo introuvable : ${documentId}.`, { code: 'NEGOTIATION_NOT_FOUND' });
    return negotiationRow.parse(row);
  }

  /** Loads a négo the viewer may work on: their own, or any for the sales director. */
  async function loadForViewer(viewer: Viewer, documentId: string): Promise<NegotiationRow> {
    const negotiation = await load(documentId);
    if (!viewer.seesTeam && negotiation.owner?.id !== viewer.id) {
      const owner = staffName(negotiation.owner);
      throw new errors.PolicyError(
        owner ? `Cette négo est suivie par ${owner} : vous ne pouvez pas la modifier.` : "Cette négo n'a pas de négociateur : demandez au directeur commercial de vous l'attribuer.",
        { code: 'NEGOTIATION_NOT_YOURS' },
      );
    }
    return negotiation;
  }

  function toOption(negotiation: NegotiationRow): NegotiationOption {
    return {
      documentId: negotiation.documentId,
      subject: negotiation.subject ?? null,
      phase: negotiation.phase ?? 'need',
      buyerName: contactName(negotiation.buyer),
      ownerName: staffName(negotiation.owner),
    };
  }

  async function propositionsOf(negotiationId: number): Promise<PropositionSummary[]> {
    const rows = await strapi.db.query('api::proposition.proposition').findMany({
      where: { negotiation: { id: negotiationId } },
      populate: { lot: LOT_POPULATE },
      orderBy: [{ proposedOn: 'desc' }, { id: 'desc' }],
    });
    return parseRows(propositionRow, rows).map((row) => ({
      documentId: row.documentId,
      proposedOn: row.proposedOn,
      answer: row.answer,
      optionUntil: row.optionUntil,
      negotiatedPrice: row.negotiatedPrice,
      lot: row.lot ? toLotSummary(row.lot) : null,
    }));
  }

  async function progress(viewer: Viewer, documentId: string): Promise<NegotiationProgress> {
    const negotiation = await loadForViewer(viewer, documentId);
    const history = parseRows(
      phaseChangeRow,
      await strapi.db.query('api::phase-change.phase-change').findMany({
        where: { negotiation: { id: negotiation.id } },
        orderBy: [{ changedAt: 'desc' }, { id: 'desc' }],
        limit: 100,
      }),
    );
    const reservation = await strapi.db.query('api::reservation.reservation').findOne({
      where: { negotiation: { id: negotiation.id }, reservationStatus: 'active' },
      populate: RESERVATION_POPULATE,
    });

    const phase = negotiation.phase ?? 'need';
    const status = isNegotiationStatus(negotiation.negotiationStatus) ? negotiation.negotiationStatus : 'open';
    const currentIndex = SALES_PHASE_SEQUENCE.findIndex((step) => step === phase);
    return {
      documentId: negotiation.documentId,
      subject: negotiation.subject ?? null,
      phase,
      status,
      missingForNextPhase: negotiation.missingForNextPhase ?? null,
      ownerName: staffName(negotiation.owner),
      buyerName: contactName(negotiation.buyer),
      steps: SALES_PHASE_SEQUENCE.map((step, index) => ({
        phase: step,
        label: PHASE_LABELS_FR[step],
        state: stepState(status === 'won', index, currentIndex),
      })),
      history: history.map((entry) => ({
        changedAt: entry.changedAt.toISOString(),
        fromPhase: entry.fromPhase ?? null,
        toPhase: entry.toPhase,
        fromStatus: entry.fromStatus ?? null,
        toStatus: entry.toStatus,
        actor: entry.actor ?? null,
        source: entry.source,
      })),
      propositions: await propositionsOf(negotiation.id),
      activeReservation: reservation ? toReservationSummary(reservationRow.parse(reservation)) : null,
      canClose: checkStatusAction('close', status) === null,
      canReopen: checkStatusAction('reopen', status) === null,
      deadlines: negotiation.deadlines ?? [],
      depositRefund: negotiation.depositRefund ?? null,
    };
  }

  /** Closes or reopens through the sales rules, which check the status and record the change. */
  async function changeStatus(viewer: Viewer, documentId: string, action: 'close' | 'reopen'): Promise<NegotiationProgress> {
    await loadForViewer(viewer, documentId);
    const rules: unknown = strapi.service('api::negotiation.sales');
    if (!isStatusActions(rules)) throw new Error('The api::negotiation.sales service has no close and reopen: the négo status actions cannot run');
    const updated = action === 'close' ? await rules.close(documentId) : await rules.reopen(documentId);
    if (!updated) throw new errors.NotFoundError(`Négo introuvable : ${documentId}.`, { code: 'NEGOTIATION_NOT_FOUND' });
    return progress(viewer, documentId);
  }

  /** Open négos of the viewer (or of the team for the director), newest first, for the pickers. */
  async function openNegotiations(viewer: Viewer, search: string | null): Promise<NegotiationOption[]> {
    const where: Record<string, unknown> = { negotiationStatus: 'open' };
    if (!viewer.seesTeam) where.owner = { id: viewer.id };
    if (search) where.subject = { $containsi: search };
    const rows = await strapi.db.query(UID).findMany({
      where,
      populate: { owner: { select: STAFF_FIELDS }, buyer: { select: CONTACT_FIELDS }, programme: { select: PROGRAMME_FIELDS } },
      orderBy: { createdAt: 'desc' },
      limit: 200,
    });
    return parseRows(negotiationRow, rows).map(toOption);
  }

  async function availableHomes(): Promise<LotRow[]> {
    const rows = await strapi.db.query('api::lot.lot').findMany({
      where: { salesStatus: 'available', kind: { $in: ['apartment', 'house'] } },
      select: LOT_FIELDS,
      populate: { programme: { select: PROGRAMME_FIELDS } },
    });
    return parseRows(lotRow, rows);
  }

  function toCandidate(lot: LotRow): LotCandidate {
    return {
      documentId: lot.documentId,
      reference: lot.reference,
      kind: lot.kind,
      typology: lot.typology ?? null,
      salesStatus: lot.salesStatus,
      price: lot.price,
      livingArea: lot.livingArea,
      floor: lot.floor ?? null,
      programmeDocumentId: lot.programme?.documentId ?? null,
      programmeName: lot.programme?.name ?? null,
      programmeCity: lot.programme?.city ?? null,
      programmeDepartment: lot.programme?.department ?? null,
    };
  }

  async function matches(viewer: Viewer, documentId: string): Promise<MatchesResponse> {
    const negotiation = await loadForViewer(viewer, documentId);
    const housingType = HOUSING_TYPES.find((type) => type === negotiation.housingType) ?? null;
    const need = {
      housingType,
      budgetMin: negotiation.budgetMin,
      budgetMax: negotiation.budgetMax,
      city: negotiation.city ?? null,
      department: negotiation.department ?? null,
      programmeDocumentId: negotiation.programme?.documentId ?? null,
    };

    const proposed = (await propositionsOf(negotiation.id)).flatMap((proposition) => (proposition.lot ? [proposition.lot.documentId] : []));
    const homes = (await availableHomes()).filter((lot) => !proposed.includes(lot.documentId));
    const lotsById = new Map(homes.map((lot) => [lot.documentId, lot]));
    const candidates = homes.map(toCandidate);
    const hasCriteria = hasMatchingCriteria(need);
    const ranked = hasCriteria ? matchLots(need, candidates) : [];

    return {
      negotiation: { ...toOption(negotiation), status: negotiation.negotiationStatus ?? 'open' },
      need: {
        housingType,
        budgetMin: negotiation.budgetMin,
        budgetMax: negotiation.budgetMax,
        city: negotiation.city ?? null,
        department: negotiation.department ?? null,
        programmeName: negotiation.programme?.name ?? null,
      },
      hasCriteria,
      matches: ranked.flatMap((match) => {
        const lot = lotsById.get(match.lot.documentId);
        return lot ? [{ lot: toLotSummary(lot), score: match.score, reasons: match.reasons }] : [];
      }),
      alreadyProposed: proposed,
    };
  }

  /**
   * Proposes each lot to the négo's buyer through the sales rules, one proposition per lot.
   * A lot the rules reject (taken meanwhile, already proposed) is reported, and the others
   * are still proposed. When every lot is rejected, the first rejection is thrown.
   */
  async function propose(viewer: Viewer, documentId: string, input: { lots: string[]; optionUntil: string | null }): Promise<ProposeResponse> {
    await loadForViewer(viewer, documentId);
    const created: ProposeResponse['created'] = [];
    const rejected: ProposeResponse['rejected'] = [];
    let firstError: unknown = null;

    for (const lot of input.lots) {
      try {
        const proposition = await strapi.documents('api::proposition.proposition').create({
          data: { negotiation: documentId, lot, proposedOn: todayInParis(), answer: 'pending', optionUntil: input.optionUntil ?? undefined },
        });
        created.push({ lot, propositionDocumentId: proposition.documentId });
      } catch (error) {
        const details = errorDetails(error);
        if (!details) throw error;
        firstError ??= error;
        strapi.log.info(`[crm-workspace] proposition of lot ${lot} to négo ${documentId} rejected: ${details.code}`);
        rejected.push({ lot, ...details });
      }
    }

    if (created.length === 0 && firstError) throw firstError;
    return { created, rejected, progress: await progress(viewer, documentId) };
  }

  /** Creates the négo's reservation through the sales rules, which hold the lots or raise a 409. */
  async function reserve(viewer: Viewer, documentId: string, input: ReservationInput): Promise<NegotiationProgress> {
    await loadForViewer(viewer, documentId);
    await strapi.documents('api::reservation.reservation').create({
      data: {
        negotiation: documentId,
        lots: input.lots,
        contractPrice: input.contractPrice,
        deposit: input.deposit ?? undefined,
        signatureDate: input.signatureDate ?? todayInParis(),
        reservationStatus: 'active',
      },
    });
    return progress(viewer, documentId);
  }

  return { loadForViewer, progress, changeStatus, openNegotiations, matches, propose, reserve };
}

export type NegotiationWorkspace = ReturnType<typeof createNegotiationWorkspace>;
