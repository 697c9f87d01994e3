import {
  canHoldLot,
  type CrmLotHold,
  deriveLotSalesStatus,
  describeGpsCrmDifference,
  type GpsLotStatus,
  isGpsCrmDifference,
  LOT_SALES_STATUS_LABELS_FR,
  lotHoldRejection,
  type LotSalesStatus,
  parseGpsLotStatus,
} from '../../src/domain/lots';

describe('deriveLotSalesStatus', () => {
  it.each<[boolean, GpsLotStatus | null, CrmLotHold | null, LotSalesStatus]>([
    [true, 'available', 'deed', 'sold'],
    [true, 'available', 'reservation', 'reserved'],
    [true, 'available', 'option', 'optioned'],
    [true, 'reserved', 'deed', 'sold'],
    [true, 'sold', 'option', 'optioned'],
    [true, 'blocked', 'reservation', 'reserved'],
    [false, null, 'reservation', 'reserved'],
    [false, null, null, 'withdrawn'],
    [false, 'available', null, 'withdrawn'],
    [true, 'blocked', null, 'withdrawn'],
    [true, 'sold', null, 'sold'],
    [true, 'reserved', null, 'reserved'],
    [true, 'optioned', null, 'optioned'],
    [true, 'available', null, 'available'],
    [true, null, null, 'available'],
  ])('offered %s, GPS %s, CRM %s', (offeredByGps, gpsStatus, crmHold, expected) => {
    expect(deriveLotSalesStatus({ offeredByGps, gpsStatus, crmHold })).toBe(expected);
  });
});

describe('parseGpsLotStatus', () => {
  it.each<[string, GpsLotStatus]>([
    ['LIBRE', 'available'],
    ['OPTION', 'optioned'],
    ['RESERVE', 'reserved'],
    ['VENDU', 'sold'],
    ['BLOQUE', 'blocked'],
    [' libre ', 'available'],
    ['Réservé', 'reserved'],
    ['BLOQUÉ', 'blocked'],
  ])('%s', (raw, expected) => {
    expect(parseGpsLotStatus(raw)).toBe(expected);
  });

  it.each(['', 'DISPONIBLE', 'RESERV', 'VENDUE'])('unknown %s', (raw) => {
    expect(parseGpsLotStatus(raw)).toBeNull();
  });
});

describe('LOT_SALES_STATUS_LABELS_FR', () => {
  it('French labels', () => {
    expect(LOT_SALES_STATUS_LABELS_FR).toEqual({
      available: 'libre',
      optioned: 'optionné',
      reserved: 'réservé',
      sold: 'vendu',
      withdrawn: 'retiré',
    });
  });
});

describe('describeGpsCrmDifference', () => {
  const base = { lotReference: 'A010', holdingNegotiation: '42', offeredByGps: true };

  it('GPS free, CRM reserved', () => {
    expect(describeGpsCrmDifference({ ...base, gpsStatus: 'available', crmHold: 'reservation' })).toBe(
      'Lot A010 : GPS indique libre, le CRM le tient réservé par la négo 42. Mettez GPS à jour ou corrigez la négo.',
    );
  });

  it('GPS free, CRM optioned', () => {
    expect(describeGpsCrmDifference({ ...base, gpsStatus: 'available', crmHold: 'option' })).toBe(
      'Lot A010 : GPS indique libre, le CRM le tient optionné par la négo 42. Mettez GPS à jour ou corrigez la négo.',
    );
  });

  it('GPS reserved, CRM sold', () => {
    expect(describeGpsCrmDifference({ ...base, gpsStatus: 'reserved', crmHold: 'deed' })).toBe(
      'Lot A010 : GPS indique réservé, le CRM enregistre sa vente par la négo 42. Mettez GPS à jour ou corrigez la négo.',
    );
  });

  it('GPS no longer offers held lot', () => {
    expect(describeGpsCrmDifference({ ...base, offeredByGps: false, gpsStatus: null, crmHold: 'reservation' })).toBe(
      'Lot A010 : GPS ne le propose plus, le CRM le tient réservé par la négo 42. Mettez GPS à jour ou corrigez la négo.',
    );
  });

  it('GPS without status', () => {
    expect(describeGpsCrmDifference({ ...base, gpsStatus: null, crmHold: 'option' })).toBe(
      "Lot A010 : GPS n'indique aucun statut, le CRM le tient optionné par la négo 42. Mettez GPS à jour ou corrigez la négo.",
    );
  });

  it.each<[GpsLotStatus, CrmLotHold]>([
    ['optioned', 'option'],
    ['reserved', 'reservation'],
    ['sold', 'deed'],
  ])('GPS %s agrees with CRM %s', (gpsStatus, crmHold) => {
    expect(describeGpsCrmDifference({ ...base, gpsStatus, crmHold })).toBeNull();
  });

  it('no CRM hold, no difference', () => {
    expect(describeGpsCrmDifference({ ...base, gpsStatus: 'sold', crmHold: null })).toBeNull();
  });

  it('isGpsCrmDifference alias', () => {
    expect(isGpsCrmDifference({ ...base, gpsStatus: 'available', crmHold: 'reservation' })).toContain('Lot A010');
  });
});

describe('canHoldLot', () => {
  it.each<[LotSalesStatus, number | null, boolean]>([
    ['available', null, true],
    ['optioned', 7, true],
    ['optioned', 8, false],
    ['optioned', null, false],
    ['reserved', 7, false],
    ['reserved', 8, false],
    ['sold', null, false],
    ['withdrawn', null, false],
  ])('%s held by %s', (status, heldByNegotiationId, expected) => {
    expect(canHoldLot({ status, heldByNegotiationId, requestingNegotiationId: 7 })).toBe(expected);
  });

  it('document ids compared', () => {
    const request = { status: 'optioned' as const, heldByNegotiationId: 'abc123', requestingNegotiationId: 'abc123' };

    expect(canHoldLot(request)).toBe(true);
  });
});

describe('lotHoldRejection', () => {
  const request = { lotReference: 'A010', requestingNegotiationId: 7 };

  it('available lot', () => {
    expect(lotHoldRejection({ ...request, status: 'available', heldByNegotiationId: null })).toBeNull();
  });

  it.each<[LotSalesStatus, number | null, string, string]>([
    [
      'optioned',
      8,
      'LOT_OPTIONED_BY_OTHER',
      "Le lot A010 est optionné par une autre négo : attendez la fin de l'option ou proposez un autre lot.",
    ],
    ['reserved', 8, 'LOT_ALREADY_RESERVED', 'Le lot A010 est déjà réservé par une autre négo : proposez un autre lot.'],
    ['reserved', 7, 'LOT_ALREADY_RESERVED', 'Le lot A010 est déjà réservé par cette négo.'],
    ['sold', null, 'LOT_SOLD', 'Le lot A010 est vendu : proposez un autre lot.'],
    ['withdrawn', null, 'LOT_WITHDRAWN', 'Le lot A010 est retiré de la vente : proposez un autre lot.'],
  ])('%s lot held by %s', (status, heldByNegotiationId, code, message) => {
    const rejection = lotHoldRejection({ ...request, status, heldByNegotiationId });

    expect(rejection?.code).toBe(code);
    expect(rejection?.message).toBe(message);
  });
});
