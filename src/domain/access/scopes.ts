import { assertNever } from '../assert-never';
import type { Principal } from './principal';

export const CONTACT_UID = 'api::contact.contact';
export const NEGOTIATION_UID = 'api::negotiation.negotiation';
export const PROPOSITION_UID = 'api::proposition.proposition';
export const RESERVATION_UID = 'api::reservation.reservation';
export const ACTIVITY_UID = 'api::activity.activity';
export const PHASE_CHANGE_UID = 'api::phase-change.phase-change';
export const PROGRAMME_UID = 'api::programme.programme';
export const LOT_UID = 'api::lot.lot';

/** A Strapi filter object, as the document service and the REST `filters` parameter take it. */
export type Filters = Record<string, unknown>;

/** Records of a content type a principal may reach: all of them, none, or those matching filters. */
export type Scope = { kind: 'all' } | { kind: 'none' } | { kind: 'filtered'; filters: Filters };

const ALL: Scope = { kind: 'all' };
const NONE: Scope = { kind: 'none' };

/**
 * Relation path from each owned content type to its owner (an admin user). Propositions,
 * reservations and the phase history belong to whoever owns their négo.
 */
export const OWNER_PATHS: Readonly<Record<string, readonly string[]>> = {
  [CONTACT_UID]: ['owner'],
  [NEGOTIATION_UID]: ['owner'],
  [ACTIVITY_UID]: ['owner'],
  [PROPOSITION_UID]: ['negotiation', 'owner'],
  [RESERVATION_UID]: ['negotiation', 'owner'],
  [PHASE_CHANGE_UID]: ['negotiation', 'owner'],
};

/** Content types of the developer's stock, which every staff member reads. */
export const STOCK_UIDS: readonly string[] = [PROGRAMME_UID, LOT_UID];

export function isOwnedType(uid: string): boolean {
  return uid in OWNER_PATHS;
}

/** Filter that keeps the records of `uid` owned by the admin user `staffId`. */
export function ownerFilter(uid: string, staffId: number): Filters {
  const path = OWNER_PATHS[uid];
  if (!path) throw new Error(`No owner path for ${uid}`);
  let filter: Filters = { id: { $eq: staffId } };
  for (const step of [...path].reverse()) filter = { [step]: filter };
  return filter;
}

/** Programmes the public sees: those in commercialisation. */
export const PUBLIC_PROGRAMME_FILTER: Filters = { commercialisationStatus: { $eq: 'selling' } };

/** Lots the public sees: available lots of programmes in commercialisation. */
export const PUBLIC_LOT_FILTER: Filters = {
  salesStatus: { $eq: 'available' },
  programme: { commercialisationStatus: { $eq: 'selling' } },
};

function publicScope(uid: string): Scope {
  if (uid === PROGRAMME_UID) return { kind: 'filtered', filters: PUBLIC_PROGRAMME_FILTER };
  if (uid === LOT_UID) return { kind: 'filtered', filters: PUBLIC_LOT_FILTER };
  return NONE;
}

/**
 * Returns the records of `uid` the principal may read. A négociateur reads the stock and
 * what they own, the public reads the stock on sale, and an account without a staff member
 * reads nothing. Read-only and custom API tokens read everything their token type allows,
 * without the sensitive fields (see `sensitiveFieldAccess`).
 */
export function readScope(principal: Principal, uid: string): Scope {
  switch (principal.kind) {
    case 'public':
      return publicScope(uid);
    case 'unlinked-account':
      return NONE;
    case 'api-token':
    case 'system':
      return ALL;
    case 'staff':
      if (principal.role !== 'negotiator' || STOCK_UIDS.includes(uid)) return ALL;
      if (isOwnedType(uid)) return { kind: 'filtered', filters: ownerFilter(uid, principal.staffId) };
      return NONE;
    default:
      return assertNever(principal, 'Principal');
  }
}

/** Returns the records of `uid` the principal may update or delete: those it may read. */
export function writeScope(principal: Principal, uid: string): Scope {
  if (principal.kind === 'public') return NONE;
  return readScope(principal, uid);
}

/** Combines request filters with a scope's filters, so both must match. */
export function withScope(filters: unknown, scope: Scope): Filters | undefined {
  const requested = typeof filters === 'object' && filters !== null && Object.keys(filters).length > 0 ? (filters as Filters) : undefined;
  switch (scope.kind) {
    case 'all':
      return requested;
    case 'none':
      // Strapi has no "match nothing" filter, but no record has a null id.
      return { $and: [...(requested ? [requested] : []), { id: { $null: true } }] };
    case 'filtered':
      return requested ? { $and: [requested, scope.filters] } : scope.filters;
    default:
      return assertNever(scope, 'Scope');
  }
}
