import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { ContactSummary } from '../../shared/contracts';
import { RESERVATION_POPULATE, reservationRow, toReservationSummary } from './negotiations';
import { CONTACT_FIELDS, contactName, contactRef, instant, parseRows, staff, STAFF_FIELDS } from './rows';
import { staffName, type Viewer } from './viewer';

const contactRow = z.object({
  id: z.number(),
  documentId: z.string(),
  fullName: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  owner: staff,
  negotiations: z
    .array(
      z.object({
        id: z.number(),
        documentId: z.string(),
        subject: z.string().nullish(),
        phase: z.string().nullish(),
        negotiationStatus: z.string().nullish(),
        createdAt: instant,
        owner: staff,
      }),
    )
    .default([]),
});

const activityRow = z.object({
  documentId: z.string(),
  kind: z.string(),
  subject: z.string(),
  activityStatus: z.string(),
  priority: z.string(),
  dueAt: instant.nullish().transform((value) => value ?? null),
  negotiation: z.object({ subject: z.string().nullish() }).nullish(),
});

/** Reads a contact's history panel: négos, activities and reservations. */
export function createContactHistory(strapi: Core.Strapi) {
  async function summary(viewer: Viewer, documentId: string): Promise<ContactSummary> {
    const row: unknown = await strapi.db.query('api::contact.contact').findOne({
      where: { documentId },
      populate: {
        owner: { select: STAFF_FIELDS },
        negotiations: { select: ['id', 'documentId', 'subject', 'phase', 'negotiationStatus', 'createdAt'], populate: { owner: { select: STAFF_FIELDS } } },
      },
    });
    if (!row) throw new errors.NotFoundError(`Contact introuvable : ${documentId}.`, { code: 'CONTACT_NOT_FOUND' });
    const contact = contactRow.parse(row);

    const followsContact = contact.owner?.id === viewer.id || contact.negotiations.some((negotiation) => negotiation.owner?.id === viewer.id);
    if (!viewer.seesTeam && !followsContact) {
      throw new errors.PolicyError("Ce contact est suivi par un autre négociateur : son historique ne vous est pas accessible.", { code: 'CONTACT_NOT_YOURS' });
    }

    const activities = parseRows(
      activityRow,
      await strapi.db.query('api::activity.activity').findMany({
        where: { contact: { id: contact.id } },
        populate: { negotiation: { select: ['id', 'subject'] } },
        orderBy: [{ dueAt: 'desc' }, { id: 'desc' }],
        limit: 100,
      }),
    );
    const negotiationIds = contact.negotiations.map((negotiation) => negotiation.id);
    const reservations =
      negotiationIds.length === 0
        ? []
        : parseRows(
            reservationRow,
            await strapi.db.query('api::reservation.reservation').findMany({
              where: { negotiation: { id: { $in: negotiationIds } } },
              populate: RESERVATION_POPULATE,
              orderBy: [{ createdAt: 'desc' }],
            }),
          );

    return {
      documentId: contact.documentId,
      fullName: contactName(contactRef.parse(contact)),
      negotiations: contact.negotiations
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map((negotiation) => ({
          documentId: negotiation.documentId,
          subject: negotiation.subject ?? null,
          phase: negotiation.phase ?? 'need',
          status: negotiation.negotiationStatus ?? 'open',
          createdAt: negotiation.createdAt.toISOString(),
          buyerName: contactName(contactRef.parse(contact)),
          ownerName: staffName(negotiation.owner),
        })),
      activities: activities.map((activity) => ({
        documentId: activity.documentId,
        kind: activity.kind,
        subject: activity.subject,
        status: activity.activityStatus,
        priority: activity.priority,
        dueAt: activity.dueAt ? activity.dueAt.toISOString() : null,
        negotiationSubject: activity.negotiation?.subject ?? null,
      })),
      reservations: reservations.map(toReservationSummary),
    };
  }

  /** Creates an empty négo for the contact, owned by the viewer; the sales rules set its subject and phase. */
  async function createNegotiation(viewer: Viewer, documentId: string): Promise<{ documentId: string }> {
    await summary(viewer, documentId);
    const negotiation = await strapi.documents('api::negotiation.negotiation').create({ data: { buyer: documentId, owner: viewer.id } });
    strapi.log.info(`[crm-workspace] user ${viewer.id} created négo ${negotiation.documentId} for contact ${documentId}`);
    return { documentId: negotiation.documentId };
  }

  return { summary, createNegotiation };
}

export type ContactHistory = ReturnType<typeof createContactHistory>;
