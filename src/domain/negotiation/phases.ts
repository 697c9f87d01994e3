import { isFilled } from './format';
import { buildMissingMessage, requirementToLeave } from './requirements';
import { type NegotiationFacts, type NegotiationPhase, type PhaseResult, SALES_PHASE_SEQUENCE } from './types';

/** Returns the sales phase after `phase`, or null after `deed` and for `withdrawal`. */
export function nextSalesPhase(phase: NegotiationPhase): NegotiationPhase | null {
  const index = SALES_PHASE_SEQUENCE.indexOf(phase);
  if (index < 0 || index === SALES_PHASE_SEQUENCE.length - 1) {
    return null;
  }
  return SALES_PHASE_SEQUENCE[index + 1];
}

/**
 * Returns the sales phases that the data lets the négo pass through, from `need` up to
 * the first phase whose exit condition is not met, or up to `deed` when all are met.
 */
function reachedPhases(facts: NegotiationFacts): NegotiationPhase[] {
  const reached: NegotiationPhase[] = [];
  for (const phase of SALES_PHASE_SEQUENCE) {
    reached.push(phase);
    if (requirementToLeave(phase, facts).missing.length > 0) {
      break;
    }
  }
  return reached;
}

/**
 * Derives a négo's phase and status from its data, as on every save.
 *
 * Rules, in order of precedence:
 * 1. A withdrawal date makes the négo lost in `withdrawal`, whatever else is set, a deed
 *    date included (`validateNegotiationData` rejects that pair).
 * 2. A closed négo keeps its stored phase and stays closed until the négociateur reopens
 *    it, unless a deed date is set: then rule 3 applies as for an open négo.
 * 3. Otherwise the négo is in the first sales phase whose exit condition is not met. The
 *    deed date is the exit condition of `deed`, so a négo is won only once every earlier
 *    phase is complete. A deed date entered while, say, the lender is still empty leaves
 *    the négo open in `financing`. The stored `won` or `lost` status plays no part, so
 *    clearing a field moves the négo back.
 *
 * Date strings are only checked for being filled, not for being valid dates:
 * `validateNegotiationData` is expected to run before.
 */
export function derivePhase(facts: NegotiationFacts): PhaseResult {
  const reached = reachedPhases(facts);

  if (isFilled(facts.withdrawalDate)) {
    const frozenPhase = facts.status === 'closed' ? facts.phase : null;
    const phasesBefore = frozenPhase !== null && frozenPhase !== 'withdrawal' ? [frozenPhase] : reached;
    return resultWithNothingMissing('withdrawal', 'lost', [...phasesBefore, 'withdrawal']);
  }

  const currentPhase = reached[reached.length - 1];

  if (facts.status === 'closed' && !isFilled(facts.deedSignatureDate)) {
    const frozenPhase = facts.phase ?? currentPhase;
    return resultWithNothingMissing(frozenPhase, 'closed', [frozenPhase]);
  }

  const requirement = requirementToLeave(currentPhase, facts);
  if (requirement.instruction === null) {
    // Every sales phase is complete, the deed signature included.
    return resultWithNothingMissing(currentPhase, 'won', reached);
  }

  const nextPhase = nextSalesPhase(currentPhase);
  return {
    phase: currentPhase,
    status: 'open',
    path: reached,
    missing: requirement.missing,
    nextPhase,
    missingMessage: buildMissingMessage(nextPhase, requirement.instruction),
  };
}

function resultWithNothingMissing(
  phase: NegotiationPhase,
  status: 'won' | 'lost' | 'closed',
  path: NegotiationPhase[],
): PhaseResult {
  return { phase, status, path, missing: [], nextPhase: null, missingMessage: null };
}
