import type { SchemaLookup } from './fields';
import { type Principal } from './principal';
import type { AccessProblem } from './problems';
import { typeLabel } from './problems';
import { isOwnedType, readScope } from './scopes';

/** Content types whose records have an `owner` attribute set when they are created. */
export const OWNER_ASSIGNED_ON_CREATE: readonly string[] = ['api::contact.contact', 'api::negotiation.negotiation', 'api::activity.activity'];

/**
 * Returns the owner to give a record created by the principal when the save does not name
 * one: the staff member behind the request. Integrations and scripts leave it empty.
 */
export function ownerOnCreate(principal: Principal, uid: string): number | null {
  if (!OWNER_ASSIGNED_ON_CREATE.includes(uid)) return null;
  return principal.kind === 'staff' ? principal.staffId : null;
}

/**
 * Relation attributes of `uid` whose targets the principal only partly reads. A save that
 * links such a relation must only name records the principal may read, or a négociateur
 * could attach a proposition to a colleague's négo or take over their contact.
 */
export function scopedRelations(lookup: SchemaLookup, principal: Principal, uid: string): Array<{ field: string; target: string }> {
  const attributes = lookup(uid) ?? {};
  const relations: Array<{ field: string; target: string }> = [];
  for (const [field, attribute] of Object.entries(attributes)) {
    if (attribute.type !== 'relation' || !attribute.target || !isOwnedType(attribute.target)) continue;
    if (readScope(principal, attribute.target).kind === 'all') continue;
    relations.push({ field, target: attribute.target });
  }
  return relations;
}

export function relatedRecordNotFound(field: string, target: string, reference: string): AccessProblem {
  return {
    kind: 'invalid',
    code: 'RELATED_RECORD_NOT_FOUND',
    message: `« ${field} » désigne ${typeLabel(target)} « ${reference} », introuvable parmi vos fiches : choisissez un enregistrement qui vous est attribué.`,
    details: { field, reference },
  };
}
