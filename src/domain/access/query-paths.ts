import type { SchemaLookup } from './fields';

/**
 * An attribute a query filters or sorts on. `depth` counts the relations crossed from the
 * requested content type: 0 for its own attributes.
 */
export interface QueryFieldPath {
  uid: string;
  field: string;
  /** Dotted path from the requested content type, for error messages. */
  path: string;
  depth: number;
}

const LOGICAL_OPERATORS = ['$and', '$or'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** qs turns `x[0]=…` into an array, but into an object with numeric keys past 20 items. */
function listItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return Object.values(value);
  return [value];
}

interface WalkState {
  uid: string;
  prefix: string;
  depth: number;
}

function childPath(state: WalkState, key: string): string {
  return state.prefix ? `${state.prefix}.${key}` : key;
}

function walkFilters(lookup: SchemaLookup, filters: unknown, state: WalkState, out: QueryFieldPath[]): void {
  if (Array.isArray(filters)) {
    for (const item of filters) walkFilters(lookup, item, state, out);
    return;
  }
  if (!isRecord(filters)) return;

  for (const [key, value] of Object.entries(filters)) {
    if (LOGICAL_OPERATORS.includes(key)) {
      for (const item of listItems(value)) walkFilters(lookup, item, state, out);
      continue;
    }
    if (key === '$not') {
      walkFilters(lookup, value, state, out);
      continue;
    }
    // Any other operator at this level compares operands, not attributes.
    if (key.startsWith('$')) continue;

    const path = childPath(state, key);
    out.push({ uid: state.uid, field: key, path, depth: state.depth });

    const attribute = lookup(state.uid)?.[key];
    if (attribute?.type === 'relation' && attribute.target && isRecord(value)) {
      walkFilters(lookup, value, { uid: attribute.target, prefix: path, depth: state.depth + 1 }, out);
    } else if (attribute?.type === 'component' && attribute.component && isRecord(value)) {
      walkFilters(lookup, value, { uid: attribute.component, prefix: path, depth: state.depth }, out);
    }
  }
}

/** Follows a dotted sort path such as `buyer.annualIncome` through relations and components. */
function walkSortPath(lookup: SchemaLookup, dotted: string, state: WalkState, out: QueryFieldPath[]): void {
  let current = state;
  for (const key of dotted.split('.').filter((part) => part !== '')) {
    const path = childPath(current, key);
    out.push({ uid: current.uid, field: key, path, depth: current.depth });
    const attribute = lookup(current.uid)?.[key];
    if (attribute?.type === 'relation' && attribute.target) {
      current = { uid: attribute.target, prefix: path, depth: current.depth + 1 };
    } else if (attribute?.type === 'component' && attribute.component) {
      current = { uid: attribute.component, prefix: path, depth: current.depth };
    } else {
      return;
    }
  }
}

function walkSort(lookup: SchemaLookup, sort: unknown, state: WalkState, out: QueryFieldPath[]): void {
  if (typeof sort === 'string') {
    for (const entry of sort.split(',')) {
      const field = entry.split(':')[0]?.trim() ?? '';
      if (field) walkSortPath(lookup, field, state, out);
    }
    return;
  }
  if (Array.isArray(sort)) {
    for (const item of sort) walkSort(lookup, item, state, out);
    return;
  }
  if (!isRecord(sort)) return;

  for (const [key, value] of Object.entries(sort)) {
    const path = childPath(state, key);
    out.push({ uid: state.uid, field: key, path, depth: state.depth });
    const attribute = lookup(state.uid)?.[key];
    if (!isRecord(value)) continue;
    if (attribute?.type === 'relation' && attribute.target) {
      walkSort(lookup, value, { uid: attribute.target, prefix: path, depth: state.depth + 1 }, out);
    } else if (attribute?.type === 'component' && attribute.component) {
      walkSort(lookup, value, { uid: attribute.component, prefix: path, depth: state.depth }, out);
    }
  }
}

/** Collects the filters and sorts written inside `populate`, which also select records. */
function walkPopulate(lookup: SchemaLookup, populate: unknown, state: WalkState, out: QueryFieldPath[]): void {
  if (Array.isArray(populate)) {
    for (const item of populate) walkPopulate(lookup, item, state, out);
    return;
  }
  if (!isRecord(populate)) return;

  for (const [key, value] of Object.entries(populate)) {
    if (!isRecord(value)) continue;
    const attribute = lookup(state.uid)?.[key];
    const path = childPath(state, key);
    let target: WalkState | null = null;
    if (attribute?.type === 'relation' && attribute.target) target = { uid: attribute.target, prefix: path, depth: state.depth + 1 };
    else if (attribute?.type === 'component' && attribute.component) target = { uid: attribute.component, prefix: path, depth: state.depth };
    if (!target) continue;

    if ('filters' in value) walkFilters(lookup, value.filters, target, out);
    if ('sort' in value) walkSort(lookup, value.sort, target, out);
    if ('populate' in value) walkPopulate(lookup, value.populate, target, out);
  }
}

/**
 * Lists every attribute that the `filters`, `sort` and `populate` parameters of a REST query
 * on `uid` filter or sort on, including inside populated relations.
 */
export function queryFieldPaths(lookup: SchemaLookup, uid: string, query: { filters?: unknown; sort?: unknown; populate?: unknown }): QueryFieldPath[] {
  const out: QueryFieldPath[] = [];
  const root: WalkState = { uid, prefix: '', depth: 0 };
  walkFilters(lookup, query.filters, root, out);
  walkSort(lookup, query.sort, root, out);
  walkPopulate(lookup, query.populate, root, out);
  return out;
}
