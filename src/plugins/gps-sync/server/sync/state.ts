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

/**
 * Reads a link table as lot id → linked id. A lot with two link rows (the import never writes
 * two) keeps the first one read.
 */
async function loadLinks(knex: Knex, table: string, targetColumn: string): Promise<Map<number, number>> {
  const rows: unknown[] = await knex(table).select('lot_id', targetColumn).whereNotNull(targetColumn);
  const links = new Map<number, number>();
  for (const value of rows) {
    const row = asDbRow(value);
    const lotId = readId(row, 'lot_id');
    if (!links.has(lotId)) links.set(lotId, readId(row, targetColumn));
  }
  return links;
}

/**
 * Reads the lots page by page along the primary key, and their links in two plain queries: a
 * join paged this way made PostgreSQL join every page again while the tables had no statistics
 * yet, right after a first import.
 */
async function loadLots(knex: Knex): Promise<StoredLot[]> {
  const programmeLinks = await loadLinks(knex, TABLES.programmeLinks, 'programme_id');
  const mainLotLinks = await loadLinks(knex, TABLES.mainLotLinks, 'inv_lot_id');
  const lots: StoredLot[] = [];
  let lastId = 0;

  for (;;) {
    const rows: unknown[] = await knex(TABLES.lots)
      .select(
        'id',
        'gps_key',
        'reference',
        'programme_code',
        'kind',
        'typology',
        'rooms',
        'floor',
        'living_area',
        'annex_area',
        'orientation',
        'price',
        'sales_status',
        'gps_status',
        // Read as text: node-postgres would build a Date per row, which is slower, and SQLite stores text.
        knex.raw('cast(gps_updated_on as text) as gps_updated_on'),
      )
      .whereNotNull('gps_key')
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(LOT_PAGE_SIZE);

    for (const value of rows) {
      const row = asDbRow(value);
      const id = readId(row, 'id');
      lastId = id;
      lots.push({
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
        programmeId: programmeLinks.get(id) ?? null,
        mainLotId: mainLotLinks.get(id) ?? null,
      });
    }
    if (rows.length < LOT_PAGE_SIZE) break;
  }
  return lots;
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
 * Loads every GPS programme and lot with its links, and the active CRM holds. The queries run
 * one after the other because a transaction has one connection.
 */
export async function loadStoredState(knex: Knex): Promise<StoredState> {
  const programmes = await loadProgrammes(knex);
  const lots = await loadLots(knex);
  const holds = await loadActiveHolds(knex);
  return { programmes, lots, holds };
}
