import type { Hundredths, IsoDate } from '../../../../domain/gps';

/** Readers of database values, which differ by engine: PostgreSQL returns numeric as text, SQLite as a float. */

export type DbRow = Record<string, unknown>;

function isDbRow(value: unknown): value is DbRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that a query result item is a row object; the row is not copied, because the import reads 100 000 of them. */
export function asDbRow(value: unknown): DbRow {
  if (!isDbRow(value)) throw new Error(`Expected a database row, got ${typeof value}`);
  return value;
}

export function readId(row: DbRow, column: string): number {
  const value = row[column];
  const id = typeof value === 'string' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isInteger(id)) throw new Error(`Column ${column} is not an integer id: ${String(value)}`);
  return id;
}

export function readNullableId(row: DbRow, column: string): number | null {
  return row[column] === null || row[column] === undefined ? null : readId(row, column);
}

export function readNullableString(row: DbRow, column: string): string | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

export function readString(row: DbRow, column: string): string {
  const value = readNullableString(row, column);
  if (value === null) throw new Error(`Column ${column} is null`);
  return value;
}

export function readNullableInteger(row: DbRow, column: string): number | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new Error(`Column ${column} is not a number: ${String(value)}`);
  return Math.trunc(number);
}

/** Reads a decimal column in hundredths, rounded to the two decimals that numeric(10,2) keeps. */
export function readNullableHundredths(row: DbRow, column: string): Hundredths | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new Error(`Column ${column} is not a number: ${String(value)}`);
  return Math.round(number * 100);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A date column as `yyyy-mm-dd`: SQLite returns the stored text, node-postgres a Date at local midnight. */
export function readNullableIsoDate(row: DbRow, column: string): IsoDate | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  if (typeof value === 'number') {
    const date = new Date(value);
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  }
  throw new Error(`Column ${column} is not a date: ${String(value)}`);
}

/** Reads an enumeration column; null when empty, or when `lenient` and the stored value is unknown. */
export function readEnum<Value extends string>(row: DbRow, column: string, values: readonly Value[], lenient: boolean): Value | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  const match = values.find((candidate) => candidate === value);
  if (match !== undefined) return match;
  if (lenient) return null;
  throw new Error(`Column ${column} contains an unknown value: ${String(value)}`);
}
