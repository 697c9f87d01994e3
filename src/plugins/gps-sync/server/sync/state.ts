import type { Knex } from 'knex';
import type {
  ActiveHold,
  CommercialisationStatus,
  HoldKind,
  LotKind,
  LotSalesStatus,
  LotTypology,
  StoredGpsStatus,
  StoredLot,
  StoredProgramme,
  StoredState,
} from '../../../../domain/gps';
import {
  asDbRow,
  readEnum,
  readId,
  readNullableHundredths,
  readNullableId,
  readNullableInteger,
  readNullableIsoDate,
  readNullableString,
  readString,
} from './db-values';
import { TABLES } from './tables';

const LOT_KINDS: readonly LotKind[] = ['apartment', 'house', 'parking', 'cellar', 'commercial'];
const TYPOLOGIES: readonly LotTypology[] = ['studio', 't1', 't2', 't3', 't4', 't5', 't6', 'house', 'other'];
const SALES_STATUSES: readonly LotSalesStatus[] = ['available', 'optioned', 'reserved', 'sold', 'withdrawn'];
const GPS_STATUSES: readonly StoredGpsStatus[] = ['available', 'optioned', 'reserved', 'sold', 'blocked', 'missing'];
const COMMERCIALISATION_STATUSES: readonly CommercialisationStatus[] = ['selling', 'ended'];
const HOLD_KINDS: readonly HoldKind[] = ['option', 'reservation', 'sale'];

async function loadProgrammes(knex: Knex): Promise<StoredProgramme[]> {
  const rows: unknown[] = await knex(TABLES.programmes)
    .select(
      'id',
      'gps_code',
      'name',
      'address',
      'postal_code',
      'city',
      'insee_code',
      'department',
      'planned_delivery_date',
      'commercialisation_status',
    )
    .whereNotNull('gps_code');

  return rows.map((value) => {
    const row = asDbRow(value);
    return {
      id: readId(row, 'id'),
      code: readString(row, 'gps_code'),
      name: readNullableString(row, 'name') ?? '',
      address: readNullableString(row, 'address'),
      postalCode: readNullableString(row, 'postal_code'),
      city: readNullableString(row, 'city'),
      inseeCode: readNullableString(row, 'insee_code'),
      department: readNullableString(row, 'department'),
      plannedDeliveryDate: readNullableIsoDate(row, 'planned_delivery_date'),
      // The schema's default is 'selling'.
      commercialisationStatus: readEnum(row, 'commercialisation_status', COMMERCIALISATION_STATUSES, false) ?? 'selling',
    };
  });
}

/** Lots read per query, so that the raw rows of a large export are never all in memory at once. */
const LOT_PAGE_SIZE = 10_000;

async function loadLots(knex: Knex): Promise<StoredLot[]> {
  const lots = new Map<number, StoredLot>();
  let lastId = 0;

  for (;;) {
    const rows: unknown[] = await knex({ l: TABLES.lots })
      .leftJoin({ pl: TABLES.programmeLinks }, 'pl.lot_id', 'l.id')
      .leftJoin({ ml: TABLES.mainLotLinks }, 'ml.lot_id', 'l.id')
      .select(
        'l.id',
        'l.gps_key',
        'l.reference',
        'l.programme_code',
        'l.kind',
        'l.typology',
        'l.rooms',
        'l.floor',
        'l.living_area',
        'l.annex_area',
        'l.orientation',
        'l.price',
        'l.sales_status',
        'l.gps_status',
        // Read as text: node-postgres would build a Date per row, which is slower, and SQLite stores text.
        knex.raw('cast(l.gps_updated_on as text) as gps_updated_on'),
        { programme_id: 'pl.programme_id' },
        { main_lot_id: 'ml.inv_lot_id' },
      )
      .whereNotNull('l.gps_key')
      .where('l.id', '>', lastId)
      .orderBy('l.id')
      .limit(LOT_PAGE_SIZE);

    for (const value of rows) {
      const row = asDbRow(value);
      const id = readId(row, 'id');
      lastId = id;
      // A lot with two link rows (never written by the import) appears twice; the first one wins.
      if (lots.has(id)) continue;
      lots.set(id, {
        id,
        gpsKey: readString(row, 'gps_key'),
        reference: readNullableString(row, 'reference') ?? '',
        programmeCode: readNullableString(row, 'programme_code') ?? '',
        kind: readEnum(row, 'kind', LOT_KINDS, true),
        typology: readEnum(row, 'typology', TYPOLOGIES, true),
        rooms: readNullableInteger(row, 'rooms'),
        floor: readNullableInteger(row, 'floor'),
        livingArea: readNullableHundredths(row, 'living_area'),
        annexArea: readNullableHundredths(row, 'annex_area'),
        orientation: readNullableString(row, 'orientation'),
        price: readNullableHundredths(row, 'price'),
        // The schema's default is 'available'.
        salesStatus: readEnum(row, 'sales_status', SALES_STATUSES, false) ?? 'available',
        gpsStatus: readEnum(row, 'gps_status', GPS_STATUSES, true),
        gpsUpdatedOn: readNullableIsoDate(row, 'gps_updated_on'),
        programmeId: readNullableId(row, 'programme_id'),
        mainLotId: readNullableId(row, 'main_lot_id'),
      });
    }
    if (rows.length < LOT_PAGE_SIZE) break;
  }
  return [...lots.values()];
}

async function loadActiveHolds(knex: Knex): Promise<ActiveHold[]> {
  const rows: unknown[] = await knex(TABLES.holds).select('lot_id', 'kind', 'negotiation_id').whereNull('released_at');
  const holds: ActiveHold[] = [];
  for (const value of rows) {
    const row = asDbRow(value);
    const kind = readEnum(row, 'kind', HOLD_KINDS, false);
    if (kind === null) continue;
    holds.push({ lotId: readId(row, 'lot_id'), kind, negotiationId: readId(row, 'negotiation_id') });
  }
  return holds;
}

/**
 * Loads every GPS programme and lot with its links, and the active CRM holds. Lots are read in
 * pages of 10 000. The queries run one after the other because a transaction has one connection.
 */
export async function loadStoredState(knex: Knex): Promise<StoredState> {
  const programmes = await loadProgrammes(knex);
  const lots = await loadLots(knex);
  const holds = await loadActiveHolds(knex);
  return { programmes, lots, holds };
}
