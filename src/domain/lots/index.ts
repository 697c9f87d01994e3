export { describeGpsCrmDifference, type GpsCrmComparison, isGpsCrmDifference } from './gps-difference';
export { parseGpsLotStatus } from './gps-status';
export {
  canHoldLot,
  type LotHoldRejection,
  type LotHoldRejectionCode,
  type LotHoldRequest,
  lotHoldRejection,
} from './lot-hold';
export { deriveLotSalesStatus, type LotStatusSources, statusForCrmHold } from './sales-status';
export {
  type CrmLotHold,
  GPS_LOT_STATUS_CODES,
  GPS_LOT_STATUS_LABELS_FR,
  type GpsLotStatus,
  LOT_SALES_STATUS_LABELS_FR,
  type LotSalesStatus,
  type NegotiationId,
} from './types';
