import type { Core, UID } from '@strapi/strapi';
import {
  NEGOTIATION_UID,
  negotiationDeletionProblem,
  ownerOnCreate,
  type Principal,
  readScope,
  relatedRecordNotFound,
  scopedRelations,
  withScope,
} from '../domain/access';
import { readRelation, type RelationRef } from '../sales/input';
import { accessRuntime } from './runtime';
import { accessError } from './schema';

const CRM_UIDS: readonly string[] = [
  'api::contact.contact',
  'api::negotiation.negotiation',
  'api::proposition.proposition',
  'api::reservation.reservation',
  'api::activity.activity',
];

function payloadOf(params: Record<string, unknown>): Record<string, unknown> {
  return typeof params.data === 'object' && params.data !== null ? { ...(params.data as object) } : {};
}

/** Refs a save links: set or connected ones. Disconnecting a record needs no right on it. */
function linkedRefs(data: Record<string, unknown>, field: string): RelationRef[] {
  const change = readRelation(data, field);
  switch (change.kind) {
    case 'unchanged':
      return [];
    case 'set':
      return change.refs;
    case 'patch':
      return change.connect;
  }
}

function describeRef(ref: RelationRef): string {
  return ref.documentId ?? String(ref.id);
}

/**
 * Registers the rules that depend on who saves a CRM record, from the admin panel, the
 * REST API or a script. They set the owner of a new record and check the records a save
 * links. They also decide who may delete a négo past the reservation phase.
 */
export function registerAccessDocumentRules(strapi: Core.Strapi): void {
  const runtime = accessRuntime(strapi);

  async function assertLinkedRecordsReachable(principal: Principal, uid: string, data: Record<string, unknown>): Promise<void> {
    for (const { field, target } of scopedRelations(runtime.lookup, principal, uid)) {
      const refs = linkedRefs(data, field);
      if (refs.length === 0) continue;

      const scope = readScope(principal, target);
      for (const ref of refs) {
        const where = ref.id !== undefined ? { id: { $eq: ref.id } } : { documentId: { $eq: ref.documentId } };
        const found = await strapi.db.query(target as UID.Schema).findOne({ where: withScope(where, scope), select: ['id'] });
        if (!found) throw accessError(relatedRecordNotFound(field, target, describeRef(ref)));
      }
    }
  }

  async function assertNegotiationDeletable(principal: Principal, documentId: string): Promise<void> {
    const stored: unknown = await strapi.db.query(NEGOTIATION_UID).findOne({ where: { documentId }, select: ['id', 'phase', 'negotiationStatus'] });
    if (typeof stored !== 'object' || stored === null || !('id' in stored)) return;
    const phase = 'phase' in stored && typeof stored.phase === 'string' ? stored.phase : null;
    const status = 'negotiationStatus' in stored && typeof stored.negotiationStatus === 'string' ? stored.negotiationStatus : null;
    const reservationCount = await strapi.db.query('api::reservation.reservation').count({ where: { negotiation: { id: Number(stored.id) } } });

    const problem = negotiationDeletionProblem(principal, { phase, status, reservationCount: Number(reservationCount) });
    if (problem) throw accessError(problem);
  }

  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!CRM_UIDS.includes(uid)) return next();
    const params: Record<string, unknown> = context.params;

    if (action === 'create' || action === 'update') {
      const principal = await runtime.principals.currentPrincipal();
      const data = payloadOf(params);
      await assertLinkedRecordsReachable(principal, uid, data);

      const owner = action === 'create' ? ownerOnCreate(principal, uid) : null;
      if (owner !== null && linkedRefs(data, 'owner').length === 0) {
        params.data = { ...data, owner };
      }
      return next();
    }

    if (action === 'delete' && uid === NEGOTIATION_UID && typeof params.documentId === 'string') {
      await assertNegotiationDeletable(await runtime.principals.currentPrincipal(), params.documentId);
    }
    return next();
  });
}
