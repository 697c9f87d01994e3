import type { Core } from '@strapi/strapi';
import { createApiToken } from '../../helpers/strapi';
import { apiLogin, createApiAccount, createStaffMember, type StaffMember } from './accounts';
import type { LeakRules } from './leaks';

/** The callers of the REST API the access tests compare. */
export type Caller = 'public' | 'negotiatorA' | 'negotiatorB' | 'director' | 'readOnlyToken' | 'unlinkedAccount';

export const CALLERS: readonly Caller[] = ['public', 'negotiatorA', 'negotiatorB', 'director', 'readOnlyToken', 'unlinkedAccount'];

export const CALLER_LABELS: Readonly<Record<Caller, string>> = {
  public: 'public',
  negotiatorA: 'négociateur A',
  negotiatorB: 'négociateur B',
  director: 'directeur',
  readOnlyToken: 'jeton lecture seule',
  unlinkedAccount: 'compte non rattaché',
};

export interface SalesTeam {
  negotiatorA: StaffMember;
  negotiatorB: StaffMember;
  director: StaffMember;
  unlinkedAccountEmail: string;
  tokens: Record<Caller, string | null>;
}

/**
 * Creates two négociateurs and a sales director, each with a REST account, an account linked
 * to no staff member, and a read-only API token. Logs every account in.
 */
export async function createSalesTeam(strapi: Core.Strapi): Promise<SalesTeam> {
  const negotiatorA = await createStaffMember(strapi, 'crm-negotiator', 'Amaia');
  const negotiatorB = await createStaffMember(strapi, 'crm-negotiator', 'Beñat');
  const director = await createStaffMember(strapi, 'crm-sales-director', 'Dominique');
  const unlinked = await createApiAccount(strapi, 'orphan', null);

  return {
    negotiatorA,
    negotiatorB,
    director,
    unlinkedAccountEmail: unlinked.email,
    tokens: {
      public: null,
      negotiatorA: await apiLogin(strapi, negotiatorA.apiUsername),
      negotiatorB: await apiLogin(strapi, negotiatorB.apiUsername),
      director: await apiLogin(strapi, director.apiUsername),
      readOnlyToken: await createApiToken(strapi, { type: 'read-only' }),
      unlinkedAccount: await apiLogin(strapi, unlinked.username),
    },
  };
}

export function staffOf(team: SalesTeam, caller: Caller): StaffMember | null {
  if (caller === 'negotiatorA' || caller === 'negotiatorB' || caller === 'director') return team[caller];
  return null;
}

function emailsOf(member: StaffMember): string[] {
  return [member.email, member.apiEmail];
}

/** documentIds of the contacts and négos a staff member owns, read from the database. */
export async function ownedDocumentIds(strapi: Core.Strapi, staffId: number): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const uid of ['api::contact.contact', 'api::negotiation.negotiation'] as const) {
    const rows: Array<{ documentId: string }> = await strapi.db.query(uid).findMany({ where: { owner: { id: staffId } }, select: ['documentId'] });
    for (const row of rows) ids.add(row.documentId);
  }
  return ids;
}

/** What a caller must never receive: other people's e-mails, and sensitive fields it does not own. */
export async function leakRulesFor(strapi: Core.Strapi, team: SalesTeam, caller: Caller): Promise<LeakRules> {
  const staff = [team.negotiatorA, team.negotiatorB, team.director];
  const self = staffOf(team, caller);
  const forbiddenEmails = [...staff.filter((member) => member !== self).flatMap(emailsOf), ...(caller === 'unlinkedAccount' ? [] : [team.unlinkedAccountEmail])];

  if (caller === 'director') return { forbiddenEmails, sensitiveAllowed: null };
  if (caller === 'negotiatorA' || caller === 'negotiatorB') {
    const owned = await ownedDocumentIds(strapi, team[caller].id);
    return { forbiddenEmails, sensitiveAllowed: (documentId) => owned.has(documentId) };
  }
  return { forbiddenEmails, sensitiveAllowed: () => false };
}
