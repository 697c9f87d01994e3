/**
 * Shared types of the GPS import. GPS is the developer's stock-management software; each night
 * it exports two CSV files, programmes.csv and lots.csv, which the CRM mirrors.
 */

import type { GpsLotStatus, LotSalesStatus } from '../lots';

export type LotKind = 'apartment' | 'house' | 'parking' | 'cellar' | 'commercial';
export type LotTypology = 'studio' | 't1' | 't2' | 't3' | 't4' | 't5' | 't6' | 'house' | 'other';

export type { GpsLotStatus, LotSalesStatus };

/** Stored `gpsStatus` of a lot: the last status GPS gave it, or 'missing' once it left the export. */
export type StoredGpsStatus = GpsLotStatus | 'missing';

/** `kind` of a row of the lot_holds table: an option, a reservation or a deed taken in the CRM. */
export type HoldKind = 'option' | 'reservation' | 'sale';

export type CommercialisationStatus = 'selling' | 'ended';

/** A decimal value times 100, stored as an integer so that comparisons are exact (euro cents, hundredths of m²). */
export type Hundredths = number;

/** An ISO 8601 calendar date, `yyyy-mm-dd`. */
export type IsoDate = string;

export type ExportFileKind = 'programmes' | 'lots';

/** One CSV record: its fields in header order and the physical line where it starts (header = line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A CSV file as read: its name as shown to users, its header and its data records. */
export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
}

export interface ProgrammeRow {
  line: number;
  code: string;
  name: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string | null;
  department: string | null;
  plannedDeliveryDate: IsoDate | null;
}

/**
 * A valid row of lots.csv. The optional columns (`etage`, `orientation`, `surface_annexe`,
 * `ref_lot_principal`) are `undefined` when the file has no such column, so that the import
 * leaves the stored value alone, and `null` when the cell is empty.
 */
export interface LotRow {
  line: number;
  programmeCode: string;
  reference: string;
  gpsKey: string;
  kind: LotKind;
  typology: LotTypology | null;
  rooms: number | null;
  livingArea: Hundredths | null;
  price: Hundredths | null;
  gpsStatus: GpsLotStatus;
  gpsUpdatedOn: IsoDate | null;
  floor?: number | null;
  orientation?: string | null;
  annexArea?: Hundredths | null;
  mainReference?: string | null;
}

/** Stable machine codes of a rejected row; the French reason goes with it. */
export type RejectionCode =
  | 'MISSING_VALUE'
  | 'MISSING_REFERENCE'
  | 'VALUE_TOO_LONG'
  | 'UNKNOWN_PROGRAMME'
  | 'DUPLICATE_PROGRAMME'
  | 'DUPLICATE_LOT'
  | 'INVALID_NUMBER'
  | 'PRICE_OUT_OF_RANGE'
  | 'VALUE_OUT_OF_RANGE'
  | 'UNKNOWN_LOT_TYPE'
  | 'UNKNOWN_TYPOLOGY'
  | 'UNKNOWN_STATUS'
  | 'INVALID_DATE'
  | 'INVALID_POSTAL_CODE'
  | 'INVALID_INSEE_CODE'
  | 'MAIN_LOT_NOT_FOUND';

export interface RejectedRow {
  file: string;
  line: number;
  code: RejectionCode;
  reason: string;
}

/** A value of one column, or the reason why the cell is invalid. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; code: RejectionCode; reason: string };
