/**
 * Tables and link tables that Strapi creates for the programme and lot content types (their
 * schema.json files), written directly by the import for speed. Link tables: lots_programme_lnk
 * (lot_id, programme_id, lot_ord) and lots_main_lot_lnk (lot_id of the annex, inv_lot_id of its
 * main lot, lot_ord).
 */
export const TABLES = {
  programmes: 'programmes',
  lots: 'lots',
  programmeLinks: 'lots_programme_lnk',
  mainLotLinks: 'lots_main_lot_lnk',
  holds: 'lot_holds',
} as const;

export const PROGRAMME_UID = 'api::programme.programme';
export const LOT_UID = 'api::lot.lot';
export const SYNC_RUN_UID = 'plugin::gps-sync.sync-run';
