import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AccessProblem, AttributeInfo, SchemaLookup } from '../domain/access';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toAttributeInfo(attribute: unknown): AttributeInfo | null {
  if (!isRecord(attribute) || typeof attribute.type !== 'string') return null;
  const info: AttributeInfo = { type: attribute.type };
  if (typeof attribute.target === 'string') info.target = attribute.target;
  if (typeof attribute.component === 'string') info.component = attribute.component;
  return info;
}

/** Reads content-type and component attributes from Strapi's registry, once per uid. */
export function createSchemaLookup(strapi: Core.Strapi): SchemaLookup {
  const cache = new Map<string, Readonly<Record<string, AttributeInfo>> | undefined>();
  return (uid) => {
    if (cache.has(uid)) return cache.get(uid);
    const model: unknown = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] ?? strapi.components[uid as keyof typeof strapi.components];
    let attributes: Record<string, AttributeInfo> | undefined;
    if (isRecord(model) && isRecord(model.attributes)) {
      attributes = {};
      for (const [name, attribute] of Object.entries(model.attributes)) {
        const info = toAttributeInfo(attribute);
        if (info) attributes[name] = info;
      }
    }
    cache.set(uid, attributes);
    return attributes;
  };
}

/** Converts an access problem into the Strapi error class whose status matches its kind (400, 403 or 404). */
export function accessError(problem: AccessProblem): Error {
  const details = { code: problem.code, ...problem.details };
  switch (problem.kind) {
    case 'invalid':
      return new errors.ValidationError(problem.message, details);
    case 'forbidden':
      // Strapi replaces any other ForbiddenError thrown behind its route authorization with a
      // bare « Forbidden ». PolicyError, a ForbiddenError with status 403, keeps the message and code.
      return new errors.PolicyError(problem.message, details);
    case 'not-found':
      return new errors.NotFoundError(problem.message, details);
  }
}
