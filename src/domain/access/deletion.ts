import { type Principal, seesWholeSalesTeam } from './principal';
import type { AccessProblem } from './problems';

/** Facts of a stored négo that the deletion rule reads. */
export interface NegotiationDeletionFacts {
  phase: string | null;
  status: string | null;
  /** Reservations of the négo, active or cancelled. */
  reservationCount: number;
}

/** Phases from which a signed reservation contract exists, so the négo is a sales record. */
const PROTECTED_PHASES: readonly string[] = ['reservation', 'financing', 'deed'];

/**
 * Refuses the deletion of a négo that reached the reservation phase, is won, or has a
 * reservation (a négo withdrawn after its reservation keeps it): the contract, its deposit
 * and the phase history must stay. Only the sales director, an administrator, a
 * full-access token or a script may delete such a négo.
 */
export function negotiationDeletionProblem(principal: Principal, facts: NegotiationDeletionFacts): AccessProblem | null {
  if (seesWholeSalesTeam(principal)) return null;

  const protectedPhase = facts.phase !== null && PROTECTED_PHASES.includes(facts.phase);
  if (!protectedPhase && facts.status !== 'won' && facts.reservationCount === 0) return null;

  return {
    kind: 'forbidden',
    code: 'NEGOTIATION_DELETE_FORBIDDEN',
    message:
      "Cette négo a atteint la réservation : un négociateur ne peut plus la supprimer. Enregistrez un désistement, ou demandez au directeur commercial s'il faut vraiment l'effacer.",
    details: { phase: facts.phase, status: facts.status },
  };
}
