import {
  checkWithdrawalGuard,
  completedRunMessage,
  computeSyncPlan,
  type LotRow,
  type ParsedExport,
  type ProgrammeRow,
  type StoredLot,
  type StoredProgramme,
  type StoredState,
  withdrawalGuardMessage,
} from '../../src/domain/gps';

function programmeRow(code: string, overrides: Partial<ProgrammeRow> = {}): ProgrammeRow {
  return {
    line: 2,
    code,
    name: `Résidence ${code}`,
    address: '1 rue du Port',
    postalCode: '64700',
    city: 'Hendaye',
    inseeCode: '64260',
    department: '64',
    plannedDeliveryDate: '2027-06-30',
    ...overrides,
  };
}

function storedProgramme(id: number, code: string, overrides: Partial<StoredProgramme> = {}): StoredProgramme {
  const { line: _line, ...values } = programmeRow(code);
  return { id, ...values, commercialisationStatus: 'selling', ...overrides };
}

function lotRow(programmeCode: string, reference: string, overrides: Partial<LotRow> = {}): LotRow {
  return {
    line: 2,
    programmeCode,
    reference,
    gpsKey: `${programmeCode}/${reference}`,
    kind: 'apartment',
    typology: 't2',
    rooms: 2,
    livingArea: 4550,
    price: 21_000_000,
    gpsStatus: 'available',
    gpsUpdatedOn: '2026-01-15',
    ...overrides,
  };
}

function storedLot(id: number, programmeId: number, row: LotRow, overrides: Partial<StoredLot> = {}): StoredLot {
  return {
    id,
    gpsKey: row.gpsKey,
    reference: row.reference,
    programmeCode: row.programmeCode,
    kind: row.kind,
    typology: row.typology,
    rooms: row.rooms,
    floor: null,
    livingArea: row.livingArea,
    annexArea: null,
    orientation: null,
    price: row.price,
    salesStatus: 'available',
    gpsStatus: row.gpsStatus,
    gpsUpdatedOn: row.gpsUpdatedOn,
    programmeId,
    mainLotId: null,
    ...overrides,
  };
}

function parsedExport(programmes: ProgrammeRow[], lots: LotRow[], rejectedKeys: string[] = []): ParsedExport {
  return {
    programmes,
    lots,
    rejected: [],
    listedProgrammeCodes: new Set(programmes.map((row) => row.code)),
    listedLotKeys: new Map([...lots.map((row) => row.gpsKey), ...rejectedKeys].map((key, index) => [key, index + 2])),
  };
}

const EMPTY: StoredState = { programmes: [], lots: [], holds: [] };

describe('computeSyncPlan', () => {
  it('creates everything on an empty database', () => {
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [lotRow('P1', 'A001'), lotRow('P1', 'A002')]), EMPTY);

    expect(plan.counts).toEqual({
      programmes: { created: 1, updated: 0, unchanged: 0, withdrawn: 0 },
      lots: { created: 2, updated: 0, unchanged: 0, withdrawn: 0 },
      rejected: 0,
    });
    expect(plan.lotWrites.map((write) => [write.action, write.values.salesStatus, write.writeProgrammeLink])).toEqual([
      ['create', 'available', true],
      ['create', 'available', true],
    ]);
    expect(plan.touchedProgrammeCodes).toEqual(['P1']);
  });

  it('writes nothing when the export matches the database', () => {
    const row = lotRow('P1', 'A001');
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [row]), {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(100, 10, row)],
      holds: [],
    });

    expect(plan.programmeWrites).toEqual([]);
    expect(plan.lotWrites).toEqual([]);
    expect(plan.counts.lots.unchanged).toBe(1);
    expect(plan.counts.programmes.unchanged).toBe(1);
    expect(plan.touchedProgrammeCodes).toEqual([]);
  });

  it('updates only the changed fields of a lot', () => {
    const row = lotRow('P1', 'A001', { price: 22_000_000, gpsStatus: 'sold' });
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [row]), {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(100, 10, lotRow('P1', 'A001'))],
      holds: [],
    });

    expect(plan.lotWrites).toHaveLength(1);
    expect(plan.lotWrites[0]).toMatchObject({ action: 'update', id: 100, changedFields: ['price', 'salesStatus', 'gpsStatus'] });
    expect(plan.lotWrites[0].values.salesStatus).toBe('sold');
    expect(plan.touchedProgrammeCodes).toEqual(['P1']);
  });

  it.each([
    ['available', 'available'],
    ['optioned', 'optioned'],
    ['reserved', 'reserved'],
    ['sold', 'sold'],
    ['blocked', 'withdrawn'],
  ] as const)('maps GPS %s to sales status %s', (gpsStatus, salesStatus) => {
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [lotRow('P1', 'A001', { gpsStatus })]), EMPTY);

    expect(plan.lotWrites[0].values.salesStatus).toBe(salesStatus);
    expect(plan.lotWrites[0].values.gpsStatus).toBe(gpsStatus);
  });

  it('withdraws a missing lot and ends a missing programme', () => {
    const kept = lotRow('P1', 'A001');
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [kept]), {
      programmes: [storedProgramme(10, 'P1'), storedProgramme(20, 'P2')],
      lots: [storedLot(100, 10, kept), storedLot(101, 10, lotRow('P1', 'A002')), storedLot(200, 20, lotRow('P2', 'B001'))],
      holds: [],
    });

    expect(plan.programmeWrites).toEqual([expect.objectContaining({ action: 'end', id: 20, changedFields: ['commercialisationStatus'] })]);
    expect(plan.programmeWrites[0].values.commercialisationStatus).toBe('ended');
    expect(plan.lotWrites.map((write) => [write.id, write.action, write.values.salesStatus, write.values.gpsStatus])).toEqual([
      [101, 'withdraw', 'withdrawn', 'missing'],
      [200, 'withdraw', 'withdrawn', 'missing'],
    ]);
    expect(plan.counts.lots).toEqual({ created: 0, updated: 0, unchanged: 1, withdrawn: 2 });
    expect(plan.counts.programmes.withdrawn).toBe(1);
    expect(plan.withdrawal).toEqual({ availableBefore: 3, availableWithdrawn: 2 });
  });

  it('leaves an already withdrawn lot alone', () => {
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], []), {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(101, 10, lotRow('P1', 'A002'), { salesStatus: 'withdrawn', gpsStatus: 'missing' })],
      holds: [],
    });

    expect(plan.lotWrites).toEqual([]);
    expect(plan.counts.lots.withdrawn).toBe(0);
  });

  it('keeps a lot whose row was rejected', () => {
    const parsed = parsedExport([programmeRow('P1')], [], ['P1/A002']);
    parsed.rejected.push({ file: 'lots.csv', line: 3, code: 'INVALID_NUMBER', reason: 'prix_ttc' });
    const plan = computeSyncPlan(parsed, {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(101, 10, lotRow('P1', 'A002'))],
      holds: [],
    });

    expect(plan.lotWrites).toEqual([]);
    expect(plan.counts.rejected).toBe(1);
  });

  it('keeps the CRM reservation of a lot GPS still offers as LIBRE', () => {
    const row = lotRow('P1', 'A001');
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [row]), {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(100, 10, row)],
      holds: [{ lotId: 100, kind: 'reservation', negotiationId: 7 }],
    });

    expect(plan.lotWrites[0]).toMatchObject({ action: 'update', changedFields: ['salesStatus'] });
    expect(plan.lotWrites[0].values).toMatchObject({ salesStatus: 'reserved', gpsStatus: 'available' });
    expect(plan.differences).toEqual([
      {
        lotGpsKey: 'P1/A001',
        gpsStatus: 'available',
        crmStatus: 'reserved',
        message: 'Lot P1/A001 : GPS indique libre, le CRM le tient réservé par la négo 7. Mettez GPS à jour ou corrigez la négo.',
      },
    ]);
  });

  it.each([
    ['option', 'optioned'],
    ['sale', 'sold'],
  ] as const)('keeps the status of a %s hold', (kind, salesStatus) => {
    const row = lotRow('P1', 'A001');
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [row]), {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(100, 10, row, { salesStatus })],
      holds: [{ lotId: 100, kind, negotiationId: 7 }],
    });

    expect(plan.lotWrites).toEqual([]);
    expect(plan.differences).toHaveLength(1);
    expect(plan.differences[0]).toMatchObject({ gpsStatus: 'available', crmStatus: salesStatus });
  });

  it('reports no difference once GPS agrees with the hold', () => {
    const row = lotRow('P1', 'A001', { gpsStatus: 'reserved' });
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [row]), {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(100, 10, row, { salesStatus: 'reserved' })],
      holds: [{ lotId: 100, kind: 'reservation', negotiationId: 7 }],
    });

    expect(plan.differences).toEqual([]);
    expect(plan.lotWrites).toEqual([]);
  });

  it('keeps a held lot reserved when GPS drops it', () => {
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], []), {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(100, 10, lotRow('P1', 'A001'), { salesStatus: 'reserved' })],
      holds: [{ lotId: 100, kind: 'reservation', negotiationId: 7 }],
    });

    expect(plan.lotWrites[0].values).toMatchObject({ salesStatus: 'reserved', gpsStatus: 'missing' });
    expect(plan.differences[0].message).toContain('GPS ne le propose plus');
    expect(plan.withdrawal.availableWithdrawn).toBe(0);
  });

  it('reopens an ended programme that is back in the export', () => {
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], []), {
      programmes: [storedProgramme(10, 'P1', { commercialisationStatus: 'ended' })],
      lots: [],
      holds: [],
    });

    expect(plan.programmeWrites).toEqual([expect.objectContaining({ action: 'update', changedFields: ['commercialisationStatus'] })]);
  });

  it('links an annex to its main lot', () => {
    const main = lotRow('P1', 'A001');
    const annex = lotRow('P1', 'P01', { kind: 'parking', typology: null, mainReference: 'A001' });
    const created = computeSyncPlan(parsedExport([programmeRow('P1')], [main, annex]), EMPTY);

    expect(created.lotWrites[1].mainLotLink).toEqual({ write: true, mainLotKey: 'P1/A001' });

    const stored: StoredState = {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(100, 10, main), storedLot(101, 10, annex, { mainLotId: 100 })],
      holds: [],
    };
    expect(computeSyncPlan(parsedExport([programmeRow('P1')], [main, annex]), stored).lotWrites).toEqual([]);

    const detached = computeSyncPlan(parsedExport([programmeRow('P1')], [main, { ...annex, mainReference: null }]), stored);
    expect(detached.lotWrites[0]).toMatchObject({ changedFields: ['mainLot'], mainLotLink: { write: true, mainLotKey: null } });
  });

  it('keeps stored optional values when the columns are absent', () => {
    const row = lotRow('P1', 'A001');
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [row]), {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(100, 10, row, { floor: 3, orientation: 'Sud', annexArea: 800, mainLotId: 99 })],
      holds: [],
    });

    expect(plan.lotWrites).toEqual([]);
  });

  it('rewrites a missing programme link', () => {
    const row = lotRow('P1', 'A001');
    const plan = computeSyncPlan(parsedExport([programmeRow('P1')], [row]), {
      programmes: [storedProgramme(10, 'P1')],
      lots: [storedLot(100, 10, row, { programmeId: null })],
      holds: [],
    });

    expect(plan.lotWrites[0]).toMatchObject({ action: 'update', changedFields: ['programme'], writeProgrammeLink: true });
  });
});

describe('checkWithdrawalGuard', () => {
  function planWithdrawing(available: number, withdrawn: number) {
    const lots = Array.from({ length: available }, (_, index) => storedLot(index + 1, 10, lotRow('P1', `A${index}`)));
    const kept = lots.slice(withdrawn).map((lot) => lotRow('P1', lot.reference));
    return computeSyncPlan(parsedExport([programmeRow('P1')], kept), { programmes: [storedProgramme(10, 'P1')], lots, holds: [] });
  }

  it('passes at the threshold', () => {
    expect(checkWithdrawalGuard(planWithdrawing(10, 2), 0.2)).toBeNull();
  });

  it('stops above the threshold', () => {
    const breach = checkWithdrawalGuard(planWithdrawing(10, 3), 0.2);

    expect(breach).toEqual({ availableBefore: 10, availableWithdrawn: 3, share: 0.3, maxShare: 0.2 });
    if (breach === null) return;
    expect(withdrawalGuardMessage(breach)).toContain('elle retirerait 3 des 10 lots disponibles (30 %), au-delà du seuil de 20 %');
  });

  it('passes on an empty database', () => {
    expect(checkWithdrawalGuard(computeSyncPlan(parsedExport([], []), EMPTY), 0.2)).toBeNull();
  });
});

describe('completedRunMessage', () => {
  it('agrees numbers in French', () => {
    const message = completedRunMessage({
      counts: {
        programmes: { created: 1, updated: 0, unchanged: 2, withdrawn: 0 },
        lots: { created: 676, updated: 1, unchanged: 0, withdrawn: 2 },
        rejected: 1,
      },
      dryRun: false,
      differenceCount: 1,
    });

    expect(message).toBe(
      'Synchronisation GPS terminée : 3 programmes (1 créé, 0 modifié, 2 inchangés, 0 terminé) et 679 lots ' +
        '(676 créés, 1 modifié, 0 inchangé, 2 retirés) ; 1 ligne rejetée. Les lignes rejetées sont détaillées ' +
        'dans le rapport. 1 lot garde le statut du CRM, différent de celui de GPS.',
    );
  });
});
