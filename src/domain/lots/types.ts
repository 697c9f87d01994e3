/** Sales status of a lot in the CRM, as stored in the lot's `salesStatus`. */
export type LotSalesStatus = 'available' | 'optioned' | 'reserved' | 'sold' | 'withdrawn';

/** Lot status in the GPS export (the property-management system), once parsed. */
export type GpsLotStatus = 'available' | 'optioned' | 'reserved' | 'sold' | 'blocked';

/** Hold that a négo has on a lot in the CRM: an active option, an active reservation or a signed deed. */
export type CrmLotHold = 'option' | 'reservation' | 'deed';

/** Strapi numeric id or document id of a négo. */
export type NegotiationId = number | string;

export const LOT_SALES_STATUS_LABELS_FR: Readonly<Record<LotSalesStatus, string>> = {
  available: 'libre',
  optioned: 'optionné',
  reserved: 'réservé',
  sold: 'vendu',
  withdrawn: 'retiré',
};

export const GPS_LOT_STATUS_LABELS_FR: Readonly<Record<GpsLotStatus, string>> = {
  available: 'libre',
  optioned: 'optionné',
  reserved: 'réservé',
  sold: 'vendu',
  blocked: 'bloqué',
};

/** Values of the `statut` column of the GPS lot export. */
export const GPS_LOT_STATUS_CODES: Readonly<Record<GpsLotStatus, string>> = {
  available: 'LIBRE',
  optioned: 'OPTION',
  reserved: 'RESERVE',
  sold: 'VENDU',
  blocked: 'BLOQUE',
};
