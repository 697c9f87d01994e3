import type { NegotiationPhase, NegotiationStatus, PhaseResult, PhaseTransition } from './types';

/** Phase and status stored before a save. */
export interface StoredPhase {
  phase: NegotiationPhase;
  status: NegotiationStatus;
}

/**
 * Lists the changes that one save makes, one record per phase stepped through, so that
 * the history shows each phase even when a save completes several at once.
 *
 * - Creation (`before` null): one record per phase of `after.path`, the first one from null.
 * - Forward move along `after.path`: one record per phase after `before.phase`.
 * - Any other change (a move back, a status change in the same phase, a jump off the
 *   path such as a closed négo getting a deed date): one record from `before` to `after`.
 * - No change: no record.
 *
 * Phases crossed in passing are recorded as `open`, and the last record carries
 * `after.status`.
 */
export function phaseTransitions(
  before: StoredPhase | null,
  after: Pick<PhaseResult, 'phase' | 'status' | 'path'>,
): PhaseTransition[] {
  if (before !== null && before.phase === after.phase && before.status === after.status) {
    return [];
  }

  const steps = stepsSince(before, after);
  const transitions: PhaseTransition[] = [];
  let fromPhase: NegotiationPhase | null = before === null ? null : before.phase;
  let fromStatus: NegotiationStatus | null = before === null ? null : before.status;

  steps.forEach((toPhase, index) => {
    const toStatus: NegotiationStatus = index === steps.length - 1 ? after.status : 'open';
    transitions.push({ fromPhase, toPhase, fromStatus, toStatus });
    fromPhase = toPhase;
    fromStatus = toStatus;
  });

  return transitions;
}

function stepsSince(
  before: StoredPhase | null,
  after: Pick<PhaseResult, 'phase' | 'path'>,
): NegotiationPhase[] {
  if (before === null) {
    return after.path.length > 0 ? after.path : [after.phase];
  }

  const index = after.path.indexOf(before.phase);
  if (index >= 0 && index < after.path.length - 1) {
    return after.path.slice(index + 1);
  }
  return [after.phase];
}
