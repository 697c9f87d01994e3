import type { Core } from '@strapi/strapi';
import type { RelationChange, RelationRef } from './input';
import { sameRef } from './input';
import { currentConnection } from './connection';

/** Turns relation refs (ids or documentIds) into numeric ids; unknown documentIds are dropped. */
export async function resolveIds(strapi: Core.Strapi, table: string, refs: RelationRef[]): Promise<number[]> {
  const ids = refs.filter((ref) => ref.id !== undefined).map((ref) => Number(ref.id));
  const documentIds = refs.filter((ref) => ref.id === undefined && ref.documentId).map((ref) => String(ref.documentId));
  if (documentIds.length > 0) {
    const knex = await currentConnection(strapi);
    const rows = await knex(table).whereIn('document_id', documentIds).select('id');
    ids.push(...rows.map((row: { id: number }) => Number(row.id)));
  }
  return [...new Set(ids)];
}

/** Ids of a to-many relation after a save, from the stored ids and the payload's change. */
export async function relationIdsAfter(
  strapi: Core.Strapi,
  table: string,
  stored: number[],
  change: RelationChange,
): Promise<number[]> {
  switch (change.kind) {
    case 'unchanged':
      return stored;
    case 'set':
      return resolveIds(strapi, table, change.refs);
    case 'patch': {
      const removed = await resolveIds(strapi, table, change.disconnect);
      const added = await resolveIds(strapi, table, change.connect);
      return [...new Set([...stored.filter((id) => !removed.includes(id)), ...added])];
    }
  }
}

/** Id of a to-one relation after a save. */
export async function relationIdAfter(
  strapi: Core.Strapi,
  table: string,
  stored: number | null,
  change: RelationChange,
): Promise<number | null> {
  if (change.kind === 'patch' && change.connect.length === 0) {
    const removed = await resolveIds(strapi, table, change.disconnect);
    return stored !== null && removed.includes(stored) ? null : stored;
  }
  const ids = await relationIdsAfter(strapi, table, stored === null ? [] : [stored], change);
  if (change.kind === 'patch') return ids[ids.length - 1] ?? null;
  return ids[0] ?? null;
}

export { sameRef };
