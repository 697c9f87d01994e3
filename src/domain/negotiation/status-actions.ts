import { assertNever } from '../assert-never';
import { STATUS_LABELS_FR } from './labels';
import type { NegotiationStatus } from './types';

/** Status changes that only the négociateur can make; no data derives them. */
export type NegotiatorStatusAction = 'close' | 'reopen';

export type StatusActionCode = 'NEGOTIATION_NOT_OPEN' | 'NEGOTIATION_NOT_CLOSED';

export interface StatusActionProblem {
  code: StatusActionCode;
  message: string;
}

/**
 * Checks that `action` applies to a négo with `status`, and returns why not, or null.
 *
 * Only an open négo can be closed: a won or lost one is already finished. Only a closed
 * négo can be reopened. To apply the action, store the new status and call
 * `derivePhase` with it: `closed` freezes the stored phase, and `open` lets the data
 * decide the phase again.
 */
export function checkStatusAction(
  action: NegotiatorStatusAction,
  status: NegotiationStatus,
): StatusActionProblem | null {
  switch (action) {
    case 'close':
      if (status === 'open') {
        return null;
      }
      return {
        code: 'NEGOTIATION_NOT_OPEN',
        message: `Seule une négo ouverte peut être fermée : cette négo est ${STATUS_LABELS_FR[status]}.`,
      };
    case 'reopen':
      if (status === 'closed') {
        return null;
      }
      return {
        code: 'NEGOTIATION_NOT_CLOSED',
        message: `Seule une négo fermée peut être rouverte : cette négo est ${STATUS_LABELS_FR[status]}.`,
      };
    default:
      return assertNever(action, 'status action');
  }
}
