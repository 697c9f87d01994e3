/**
 * Readers for the values of a save payload. The admin panel, the REST API and scripts send
 * the same attribute in different shapes (a number or a numeric string, a relation as an id,
 * a documentId, an object or a connect/set/disconnect list), so rules read them through these.
 */
export type RelationRef = { id?: number; documentId?: string };

export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

export function readString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.trim() === '' ? null : value;
}

export function readBoolean(value: unknown): boolean {
  return value === true || value === 'true' || value === 1;
}

/** Reads a date attribute as yyyy-mm-dd; the admin panel may send a full ISO timestamp. */
export function readDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.length >= 10 ? value.slice(0, 10) : value;
}

function toRef(value: unknown): RelationRef | null {
  if (typeof value === 'number') return { id: value };
  if (typeof value === 'string' && value !== '') return /^\d+$/.test(value) ? { id: Number(value) } : { documentId: value };
  if (typeof value === 'object' && value !== null) {
    const ref: RelationRef = {};
    if ('id' in value && typeof value.id === 'number') ref.id = value.id;
    if ('documentId' in value && typeof value.documentId === 'string') ref.documentId = value.documentId;
    return ref.id !== undefined || ref.documentId !== undefined ? ref : null;
  }
  return null;
}

function toRefs(value: unknown): RelationRef[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(toRef).filter((ref): ref is RelationRef => ref !== null);
}

/**
 * Describes what a save does to a relation: `unchanged` when the payload does not touch it,
 * otherwise the refs it sets (`set`), adds (`connect`) or removes (`disconnect`).
 */
export type RelationChange =
  | { kind: 'unchanged' }
  | { kind: 'set'; refs: RelationRef[] }
  | { kind: 'patch'; connect: RelationRef[]; disconnect: RelationRef[] };

export function readRelation(data: Record<string, unknown>, field: string): RelationChange {
  if (!(field in data)) return { kind: 'unchanged' };
  const value = data[field];
  if (value === null || value === undefined) return { kind: 'set', refs: [] };
  if (Array.isArray(value) || typeof value !== 'object') return { kind: 'set', refs: toRefs(value) };

  if ('set' in value) return { kind: 'set', refs: toRefs(value.set) };
  if ('connect' in value || 'disconnect' in value) {
    const connect = 'connect' in value ? toRefs(value.connect) : [];
    const disconnect = 'disconnect' in value ? toRefs(value.disconnect) : [];
    if (connect.length === 0 && disconnect.length === 0) return { kind: 'unchanged' };
    return { kind: 'patch', connect, disconnect };
  }
  return { kind: 'set', refs: toRefs(value) };
}

export function sameRef(a: RelationRef, b: RelationRef): boolean {
  return (a.id !== undefined && a.id === b.id) || (a.documentId !== undefined && a.documentId === b.documentId);
}
