import { IDENTITY_KEYS, isSensitiveField, PUBLIC_FIELDS, sensitiveFieldAccess } from './fields';
import type { Principal } from './principal';
import type { AccessProblem } from './problems';
import type { QueryFieldPath } from './query-paths';

/**
 * Rejects a query that filters or sorts on a field the principal may not read, because
 * the matching records would reveal its value. Such a query fails with 400 instead of
 * running without the offending part.
 *
 * A négociateur filters on the sensitive fields of the type they list (only their own
 * records are listed), but not on those of related records, which may belong to others.
 */
export function queryFieldProblem(principal: Principal, paths: readonly QueryFieldPath[]): AccessProblem | null {
  if (principal.kind === 'public') {
    const hidden = paths.find((path) => !IDENTITY_KEYS.includes(path.field) && !(PUBLIC_FIELDS[path.uid]?.includes(path.field) ?? false));
    if (hidden) {
      return {
        kind: 'invalid',
        code: 'FIELD_NOT_PUBLIC',
        message: `Le champ « ${hidden.path} » n'est pas public : filtrez ou triez sur les champs publiés des programmes et des lots.`,
        details: { field: hidden.path },
      };
    }
  }

  const access = sensitiveFieldAccess(principal);
  if (access === 'all') return null;
  const sensitive = paths.find((path) => isSensitiveField(path.uid, path.field) && (access === 'none' || path.depth > 0));
  if (!sensitive) return null;
  return {
    kind: 'invalid',
    code: 'SENSITIVE_FIELD_FILTER',
    message: `Le filtre ou le tri sur « ${sensitive.path} » est refusé : cette donnée personnelle n'est visible que par le négociateur propriétaire de la fiche et par le directeur commercial.`,
    details: { field: sensitive.path },
  };
}
