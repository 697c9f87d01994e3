import { assertNever } from '../assert-never';
import type { Principal } from './principal';
import { CONTACT_UID, LOT_UID, NEGOTIATION_UID, PROGRAMME_UID } from './scopes';

/** Attribute of a content type or component, as far as the access rules read it. */
export interface AttributeInfo {
  type: string;
  /** Target content type of a relation. */
  target?: string;
  /** Component uid of a component attribute. */
  component?: string;
}

/** Returns the attributes of a content type or component, or undefined for an unknown uid. */
export type SchemaLookup = (uid: string) => Readonly<Record<string, AttributeInfo>> | undefined;

/**
 * Personal financial data: a buyer's income, and the contribution and loan of a négo's
 * financing. Only the owner of the record and the whole-team roles (sales director,
 * administrator, full-access token) read them, filter or sort on them.
 */
export const SENSITIVE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [CONTACT_UID]: ['annualIncome'],
  [NEGOTIATION_UID]: ['personalContribution', 'loanAmount'],
};

export function isSensitiveField(uid: string, field: string): boolean {
  return SENSITIVE_FIELDS[uid]?.includes(field) ?? false;
}

/**
 * Attributes the public reads on the stock. GPS codes and statuses, sync dates, timestamps
 * and creator fields are internal and never leave the CRM without credentials.
 */
export const PUBLIC_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [PROGRAMME_UID]: ['name', 'address', 'postalCode', 'city', 'inseeCode', 'department', 'plannedDeliveryDate', 'lots'],
  [LOT_UID]: [
    'reference',
    'programme',
    'kind',
    'typology',
    'rooms',
    'floor',
    'livingArea',
    'annexArea',
    'orientation',
    'price',
    'salesStatus',
    'mainLot',
    'annexLots',
  ],
};

/** Keys every principal reads on a record it may see. */
export const IDENTITY_KEYS: readonly string[] = ['id', 'documentId'];

/** Level of access to sensitive fields: on `all` records, on `owned` records only, or `none`. */
export type SensitiveFieldAccess = 'all' | 'owned' | 'none';

export function sensitiveFieldAccess(principal: Principal): SensitiveFieldAccess {
  switch (principal.kind) {
    case 'staff':
      return principal.role === 'negotiator' ? 'owned' : 'all';
    case 'api-token':
      return principal.tokenType === 'full-access' ? 'all' : 'none';
    case 'system':
      return 'all';
    case 'public':
    case 'unlinked-account':
      return 'none';
    default:
      return assertNever(principal, 'Principal');
  }
}

/** Returns the attributes the public may read on `uid`, or null when the public reads nothing there. */
export function publicFields(uid: string): readonly string[] | null {
  return PUBLIC_FIELDS[uid] ?? null;
}
