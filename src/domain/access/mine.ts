import type { Principal } from './principal';
import type { AccessProblem } from './problems';
import { ACTIVITY_UID, CONTACT_UID, type Filters, NEGOTIATION_UID, ownerFilter, type Scope } from './scopes';

/**
 * Filters of the `mine=true` lists: « Mes contacts », « Mes négos ouvertes » (owned and
 * open) and « Mes activités ».
 */
const MINE_LISTS: Readonly<Record<string, (staffId: number) => Filters>> = {
  [CONTACT_UID]: (staffId) => ownerFilter(CONTACT_UID, staffId),
  [NEGOTIATION_UID]: (staffId) => ({ ...ownerFilter(NEGOTIATION_UID, staffId), negotiationStatus: { $eq: 'open' } }),
  [ACTIVITY_UID]: (staffId) => ownerFilter(ACTIVITY_UID, staffId),
};

export type MineResult = { kind: 'none' } | { kind: 'filters'; filters: Filters } | { kind: 'problem'; problem: AccessProblem };

/**
 * Reads the `mine` query parameter. `true` narrows the list to the caller's own records, and
 * `false` or no parameter leaves it alone. Any other value is rejected rather than ignored.
 */
export function mineFilters(principal: Principal, uid: string, value: unknown): MineResult {
  if (value === undefined || value === 'false' || value === false) return { kind: 'none' };
  if (value !== 'true' && value !== true) {
    return {
      kind: 'problem',
      problem: {
        kind: 'invalid',
        code: 'MINE_INVALID',
        message: `Valeur de « mine » invalide : ${JSON.stringify(value)}. Utilisez mine=true ou retirez le paramètre.`,
        details: { param: 'mine' },
      },
    };
  }

  const list = MINE_LISTS[uid];
  if (!list) {
    return {
      kind: 'problem',
      problem: {
        kind: 'invalid',
        code: 'MINE_NOT_SUPPORTED',
        message: 'Le paramètre mine=true ne vaut que pour les contacts, les négos et les activités.',
        details: { param: 'mine' },
      },
    };
  }
  if (principal.kind !== 'staff') {
    return {
      kind: 'problem',
      problem: {
        kind: 'invalid',
        code: 'MINE_REQUIRES_STAFF_ACCOUNT',
        message:
          "Le paramètre mine=true demande un compte rattaché à un membre de l'équipe commerciale ; un jeton d'API n'appartient à personne.",
        details: { param: 'mine' },
      },
    };
  }
  return { kind: 'filters', filters: list(principal.staffId) };
}

/**
 * Returns the scope of a list request: the `mine=true` filters when present, otherwise the
 * read scope. The `mine` filters name the caller as owner, which is as narrow as a staff
 * member's read scope (every record, or their own) or narrower, so the read scope is not
 * added a second time: it would join the owner link table twice in the SQL query.
 */
export function listScope(readScope: Scope, mine: MineResult): Scope {
  if (mine.kind !== 'filters' || readScope.kind === 'none') return readScope;
  return { kind: 'filtered', filters: mine.filters };
}
