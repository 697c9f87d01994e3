import { assertNever } from '../assert-never';
import type { LotStatusSources } from './sales-status';
import { type CrmLotHold, GPS_LOT_STATUS_LABELS_FR, type GpsLotStatus } from './types';

export interface GpsCrmComparison extends LotStatusSources {
  /** Commercial reference of the lot, such as A010. */
  lotReference: string;
  /** Négo holding the lot, as the report shows it (id or subject). Read only with a CRM hold. */
  holdingNegotiation: string;
}

/** GPS status that agrees with each CRM hold, once GPS has caught up. */
function gpsStatusMatching(hold: CrmLotHold): GpsLotStatus {
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

function describeGpsSide(comparison: GpsCrmComparison): string {
  if (!comparison.offeredByGps) {
    return 'GPS ne le propose plus';
  }
  if (comparison.gpsStatus === null) {
    return "GPS n'indique aucun statut";
  }
  return `GPS indique ${GPS_LOT_STATUS_LABELS_FR[comparison.gpsStatus]}`;
}

function describeCrmSide(hold: CrmLotHold, negotiation: string): string {
  switch (hold) {
    case 'option':
      return `le CRM le tient optionné par la négo ${negotiation}`;
    case 'reservation':
      return `le CRM le tient réservé par la négo ${negotiation}`;
    case 'deed':
      return `le CRM enregistre sa vente par la négo ${negotiation}`;
    default:
      return assertNever(hold, 'CRM lot hold');
  }
}

/**
 * Describes, in French for the GPS synchronisation report, a lot with a CRM hold whose GPS
 * status does not match that hold. Returns null without a CRM hold, because the lot then
 * follows GPS, and when GPS agrees with the CRM hold.
 */
export function describeGpsCrmDifference(comparison: GpsCrmComparison): string | null {
  const hold = comparison.crmHold;
  if (hold === null) {
    return null;
  }
  if (comparison.offeredByGps && comparison.gpsStatus === gpsStatusMatching(hold)) {
    return null;
  }

  const gpsSide = describeGpsSide(comparison);
  const crmSide = describeCrmSide(hold, comparison.holdingNegotiation);
  return `Lot ${comparison.lotReference} : ${gpsSide}, ${crmSide}. Mettez GPS à jour ou corrigez la négo.`;
}

/** Same function as `describeGpsCrmDifference`: the description is truthy exactly when GPS and the CRM differ. */
export const isGpsCrmDifference = describeGpsCrmDifference;
