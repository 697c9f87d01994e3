import { assertNever } from '../assert-never';
import type { LotSalesStatus, NegotiationId } from './types';

export interface LotHoldRequest {
  status: LotSalesStatus;
  /** Négo holding the lot's active option or reservation, null when none does. */
  heldByNegotiationId: NegotiationId | null;
  /** Négo asking for an option or a reservation on the lot. */
  requestingNegotiationId: NegotiationId;
}

export type LotHoldRejectionCode =
  | 'LOT_OPTIONED_BY_OTHER'
  | 'LOT_ALREADY_RESERVED'
  | 'LOT_SOLD'
  | 'LOT_WITHDRAWN';

export interface LotHoldRejection {
  code: LotHoldRejectionCode;
  message: string;
}

/**
 * Returns why a négo cannot option or reserve a lot, or null when it can. A lot can be
 * held only when it is available, or when it is optioned by the requesting négo, which
 * may then turn its option into a reservation. This check reads stored data only: two
 * concurrent requests can both pass it, so the database must still enforce one hold per lot.
 */
export function lotHoldRejection(request: LotHoldRequest & { lotReference: string }): LotHoldRejection | null {
  const lot = `Le lot ${request.lotReference}`;
  const heldByRequester =
    request.heldByNegotiationId !== null && request.heldByNegotiationId === request.requestingNegotiationId;

  switch (request.status) {
    case 'available':
      return null;
    case 'optioned':
      if (heldByRequester) {
        return null;
      }
      return {
        code: 'LOT_OPTIONED_BY_OTHER',
        message: `${lot} est optionné par une autre négo : attendez la fin de l'option ou proposez un autre lot.`,
      };
    case 'reserved':
      return {
        code: 'LOT_ALREADY_RESERVED',
        message: heldByRequester
          ? `${lot} est déjà réservé par cette négo.`
          : `${lot} est déjà réservé par une autre négo : proposez un autre lot.`,
      };
    case 'sold':
      return { code: 'LOT_SOLD', message: `${lot} est vendu : proposez un autre lot.` };
    case 'withdrawn':
      return { code: 'LOT_WITHDRAWN', message: `${lot} est retiré de la vente : proposez un autre lot.` };
    default:
      return assertNever(request.status, 'lot sales status');
  }
}

/** Returns true when the requesting négo can option or reserve the lot (see `lotHoldRejection`). */
export function canHoldLot(request: LotHoldRequest): boolean {
  return lotHoldRejection({ ...request, lotReference: '' }) === null;
}
