import type { SchemaLookup } from './fields';
import type { Principal } from './principal';
import { LOT_UID, readScope } from './scopes';

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
      if (GROUP_OPERATORS.has(key)) {
        result[key] = visit(currentUid, nested);
        continue;
      }
      const attribute = attributes[key];
      const target = attribute?.type === 'relation' && !NARROWED_BY_SOURCE[currentUid]?.includes(key) ? attribute.target : undefined;
      // The public's read scope of a stock type is a filter. Filters on other types were rejected earlier.
      const scope = target === undefined ? undefined : readScope(principal, target);
      if (target !== undefined && scope?.kind === 'filtered') {
        result[key] = { $and: [visit(target, asRecordFilter(nested)), scope.filters] };
      } else {
        result[key] = nested;
      }
    }
    return result;
  };
  return visit(uid, filters);
}
