import type { Core, UID } from '@strapi/strapi';
import {
  collectRelatedIds,
  createOutputPolicy,
  type IdsByType,
  listScope,
  mineFilters,
  type Principal,
  queryFieldPaths,
  queryFieldProblem,
  readScope,
  recordNotFound,
  redactOutput,
  relatedTypesToCheck,
  scopeRelationFilters,
  seesWholeSalesTeam,
  staffAccountRequired,
  withScope,
  writeScope,
} from '../domain/access';
import type { RequestLike } from './principal';
import type { AccessRuntime } from './runtime';
import { accessError } from './schema';

/** A Koa context as the REST access rules use it. */
export interface RestRequest extends RequestLike {
  query: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortsOnId(entry: unknown): boolean {
  if (typeof entry === 'string') return entry.split(',').some((part) => part.split(':')[0]?.trim() === 'id');
  return isRecord(entry) && 'id' in entry;
}

/**
 * Appends `id:asc` to a sort that does not already order by id. Without a total order,
 * PostgreSQL may return rows that tie on the sort in a different order on each page, so
 * paging with `pagination[page]` could show a record twice and skip another.
 */
function withIdTiebreak(sort: unknown): unknown {
  if (sort === undefined || sort === null || sort === '') return ['id:asc'];
  const entries = Array.isArray(sort) ? sort : [sort];
  return entries.some(sortsOnId) ? sort : [...entries, 'id:asc'];
}

/**
 * Creates the access rules of the REST API for one content type: who may call it, which
 * records a request reaches (its scope, added to every query), which fields it may filter
 * on, and what the response shows.
 */
export function createRestAccess(strapi: Core.Strapi, runtime: AccessRuntime, uid: UID.ContentType) {
  const { principals, lookup } = runtime;

  /** Rejects accounts that are not linked to a staff member, and returns the principal of any other caller. */
  async function authorize(request: RequestLike): Promise<Principal> {
    const principal = await principals.principalOf(request);
    if (principal.kind === 'unlinked-account') throw accessError(staffAccountRequired());
    return principal;
  }

  /**
   * Throws a 404 NotFoundError when the record does not exist or lies outside the
   * principal's scope, with the same message in both cases.
   */
  async function assertReachable(request: RequestLike, documentId: string, mode: 'read' | 'write'): Promise<void> {
    const principal = await authorize(request);
    const scope = mode === 'read' ? readScope(principal, uid) : writeScope(principal, uid);
    const filters = withScope({ documentId: { $eq: documentId } }, scope);
    const found = await strapi.documents(uid).findFirst({ filters, fields: ['documentId'] });
    if (!found) throw accessError(recordNotFound(uid, documentId));
  }

  /** Rejects filters and sorts on fields the principal may not read. */
  async function checkQuery(request: RestRequest): Promise<void> {
    const principal = await authorize(request);
    const paths = queryFieldPaths(lookup, uid, request.query);
    const problem = queryFieldProblem(principal, paths);
    if (problem) throw accessError(problem);

    const mine = mineFilters(principal, uid, request.query.mine);
    if (mine.kind === 'problem') throw accessError(mine.problem);
  }

  /**
   * Adds the principal's read scope and the `mine=true` filters to a query Strapi has
   * already validated and sanitized. The scope is added after validation because it may
   * filter on relations the caller cannot read itself (`owner` is an admin user).
   */
  async function scopeQuery(request: RestRequest, query: Record<string, unknown>): Promise<Record<string, unknown>> {
    const principal = await authorize(request);
    const { mine: _mine, ...rest } = query;
    const mine = mineFilters(principal, uid, request.query.mine);
    if (mine.kind === 'problem') throw accessError(mine.problem);
    const requested = scopeRelationFilters(lookup, principal, uid, rest.filters);
    const filters = withScope(requested, listScope(readScope(principal, uid), mine));

    const scoped = { ...rest, sort: withIdTiebreak(rest.sort) };
    return filters ? { ...scoped, filters } : scoped;
  }

  /** Loads the ids of the related records in `data` that match the principal's read scope, by type. */
  async function relatedInScope(principal: Principal, data: unknown): Promise<IdsByType> {
    const wanted = new Set(relatedTypesToCheck(principal));
    const inScope: IdsByType = new Map();
    if (wanted.size === 0) return inScope;

    const related = collectRelatedIds(lookup, uid, data, wanted);
    for (const [relatedUid, ids] of related) {
      const filters = withScope({ id: { $in: [...ids] } }, readScope(principal, relatedUid));
      const rows: unknown[] = await strapi.db.query(relatedUid as UID.Schema).findMany({ where: filters, select: ['id'] });
      inScope.set(relatedUid, new Set(rows.filter(isRecord).map((row) => Number(row.id))));
    }
    return inScope;
  }

  /** Removes from a sanitized response what the principal may not see. */
  async function redact(request: RequestLike, data: unknown): Promise<unknown> {
    if (data === null || data === undefined) return data;
    const principal = await authorize(request);
    if (seesWholeSalesTeam(principal)) return data;
    const policy = createOutputPolicy(principal, await relatedInScope(principal, data));
    return redactOutput(lookup, uid, data, policy);
  }

  return { authorize, assertReachable, checkQuery, scopeQuery, redact };
}

export type RestAccess = ReturnType<typeof createRestAccess>;
