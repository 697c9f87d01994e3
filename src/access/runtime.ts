import type { Core } from '@strapi/strapi';
import { createPrincipalResolver, type PrincipalResolver } from './principal';
import { createSchemaLookup } from './schema';
import type { SchemaLookup } from '../domain/access';

export interface AccessRuntime {
  principals: PrincipalResolver;
  lookup: SchemaLookup;
}

// One per Strapi instance: the tests boot several instances in one process, one after another.
const runtimes = new WeakMap<Core.Strapi, AccessRuntime>();

/** Returns the shared access services of a Strapi instance: controllers and middlewares reuse them. */
export function accessRuntime(strapi: Core.Strapi): AccessRuntime {
  let runtime = runtimes.get(strapi);
  if (!runtime) {
    runtime = { principals: createPrincipalResolver(strapi), lookup: createSchemaLookup(strapi) };
    runtimes.set(strapi, runtime);
  }
  return runtime;
}
