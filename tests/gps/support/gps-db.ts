import type { Core } from '@strapi/strapi';
import type { GpsSyncService, RunOptions, RunReport } from '../../../src/plugins/gps-sync/server';

export function syncService(strapi: Core.Strapi): GpsSyncService {
  return strapi.plugin('gps-sync').service('sync');
}

/** Runs a synchronisation of the export in `dir` from the command line trigger. */
export function runSync(strapi: Core.Strapi, dir: string, options: Partial<RunOptions> = {}): Promise<RunReport> {
  return syncService(strapi).run({ trigger: 'cli', ...options, source: { dir, ...options.source } });
}

/** Empties the GPS tables of this test file's own database. */
export async function resetGpsTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const table of ['lot_holds', 'lots_main_lot_lnk', 'lots_programme_lnk', 'lots', 'programmes', 'gps_sync_runs']) {
    await knex(table).delete();
  }
}

export interface LotState {
  id: number;
  reference: string;
  kind: string;
  typology: string | null;
  rooms: number | null;
  floor: number | null;
  livingArea: number | null;
  annexArea: number | null;
  orientation: string | null;
  price: number | null;
  salesStatus: string;
  gpsStatus: string | null;
  gpsUpdatedOn: string | null;
  programmeCode: string | null;
  mainLotKey: string | null;
}

function toNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toIsoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const pad = (part: number) => String(part).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
}

/** Reads a lot by GPS key with the programme and main lot its link rows point to; null when absent. */
export async function readLot(strapi: Core.Strapi, gpsKey: string): Promise<LotState | null> {
  const knex = strapi.db.connection;
  const row = await knex({ l: 'lots' })
    .leftJoin({ pl: 'lots_programme_lnk' }, 'pl.lot_id', 'l.id')
    .leftJoin({ p: 'programmes' }, 'p.id', 'pl.programme_id')
    .leftJoin({ ml: 'lots_main_lot_lnk' }, 'ml.lot_id', 'l.id')
    .leftJoin({ m: 'lots' }, 'm.id', 'ml.inv_lot_id')
    .select('l.*', { linked_programme: 'p.gps_code' }, { main_lot_key: 'm.gps_key' })
    .where('l.gps_key', gpsKey)
    .first();
  if (!row) return null;
  return {
    id: Number(row.id),
    reference: String(row.reference),
    kind: String(row.kind),
    typology: row.typology ?? null,
    rooms: toNumber(row.rooms),
    floor: toNumber(row.floor),
    livingArea: toNumber(row.living_area),
    annexArea: toNumber(row.annex_area),
    orientation: row.orientation ?? null,
    price: toNumber(row.price),
    salesStatus: String(row.sales_status),
    gpsStatus: row.gps_status ?? null,
    gpsUpdatedOn: toIsoDate(row.gps_updated_on),
    programmeCode: row.linked_programme ?? null,
    mainLotKey: row.main_lot_key ?? null,
  };
}

export async function readProgramme(strapi: Core.Strapi, gpsCode: string) {
  const row = await strapi.db.connection('programmes').where({ gps_code: gpsCode }).first();
  if (!row) return null;
  return {
    id: Number(row.id),
    documentId: String(row.document_id),
    name: String(row.name),
    address: row.address ?? null,
    postalCode: row.postal_code ?? null,
    city: row.city ?? null,
    inseeCode: row.insee_code ?? null,
    department: row.department ?? null,
    plannedDeliveryDate: toIsoDate(row.planned_delivery_date),
    commercialisationStatus: String(row.commercialisation_status),
    lastGpsSyncAt: row.last_gps_sync_at ?? null,
  };
}

/** Serialises every row of the GPS tables in a stable order, to compare the database before and after a run. */
export async function snapshotGpsTables(strapi: Core.Strapi): Promise<string> {
  const knex = strapi.db.connection;
  const tables: Record<string, unknown[]> = {};
  for (const table of ['programmes', 'lots', 'lots_programme_lnk', 'lots_main_lot_lnk']) {
    tables[table] = await knex(table).select('*').orderBy('id');
  }
  return JSON.stringify(tables);
}

export async function countRows(strapi: Core.Strapi, table: string): Promise<number> {
  const result = await strapi.db.connection(table).count({ count: '*' }).first();
  return Number(result?.count ?? 0);
}

/** Creates a négo and an active hold of `kind` on the lot, as the CRM records an option, reservation or deed. */
export async function holdLot(strapi: Core.Strapi, lotId: number, kind: 'option' | 'reservation' | 'sale'): Promise<number> {
  const negotiation = await strapi.documents('api::negotiation.negotiation').create({ data: { subject: `Tenue ${kind}` } });
  await strapi.db.connection('lot_holds').insert({ lot_id: lotId, negotiation_id: negotiation.id, kind });
  return Number(negotiation.id);
}
