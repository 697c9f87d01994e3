import { assertNever } from '../assert-never';
import type { CrmLotHold, GpsLotStatus, LotSalesStatus } from './types';

export interface LotStatusSources {
  /** False when the lot is missing from the latest GPS export of its programme. */
  offeredByGps: boolean;
  /** Null when GPS gave no status. */
  gpsStatus: GpsLotStatus | null;
  crmHold: CrmLotHold | null;
}

/**
 * Derives a lot's sales status. A hold made in the CRM wins over GPS, because GPS learns
 * of CRM options, reservations and deeds only later: a lot reserved in the CRM stays
 * reserved while GPS still reports LIBRE. Without a CRM hold, the lot follows GPS, and a
 * lot that GPS blocks or no longer offers is withdrawn.
 */
export function deriveLotSalesStatus(sources: LotStatusSources): LotSalesStatus {
  if (sources.crmHold !== null) {
    return statusForCrmHold(sources.crmHold);
  }
  if (!sources.offeredByGps) {
    return 'withdrawn';
  }
  if (sources.gpsStatus === null) {
    // NOTE: a lot offered without a status is sold as available, like the lot schema's
    // default salesStatus. GPS row validation is expected to reject rows with no status.
    return 'available';
  }
  return statusForGpsStatus(sources.gpsStatus);
}

export function statusForCrmHold(hold: CrmLotHold): LotSalesStatus {
  switch (hold) {
    case 'option':
      return 'optioned';
    case 'reservation':
      return 'reserved';
    case 'deed':
      return 'sold';
    default:
      return assertNever(hold, 'CRM lot hold');
  }
}

function statusForGpsStatus(gpsStatus: GpsLotStatus): LotSalesStatus {
  switch (gpsStatus) {
    case 'available':
      return 'available';
    case 'optioned':
      return 'optioned';
    case 'reserved':
      return 'reserved';
    case 'sold':
      return 'sold';
    case 'blocked':
      return 'withdrawn';
    default:
      return assertNever(gpsStatus, 'GPS lot status');
  }
}
