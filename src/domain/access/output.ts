import { IDENTITY_KEYS, isSensitiveField, PUBLIC_FIELDS, type SchemaLookup, SENSITIVE_FIELDS, sensitiveFieldAccess } from './fields';
import { negotiatorId, type Principal } from './principal';
import { CONTACT_UID, LOT_UID, OWNER_PATHS, PROGRAMME_UID } from './scopes';

/** Ids of records, by content type. */
export type IdsByType = Map<string, Set<number>>;

/**
 * Decides what a response shows. The records at depth 0 passed the request's scope. The
 * records reached through `populate` (depth 1 and more) did not, so they are checked here.
 */
export interface OutputPolicy {
  /** Attributes shown on records of `uid`, or null for every attribute. */
  allowedFields(uid: string): readonly string[] | null;
  /** Whether a related record stays in the response. */
  keepsRelated(uid: string, id: number | null): boolean;
  /** Whether the sensitive fields of this record are shown. */
  showsSensitive(uid: string, id: number | null, depth: number): boolean;
}

/**
 * Content types whose related records must be checked against the principal's read scope
 * before they are shown: a négociateur's owned types, the public's stock.
 */
export function relatedTypesToCheck(principal: Principal): string[] {
  if (negotiatorId(principal) !== null) return Object.keys(OWNER_PATHS);
  if (principal.kind === 'public') return [PROGRAMME_UID, LOT_UID];
  return [];
}

/**
 * Builds the policy of a response from the principal and `inScope`: for each type of
 * `relatedTypesToCheck`, the ids of the related records that match the principal's read
 * scope.
 *
 * A négociateur sees a contact linked to one of their records (the buyer of their négo)
 * even when a colleague owns it, so the front-end can name the buyer, but not its
 * sensitive fields. Other records they do not own are left out of the response.
 */
export function createOutputPolicy(principal: Principal, inScope: IdsByType): OutputPolicy {
  const access = sensitiveFieldAccess(principal);
  const checked = new Set(relatedTypesToCheck(principal));
  const matches = (uid: string, id: number | null) => id !== null && (inScope.get(uid)?.has(id) ?? false);

  return {
    allowedFields(uid) {
      if (principal.kind !== 'public') return null;
      return PUBLIC_FIELDS[uid] ?? [];
    },
    keepsRelated(uid, id) {
      if (!checked.has(uid)) return principal.kind !== 'public';
      if (uid === CONTACT_UID) return true;
      return matches(uid, id);
    },
    showsSensitive(uid, id, depth) {
      if (access === 'all') return true;
      if (access === 'none') return false;
      return depth === 0 || matches(uid, id);
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(entity: Record<string, unknown>): number | null {
  return typeof entity.id === 'number' ? entity.id : null;
}

/** A relation or component attribute: the only kinds of attribute that contain other records. */
interface NestedAttribute {
  key: string;
  kind: 'relation' | 'component';
  uid: string;
}

const nestedAttributeCache = new WeakMap<object, readonly NestedAttribute[]>();

/**
 * Returns the relation and component attributes of `uid`. A list response contains many records
 * of few types, so walking these few attributes rather than every key of every record keeps the
 * traversal cheap.
 */
function nestedAttributesOf(lookup: SchemaLookup, uid: string): readonly NestedAttribute[] {
  const attributes = lookup(uid);
  if (!attributes) return [];
  let nested = nestedAttributeCache.get(attributes);
  if (!nested) {
    nested = Object.entries(attributes).flatMap(([key, attribute]): NestedAttribute[] => {
      if (attribute.type === 'relation' && attribute.target) return [{ key, kind: 'relation', uid: attribute.target }];
      if (attribute.type === 'component' && attribute.component) return [{ key, kind: 'component', uid: attribute.component }];
      return [];
    });
    nestedAttributeCache.set(attributes, nested);
  }
  return nested;
}

/**
 * Collects the ids of records of the `wanted` types reached through relations of the
 * records in `data` (a record or a list of records of `uid`).
 */
export function collectRelatedIds(lookup: SchemaLookup, uid: string, data: unknown, wanted: ReadonlySet<string>): IdsByType {
  const found: IdsByType = new Map();
  const visit = (currentUid: string, entity: unknown, depth: number) => {
    if (Array.isArray(entity)) {
      for (const item of entity) visit(currentUid, item, depth);
      return;
    }
    if (!isRecord(entity)) return;

    const id = idOf(entity);
    if (depth > 0 && wanted.has(currentUid) && id !== null) {
      const ids = found.get(currentUid) ?? new Set<number>();
      ids.add(id);
      found.set(currentUid, ids);
    }
    for (const attribute of nestedAttributesOf(lookup, currentUid)) {
      const value = entity[attribute.key];
      if (value !== undefined) visit(attribute.uid, value, attribute.kind === 'relation' ? depth + 1 : depth);
    }
  };
  visit(uid, data, 0);
  return found;
}

/**
 * Returns a copy of `data` (records of `uid` as the REST API returns them) without what
 * the policy hides: attributes outside `allowedFields`, sensitive fields, and related
 * records that are not kept (removed from lists, null for a single relation).
 */
export function redactOutput(lookup: SchemaLookup, uid: string, data: unknown, policy: OutputPolicy): unknown {
  /** Redacts only the related records and components of a record whose own fields all stay. */
  const redactNested = (currentUid: string, entity: Record<string, unknown>, depth: number): Record<string, unknown> => {
    let result: Record<string, unknown> | null = null;
    for (const attribute of nestedAttributesOf(lookup, currentUid)) {
      const value = entity[attribute.key];
      if (value === undefined) continue;
      const redacted = attribute.kind === 'relation' ? redactRelation(attribute.uid, value, depth + 1) : redactValue(attribute.uid, value, depth, true);
      if (redacted === value) continue;
      result ??= { ...entity };
      result[attribute.key] = redacted;
    }
    return result ?? entity;
  };

  const redactRecord = (currentUid: string, entity: Record<string, unknown>, depth: number, isComponent: boolean): Record<string, unknown> => {
    const allowed = isComponent ? null : policy.allowedFields(currentUid);
    const id = idOf(entity);
    const hidesSensitive = (SENSITIVE_FIELDS[currentUid]?.length ?? 0) > 0 && !policy.showsSensitive(currentUid, id, depth);
    if (allowed === null && !hidesSensitive) return redactNested(currentUid, entity, depth);

    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(entity)) {
      if (allowed && !IDENTITY_KEYS.includes(key) && !allowed.includes(key)) continue;
      if (hidesSensitive && isSensitiveField(currentUid, key)) continue;
      kept[key] = value;
    }
    return redactNested(currentUid, kept, depth);
  };

  const redactValue = (currentUid: string, value: unknown, depth: number, isComponent: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => (isRecord(item) ? redactRecord(currentUid, item, depth, isComponent) : item));
    return isRecord(value) ? redactRecord(currentUid, value, depth, isComponent) : value;
  };

  const redactRelation = (targetUid: string, value: unknown, depth: number): unknown => {
    const kept = (item: unknown) => isRecord(item) && policy.keepsRelated(targetUid, idOf(item));
    if (Array.isArray(value)) {
      return value.filter(kept).map((item) => redactRecord(targetUid, item as Record<string, unknown>, depth, false));
    }
    if (value === null || value === undefined) return value;
    return kept(value) ? redactRecord(targetUid, value as Record<string, unknown>, depth, false) : null;
  };

  return redactValue(uid, data, 0, false);
}
