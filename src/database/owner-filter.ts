/**
 * Rewrites owner filters of a Strapi `where` tree so that they read a column of the filtered
 * table instead of joining the owner link table.
 *
 * Strapi filters `owner: { id: { $eq: 7 } }` through two left joins and then needs
 * `select distinct` over whole rows, which PostgreSQL executes by walking every record in id
 * order. A copy of the owner's id kept on the record itself (see schema-extensions.ts) turns the
 * same filter into one index range. Only the filter's own level is rewritten: a nested relation
 * filter such as `negotiation: { owner: … }` belongs to another table.
 */

type Where = Record<string, unknown>;

function isRecord(value: unknown): value is Where {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a record id as a number, from a number or from the digits of a query string. */
function idOf(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^[1-9][0-9]{0,14}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** Returns the owner id when `filter` is `{ id: N }` or `{ id: { $eq: N } }`, nothing else. */
function ownerIdOf(filter: unknown): number | undefined {
  if (!isRecord(filter) || Object.keys(filter).length !== 1) return undefined;
  const id = filter.id;
  if (isRecord(id)) return Object.keys(id).length === 1 ? idOf(id.$eq) : undefined;
  return idOf(id);
}

/**
 * Returns `where` with each `owner` filter on one owner id replaced by an equality on
 * `column`, or `where` itself when nothing matched. Other owner filters (on the owner's name,
 * `$in`, `$null`…) keep Strapi's join.
 */
export function rewriteOwnerFilters(where: unknown, relation: string, column: string): unknown {
  if (Array.isArray(where)) {
    const rewritten = where.map((entry) => rewriteOwnerFilters(entry, relation, column));
    return rewritten.some((entry, index) => entry !== where[index]) ? rewritten : where;
  }
  if (!isRecord(where)) return where;

  let changed = false;
  const result: Where = {};
  for (const [key, value] of Object.entries(where)) {
    const ownerId = key === relation ? ownerIdOf(value) : undefined;
    // Two keys of one object are combined with AND, so a column key that is already present
    // (which Strapi's own filters never produce) would be overwritten: leave that object alone.
    if (ownerId !== undefined && !(column in where)) {
      result[column] = { $eq: ownerId };
      changed = true;
      continue;
    }
    const nested = key === '$and' || key === '$or' || key === '$not' ? rewriteOwnerFilters(value, relation, column) : value;
    if (nested !== value) changed = true;
    result[key] = nested;
  }
  return changed ? result : where;
}
