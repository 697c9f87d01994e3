import type { SchemaLookup } from './fields';
import type { Principal } from './principal';
import { type Filters, LOT_UID, PROGRAMME_UID, PUBLIC_LOT_FILTER, PUBLIC_PROGRAMME_FILTER } from './scopes';

/** Stock records the public may reach through a relation filter, by content type. */
const PUBLIC_RELATED_FILTERS: Readonly<Record<string, Filters>> = {
  [PROGRAMME_UID]: PUBLIC_PROGRAMME_FILTER,
  [LOT_UID]: PUBLIC_LOT_FILTER,
};

/**
 * Relations whose target the public filter of the source already narrows: every lot level of a
 * public query carries PUBLIC_LOT_FILTER, which requires its programme to be on sale.
 */
const NARROWED_BY_SOURCE: Readonly<Record<string, readonly string[]>> = {
  [LOT_UID]: ['programme'],
};

const GROUP_OPERATORS = new Set(['$and', '$or', '$not']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns a relation filter as a filter on the related record. Strapi reads a bare value or a
 * lone operator (`lots: 5`, `lots: { $null: true }`) as a condition on the related id, which
 * cannot sit inside `$and` as it is.
 */
function asRecordFilter(filter: unknown): unknown {
  if (!isRecord(filter)) return { id: filter };
  const keys = Object.keys(filter);
  if (keys.length === 1 && keys[0].startsWith('$') && !GROUP_OPERATORS.has(keys[0])) return { id: filter };
  return filter;
}

/**
 * Returns the request filters of the public with each filter through a relation to the stock
 * narrowed to the records the public may read. Without it, `filters[lots][price][$eq]=…` on
 * the programmes would tell whether a sold lot has that price, while the lot itself is hidden.
 * Other callers' filters are returned as they are: their relation filters reach only what
 * their read scope already shows, or records they may name (the buyer of their own négo).
 */
export function scopeRelationFilters(lookup: SchemaLookup, principal: Principal, uid: string, filters: unknown): unknown {
  if (principal.kind !== 'public') return filters;

  const visit = (currentUid: string, value: unknown): unknown => {
    if (Array.isArray(value)) return value.map((item) => visit(currentUid, item));
    if (!isRecord(value)) return value;

    const attributes = lookup(currentUid) ?? {};
    const result: Record<string, unknown> = {};
    for (const [key, nested] of Object.entries(value)) {
      const attribute = attributes[key];
      if (GROUP_OPERATORS.has(key)) {
        result[key] = visit(currentUid, nested);
      } else if (
        attribute?.type === 'relation' &&
        attribute.target &&
        attribute.target in PUBLIC_RELATED_FILTERS &&
        !NARROWED_BY_SOURCE[currentUid]?.includes(key)
      ) {
        result[key] = { $and: [visit(attribute.target, asRecordFilter(nested)), PUBLIC_RELATED_FILTERS[attribute.target]] };
      } else {
        result[key] = nested;
      }
    }
    return result;
  };
  return visit(uid, filters);
}
