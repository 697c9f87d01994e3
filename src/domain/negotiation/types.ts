/** Sales phase of a négo, in the order of the phase enumeration of the négo schema. */
export type NegotiationPhase =
  | 'need'
  | 'commercial_actions'
  | 'reservation'
  | 'financing'
  | 'deed'
  | 'withdrawal';

export type NegotiationStatus = 'open' | 'won' | 'lost' | 'closed';

/**
 * All phases, in display order. `withdrawal` comes last but is not a step of the sale:
 * a négo enters it from any phase.
 */
export const PHASE_ORDER: readonly NegotiationPhase[] = [
  'need',
  'commercial_actions',
  'reservation',
  'financing',
  'deed',
  'withdrawal',
];

/** Phases a sale goes through one after the other, from the first need to the deed. */
export const SALES_PHASE_SEQUENCE: readonly NegotiationPhase[] = [
  'need',
  'commercial_actions',
  'reservation',
  'financing',
  'deed',
];

export const STATUS_ORDER: readonly NegotiationStatus[] = ['open', 'won', 'lost', 'closed'];

/**
 * Data of a négo that the phase rules read, as plain values.
 *
 * A string that is empty or only whitespace counts as not set. An amount counts as set
 * whenever it is a finite number, including 0, because a personal contribution of 0 € is
 * a real value. NaN and infinities count as not set.
 */
export interface NegotiationFacts {
  /** Status currently stored. Only `closed` changes the derivation: it freezes the phase. */
  status: NegotiationStatus;
  /**
   * Phase currently stored, or null when the négo is being created. It is read only
   * while the stored status is `closed`, to keep the frozen phase.
   */
  phase: NegotiationPhase | null;
  purchaseType: string | null;
  housingType: string | null;
  department: string | null;
  city: string | null;
  hasProgramme: boolean;
  /** Number of lots proposed to the buyer, whatever the proposition's `answer`. */
  propositionCount: number;
  hasActiveReservation: boolean;
  /** Contract price of the active reservation, in euros. Ignored without an active reservation. */
  activeReservationContractPrice: number | null;
  cashPurchase: boolean;
  /** Amounts in euros. */
  personalContribution: number | null;
  loanAmount: number | null;
  lender: string | null;
  /** Dates as ISO calendar dates (yyyy-mm-dd). */
  loanApplicationDate: string | null;
  loanOfferIssueDate: string | null;
  loanOfferDeadline: string | null;
  deedSignatureDate: string | null;
  withdrawalDate: string | null;
}

/** A field to fill before the négo can leave its current phase. */
export interface MissingField {
  /**
   * API attribute name: an attribute of the négo, except `contractPrice`, which belongs
   * to its active reservation.
   */
  field: string;
  /** French label with its article, for example « l'organisme prêteur ». */
  label: string;
}

/** Phase and status derived from a négo's data, with what blocks the next step. */
export interface PhaseResult {
  phase: NegotiationPhase;
  status: NegotiationStatus;
  /**
   * Phases from `need` to `phase`, in order, that the data lets the négo pass through.
   * It always ends with `phase`. A withdrawn négo's path is the phases it had reached,
   * then `withdrawal`. A closed négo's phase is frozen, so its path is `[phase]`, and
   * when a closed négo is withdrawn the path is `[frozen phase, 'withdrawal']`.
   * `phaseTransitions` compares it with the stored phase to list the steps of one save.
   */
  path: NegotiationPhase[];
  /** Fields to fill to leave `phase`. Empty unless the status is `open`. */
  missing: MissingField[];
  /** Phase that follows once `missing` is filled. Null for `deed` and unless `open`. */
  nextPhase: NegotiationPhase | null;
  /** French sentence built from `missing`. Null when `missing` is empty. */
  missingMessage: string | null;
}

/** One phase or status change to record in the négo's history. */
export interface PhaseTransition {
  /** Null for the first record of a négo being created. */
  fromPhase: NegotiationPhase | null;
  toPhase: NegotiationPhase;
  fromStatus: NegotiationStatus | null;
  toStatus: NegotiationStatus;
}

export function isNegotiationPhase(value: unknown): value is NegotiationPhase {
  return typeof value === 'string' && (PHASE_ORDER as readonly string[]).includes(value);
}

export function isNegotiationStatus(value: unknown): value is NegotiationStatus {
  return typeof value === 'string' && (STATUS_ORDER as readonly string[]).includes(value);
}
