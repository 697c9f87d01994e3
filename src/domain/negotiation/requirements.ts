import { assertNever } from '../assert-never';
import { isAmountSet, isFilled } from './format';
import { FIELD_LABELS_FR, type NegotiationField, PHASE_LABELS_FR } from './labels';
import type { MissingField, NegotiationFacts, NegotiationPhase } from './types';

/** Fields and action that a négo still lacks to leave one phase. */
export interface PhaseRequirement {
  missing: MissingField[];
  /** French instruction, such as « proposer au moins un lot ». Null when nothing is missing. */
  instruction: string | null;
}

const NOTHING_MISSING: PhaseRequirement = { missing: [], instruction: null };

const LOAN_FIELDS = [
  'personalContribution',
  'loanAmount',
  'lender',
  'loanApplicationDate',
  'loanOfferIssueDate',
  'loanOfferDeadline',
] as const;

function missingField(field: NegotiationField): MissingField {
  return { field, label: FIELD_LABELS_FR[field] };
}

function fillInstruction(labels: string[]): string {
  return `renseigner ${labels.join(', ')}`;
}

/**
 * Lists what `facts` lack to leave `phase`. `withdrawal` has no exit: a withdrawn négo
 * comes back only when its withdrawal date is cleared.
 */
export function requirementToLeave(phase: NegotiationPhase, facts: NegotiationFacts): PhaseRequirement {
  switch (phase) {
    case 'need':
      return needRequirement(facts);
    case 'commercial_actions':
      return commercialActionsRequirement(facts);
    case 'reservation':
      return reservationRequirement(facts);
    case 'financing':
      return financingRequirement(facts);
    case 'deed':
      return deedRequirement(facts);
    case 'withdrawal':
      return NOTHING_MISSING;
    default:
      return assertNever(phase, 'negotiation phase');
  }
}

/**
 * Lists what the need lacks. Its place is a département with its city, or a programme in place of both.
 * `missing` names only the empty département and city fields, and the instruction adds the
 * programme alternative, e.g. « le département et la ville ou un programme ».
 */
function needRequirement(facts: NegotiationFacts): PhaseRequirement {
  const missing: MissingField[] = [];
  const labels: string[] = [];

  for (const field of ['purchaseType', 'housingType'] as const) {
    if (!isFilled(facts[field])) {
      missing.push(missingField(field));
      labels.push(FIELD_LABELS_FR[field]);
    }
  }

  const placeFields: NegotiationField[] = [];
  if (!facts.hasProgramme) {
    if (!isFilled(facts.department)) {
      placeFields.push('department');
    }
    if (!isFilled(facts.city)) {
      placeFields.push('city');
    }
  }
  if (placeFields.length > 0) {
    missing.push(...placeFields.map(missingField));
    const placeLabel = placeFields.map((field) => FIELD_LABELS_FR[field]).join(' et ');
    labels.push(`${placeLabel} ou un programme`);
  }

  if (missing.length === 0) {
    return NOTHING_MISSING;
  }
  return { missing, instruction: fillInstruction(labels) };
}

function commercialActionsRequirement(facts: NegotiationFacts): PhaseRequirement {
  if (facts.propositionCount >= 1) {
    return NOTHING_MISSING;
  }
  return { missing: [missingField('propositions')], instruction: 'proposer au moins un lot' };
}

/** Lists what the reservation lacks. A contract price left on a cancelled reservation does not count. */
function reservationRequirement(facts: NegotiationFacts): PhaseRequirement {
  if (!facts.hasActiveReservation) {
    return {
      missing: [missingField('reservations')],
      instruction: 'enregistrer une réservation avec son prix',
    };
  }
  if (!isAmountSet(facts.activeReservationContractPrice)) {
    return {
      missing: [missingField('contractPrice')],
      instruction: fillInstruction([FIELD_LABELS_FR.contractPrice]),
    };
  }
  return NOTHING_MISSING;
}

function isLoanFieldSet(facts: NegotiationFacts, field: (typeof LOAN_FIELDS)[number]): boolean {
  switch (field) {
    case 'personalContribution':
    case 'loanAmount':
      return isAmountSet(facts[field]);
    default:
      return isFilled(facts[field]);
  }
}

/** Lists the missing loan fields. A cash purchase has no loan, so it needs only the personal contribution. */
function financingRequirement(facts: NegotiationFacts): PhaseRequirement {
  const required: readonly (typeof LOAN_FIELDS)[number][] = facts.cashPurchase
    ? ['personalContribution']
    : LOAN_FIELDS;

  const missingFields = required.filter((field) => !isLoanFieldSet(facts, field));
  if (missingFields.length === 0) {
    return NOTHING_MISSING;
  }

  const missing = missingFields.map(missingField);
  return { missing, instruction: fillInstruction(missing.map((item) => item.label)) };
}

function deedRequirement(facts: NegotiationFacts): PhaseRequirement {
  if (isFilled(facts.deedSignatureDate)) {
    return NOTHING_MISSING;
  }
  return {
    missing: [missingField('deedSignatureDate')],
    instruction: fillInstruction([FIELD_LABELS_FR.deedSignatureDate]),
  };
}

/**
 * Builds the French sentence shown to the négociateur, e.g.
 * « Pour passer en Suivi du financement : renseigner l'organisme prêteur ».
 * Leaving `deed` wins the sale instead of opening a phase, hence its own wording.
 */
export function buildMissingMessage(nextPhase: NegotiationPhase | null, instruction: string): string {
  const goal = nextPhase === null ? 'Pour conclure la vente' : `Pour passer en ${PHASE_LABELS_FR[nextPhase]}`;
  return `${goal} : ${instruction}`;
}
