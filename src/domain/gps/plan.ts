import { assertNever } from '../assert-never';
import { type CrmLotHold, deriveLotSalesStatus, describeGpsCrmDifference } from '../lots';
import type { ParsedExport } from './validate-export';
import type {
  CommercialisationStatus,
  HoldKind,
  Hundredths,
  IsoDate,
  LotKind,
  LotRow,
  LotSalesStatus,
  LotTypology,
  ProgrammeRow,
  RejectedRow,
  StoredGpsStatus,
} from './types';

export interface ProgrammeValues {
  code: string;
  name: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string | null;
  department: string | null;
  plannedDeliveryDate: IsoDate | null;
  commercialisationStatus: CommercialisationStatus;
}

export interface StoredProgramme extends ProgrammeValues {
  id: number;
}

export interface LotValues {
  gpsKey: string;
  reference: string;
  programmeCode: string;
  /** Null only for a stored lot whose kind is not one of the schema's values. */
  kind: LotKind | null;
  typology: LotTypology | null;
  rooms: number | null;
  floor: number | null;
  livingArea: Hundredths | null;
  annexArea: Hundredths | null;
  orientation: string | null;
  price: Hundredths | null;
  salesStatus: LotSalesStatus;
  gpsStatus: StoredGpsStatus | null;
  gpsUpdatedOn: IsoDate | null;
}

/** A lot as stored, with the ids its two link tables point to. */
export interface StoredLot extends LotValues {
  id: number;
  programmeId: number | null;
  mainLotId: number | null;
}

/** An active row of lot_holds (released_at is null). */
export interface ActiveHold {
  lotId: number;
  kind: HoldKind;
  negotiationId: number;
}

export interface StoredState {
  programmes: StoredProgramme[];
  lots: StoredLot[];
  holds: ActiveHold[];
}

export type ProgrammeField = Exclude<keyof ProgrammeValues, 'code'>;
export type LotField = Exclude<keyof LotValues, 'gpsKey'> | 'programme' | 'mainLot';

export interface ProgrammeWrite {
  /** 'end': the programme left the export, so its commercialisation is over. */
  action: 'create' | 'update' | 'end';
  id: number | null;
  values: ProgrammeValues;
  changedFields: ProgrammeField[];
}

/** Main lot of an annex: 'keep' leaves the link table alone, otherwise the link is rewritten (null removes it). */
export type MainLotLink = { write: false } | { write: true; mainLotKey: string | null };

export interface LotWrite {
  /** 'withdraw': the lot left the export of its programme, or its programme left the export. */
  action: 'create' | 'update' | 'withdraw';
  id: number | null;
  values: LotValues;
  changedFields: LotField[];
  /** True when the link to the programme of `values.programmeCode` must be (re)written. */
  writeProgrammeLink: boolean;
  mainLotLink: MainLotLink;
}

/** A lot whose CRM hold disagrees with GPS: the CRM status is kept and the report lists it. */
export interface StatusDifference {
  lotGpsKey: string;
  gpsStatus: StoredGpsStatus;
  crmStatus: LotSalesStatus;
  message: string;
}

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
}

export interface SyncCounts {
  programmes: ChangeCounts;
  lots: ChangeCounts;
  rejected: number;
}

export interface SyncPlan {
  programmeWrites: ProgrammeWrite[];
  lotWrites: LotWrite[];
  /** Programmes whose record or lots this plan writes; their lastGpsSyncAt is set. */
  touchedProgrammeCodes: string[];
  counts: SyncCounts;
  differences: StatusDifference[];
  rejected: RejectedRow[];
  /** Input of the truncation guard. */
  withdrawal: { availableBefore: number; availableWithdrawn: number };
}

const PROGRAMME_FIELDS: readonly ProgrammeField[] = [
  'name',
  'address',
  'postalCode',
  'city',
  'inseeCode',
  'department',
  'plannedDeliveryDate',
  'commercialisationStatus',
];

const LOT_FIELDS: readonly Exclude<LotField, 'programme' | 'mainLot'>[] = [
  'reference',
  'programmeCode',
  'kind',
  'typology',
  'rooms',
  'floor',
  'livingArea',
  'annexArea',
  'orientation',
  'price',
  'salesStatus',
  'gpsStatus',
  'gpsUpdatedOn',
];

function emptyCounts(): ChangeCounts {
  return { created: 0, updated: 0, unchanged: 0, withdrawn: 0 };
}

function crmHoldOf(kind: HoldKind): CrmLotHold {
  switch (kind) {
    case 'option':
      return 'option';
    case 'reservation':
      return 'reservation';
    case 'sale':
      return 'deed';
    default:
      return assertNever(kind, 'lot hold kind');
  }
}

function programmeValuesOf(row: ProgrammeRow): ProgrammeValues {
  return {
    code: row.code,
    name: row.name,
    address: row.address,
    postalCode: row.postalCode,
    city: row.city,
    inseeCode: row.inseeCode,
    department: row.department,
    plannedDeliveryDate: row.plannedDeliveryDate,
    commercialisationStatus: 'selling',
  };
}

function changedProgrammeFields(stored: ProgrammeValues, target: ProgrammeValues): ProgrammeField[] {
  return PROGRAMME_FIELDS.filter((field) => stored[field] !== target[field]);
}

/** Context shared by the per-lot decisions of one plan. */
interface LotPlanContext {
  storedProgrammeIds: ReadonlyMap<string, number>;
  storedLots: ReadonlyMap<string, StoredLot>;
  holdsByLotId: ReadonlyMap<number, ActiveHold>;
  differences: StatusDifference[];
}

function recordDifference(context: LotPlanContext, lot: { gpsKey: string; id: number }, gpsStatus: StoredGpsStatus, crmStatus: LotSalesStatus): void {
  const hold = context.holdsByLotId.get(lot.id);
  if (!hold) return;

  const message = describeGpsCrmDifference({
    lotReference: lot.gpsKey,
    holdingNegotiation: String(hold.negotiationId),
    offeredByGps: gpsStatus !== 'missing',
    gpsStatus: gpsStatus === 'missing' ? null : gpsStatus,
    crmHold: crmHoldOf(hold.kind),
  });
  if (message !== null) {
    context.differences.push({ lotGpsKey: lot.gpsKey, gpsStatus, crmStatus, message });
  }
}

/** Decides the write, if any, for a lot present in the export. */
function planPresentLot(row: LotRow, context: LotPlanContext): LotWrite | null {
  const stored = context.storedLots.get(row.gpsKey);
  const hold = stored ? context.holdsByLotId.get(stored.id) : undefined;
  const salesStatus = deriveLotSalesStatus({
    offeredByGps: true,
    gpsStatus: row.gpsStatus,
    crmHold: hold ? crmHoldOf(hold.kind) : null,
  });

  const values: LotValues = {
    gpsKey: row.gpsKey,
    reference: row.reference,
    programmeCode: row.programmeCode,
    kind: row.kind,
    typology: row.typology,
    rooms: row.rooms,
    // Optional columns absent from the file keep the stored value.
    floor: row.floor === undefined ? (stored?.floor ?? null) : row.floor,
    livingArea: row.livingArea,
    annexArea: row.annexArea === undefined ? (stored?.annexArea ?? null) : row.annexArea,
    orientation: row.orientation === undefined ? (stored?.orientation ?? null) : row.orientation,
    price: row.price,
    salesStatus,
    gpsStatus: row.gpsStatus,
    gpsUpdatedOn: row.gpsUpdatedOn,
  };

  const mainLotKey = row.mainReference === undefined || row.mainReference === null ? null : `${row.programmeCode}/${row.mainReference}`;

  if (!stored) {
    return {
      action: 'create',
      id: null,
      values,
      changedFields: [],
      writeProgrammeLink: true,
      mainLotLink: mainLotKey === null ? { write: false } : { write: true, mainLotKey },
    };
  }

  recordDifference(context, stored, row.gpsStatus, salesStatus);

  const changedFields: LotField[] = LOT_FIELDS.filter((field) => stored[field] !== values[field]);

  const programmeId = context.storedProgrammeIds.get(row.programmeCode);
  const writeProgrammeLink = programmeId === undefined || stored.programmeId !== programmeId;
  if (writeProgrammeLink) changedFields.push('programme');

  let mainLotLink: MainLotLink = { write: false };
  if (row.mainReference !== undefined) {
    const storedMainId = mainLotKey === null ? null : (context.storedLots.get(mainLotKey)?.id ?? -1);
    if (storedMainId !== stored.mainLotId) {
      mainLotLink = { write: true, mainLotKey };
      changedFields.push('mainLot');
    }
  }

  if (changedFields.length === 0) return null;
  return { action: 'update', id: stored.id, values, changedFields, writeProgrammeLink, mainLotLink };
}

/** Decides the write, if any, for a stored lot that the export no longer lists. */
function planMissingLot(stored: StoredLot, context: LotPlanContext): LotWrite | null {
  const hold = context.holdsByLotId.get(stored.id);
  const salesStatus = deriveLotSalesStatus({
    offeredByGps: false,
    gpsStatus: null,
    crmHold: hold ? crmHoldOf(hold.kind) : null,
  });
  recordDifference(context, stored, 'missing', salesStatus);

  if (stored.gpsStatus === 'missing' && stored.salesStatus === salesStatus) return null;

  const changedFields: LotField[] = [];
  if (stored.gpsStatus !== 'missing') changedFields.push('gpsStatus');
  if (stored.salesStatus !== salesStatus) changedFields.push('salesStatus');

  const { id, programmeId: _programmeId, mainLotId: _mainLotId, ...values } = stored;
  return {
    action: 'withdraw',
    id,
    values: { ...values, gpsStatus: 'missing', salesStatus },
    changedFields,
    writeProgrammeLink: false,
    mainLotLink: { write: false },
  };
}

/**
 * Computes what an import would change: for each programme and lot, create, update, leave
 * unchanged or withdraw, from the validated export and the stored state alone. Nothing is
 * deleted: a lot missing from the export is withdrawn (gpsStatus 'missing') and a programme
 * missing from the export is ended. A CRM hold keeps the lot's status (see
 * `deriveLotSalesStatus`) and each disagreement with GPS is listed in `differences`.
 */
export function computeSyncPlan(parsed: ParsedExport, state: StoredState): SyncPlan {
  const counts: SyncCounts = { programmes: emptyCounts(), lots: emptyCounts(), rejected: parsed.rejected.length };
  const touched = new Set<string>();

  const storedProgrammes = new Map(state.programmes.map((programme) => [programme.code, programme]));
  const programmeWrites: ProgrammeWrite[] = [];

  for (const row of parsed.programmes) {
    const target = programmeValuesOf(row);
    const stored = storedProgrammes.get(row.code);
    if (!stored) {
      programmeWrites.push({ action: 'create', id: null, values: target, changedFields: [] });
      counts.programmes.created += 1;
      touched.add(row.code);
      continue;
    }
    const changedFields = changedProgrammeFields(stored, target);
    if (changedFields.length === 0) {
      counts.programmes.unchanged += 1;
      continue;
    }
    programmeWrites.push({ action: 'update', id: stored.id, values: target, changedFields });
    counts.programmes.updated += 1;
    touched.add(row.code);
  }

  for (const stored of state.programmes) {
    if (parsed.listedProgrammeCodes.has(stored.code) || stored.commercialisationStatus === 'ended') continue;
    const { id, ...values } = stored;
    programmeWrites.push({ action: 'end', id, values: { ...values, commercialisationStatus: 'ended' }, changedFields: ['commercialisationStatus'] });
    counts.programmes.withdrawn += 1;
    touched.add(stored.code);
  }

  const context: LotPlanContext = {
    storedProgrammeIds: new Map(state.programmes.map((programme) => [programme.code, programme.id])),
    storedLots: new Map(state.lots.map((lot) => [lot.gpsKey, lot])),
    holdsByLotId: new Map(state.holds.map((hold) => [hold.lotId, hold])),
    differences: [],
  };
  const lotWrites: LotWrite[] = [];

  for (const row of parsed.lots) {
    const write = planPresentLot(row, context);
    if (write === null) {
      counts.lots.unchanged += 1;
      continue;
    }
    lotWrites.push(write);
    counts.lots[write.action === 'create' ? 'created' : 'updated'] += 1;
    touched.add(row.programmeCode);
  }

  let availableBefore = 0;
  let availableWithdrawn = 0;
  for (const stored of state.lots) {
    if (stored.salesStatus === 'available') availableBefore += 1;
    if (parsed.listedLotKeys.has(stored.gpsKey)) continue;

    const write = planMissingLot(stored, context);
    if (write === null) continue;
    lotWrites.push(write);
    counts.lots.withdrawn += 1;
    touched.add(stored.programmeCode);
    if (stored.salesStatus === 'available' && write.values.salesStatus === 'withdrawn') availableWithdrawn += 1;
  }

  return {
    programmeWrites,
    lotWrites,
    touchedProgrammeCodes: [...touched].sort(),
    counts,
    differences: context.differences,
    rejected: parsed.rejected,
    withdrawal: { availableBefore, availableWithdrawn },
  };
}

export interface WithdrawalGuardBreach {
  availableBefore: number;
  availableWithdrawn: number;
  share: number;
  maxShare: number;
}

/**
 * Returns the breach when the plan would withdraw more than `maxShare` of the lots available
 * now, and null otherwise. A truncated or partial export produces such a plan.
 */
export function checkWithdrawalGuard(plan: SyncPlan, maxShare: number): WithdrawalGuardBreach | null {
  const { availableBefore, availableWithdrawn } = plan.withdrawal;
  if (availableBefore === 0 || availableWithdrawn === 0) return null;

  const share = availableWithdrawn / availableBefore;
  return share > maxShare ? { availableBefore, availableWithdrawn, share, maxShare } : null;
}
