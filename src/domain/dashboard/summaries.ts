import { PHASE_LABELS_FR } from '../negotiation/labels';
import { SALES_PHASE_SEQUENCE, type NegotiationPhase } from '../negotiation/types';
import { frenchMonthLabel, monthsUpTo, parisDay, parisMonth } from './paris-calendar';

export interface DueActivity {
  /** Due instant; an activity without one is never late. */
  dueAt: Date | null;
  status: string;
}

/** Activity statuses that still call for work. */
const PENDING_STATUSES = new Set(['todo', 'in_progress']);

/**
 * Splits pending activities into those due today and those overdue (due before today), by
 * Paris calendar day. Activities done, cancelled, undated or due later are left out.
 */
export function splitDueActivities<T extends DueActivity>(activities: readonly T[], now: Date): { overdue: T[]; today: T[] } {
  const today = parisDay(now);
  const overdue: T[] = [];
  const dueToday: T[] = [];

  for (const activity of activities) {
    if (!PENDING_STATUSES.has(activity.status) || activity.dueAt === null) continue;
    const day = parisDay(activity.dueAt);
    if (day < today) overdue.push(activity);
    else if (day === today) dueToday.push(activity);
  }

  const byDue = (a: T, b: T) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0);
  return { overdue: overdue.sort(byDue), today: dueToday.sort(byDue) };
}

export interface PhaseCount {
  phase: NegotiationPhase;
  label: string;
  count: number;
}

/** Counts open négos per sales phase, every phase listed in sales order, zeros included. */
export function countByPhase(negotiations: ReadonlyArray<{ phase: string }>): PhaseCount[] {
  return SALES_PHASE_SEQUENCE.map((phase) => ({
    phase,
    label: PHASE_LABELS_FR[phase],
    count: negotiations.filter((negotiation) => negotiation.phase === phase).length,
  }));
}

export interface PipelineRow {
  phase: NegotiationPhase;
  label: string;
  total: number;
  /** Number of négos per négociateur name. */
  byOwner: Record<string, number>;
}

/** Counts open négos per sales phase and négociateur, for the director's stacked chart. */
export function pipelineByPhaseAndOwner(negotiations: ReadonlyArray<{ phase: string; ownerName: string }>): PipelineRow[] {
  return SALES_PHASE_SEQUENCE.map((phase) => {
    const inPhase = negotiations.filter((negotiation) => negotiation.phase === phase);
    const byOwner: Record<string, number> = {};
    for (const negotiation of inPhase) byOwner[negotiation.ownerName] = (byOwner[negotiation.ownerName] ?? 0) + 1;
    return { phase, label: PHASE_LABELS_FR[phase], total: inPhase.length, byOwner };
  });
}

export interface ProgrammeCount {
  programme: string;
  count: number;
}

/** Counts open négos per programme, most négos first; négos without a programme are grouped last. */
export function pipelineByProgramme(negotiations: ReadonlyArray<{ programmeName: string | null }>, withoutProgrammeLabel: string): ProgrammeCount[] {
  const counts = new Map<string, number>();
  let withoutProgramme = 0;
  for (const negotiation of negotiations) {
    if (negotiation.programmeName === null) withoutProgramme += 1;
    else counts.set(negotiation.programmeName, (counts.get(negotiation.programmeName) ?? 0) + 1);
  }
  const rows = [...counts.entries()]
    .map(([programme, count]) => ({ programme, count }))
    .sort((a, b) => b.count - a.count || a.programme.localeCompare(b.programme, 'fr'));
  if (withoutProgramme > 0) rows.push({ programme: withoutProgrammeLabel, count: withoutProgramme });
  return rows;
}

export interface MonthlyReservations {
  /** yyyy-mm */
  month: string;
  label: string;
  count: number;
  /** Sum of the reservation contract prices, in euros. */
  amount: number;
  isCurrentMonth: boolean;
}

/**
 * Counts reservations per month over the `months` months ending with the current one, in
 * Paris time. A reservation counts in the month of its signature date, or of its creation
 * when the signature date is not filled in.
 */
export function reservationsByMonth(
  reservations: ReadonlyArray<{ signatureDate: string | null; createdAt: Date; contractPrice: number | null }>,
  now: Date,
  months: number,
): MonthlyReservations[] {
  const current = parisMonth(now);
  const rows = monthsUpTo(current, months).map((month) => ({
    month,
    label: frenchMonthLabel(month),
    count: 0,
    amount: 0,
    isCurrentMonth: month === current,
  }));
  const byMonth = new Map(rows.map((row) => [row.month, row]));

  for (const reservation of reservations) {
    const month = reservation.signatureDate ? reservation.signatureDate.slice(0, 7) : parisMonth(reservation.createdAt);
    const row = byMonth.get(month);
    if (!row) continue;
    row.count += 1;
    row.amount += reservation.contractPrice ?? 0;
  }
  return rows;
}
