import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { countByPhase, pipelineByPhaseAndOwner, pipelineByProgramme, reservationsByMonth, splitDueActivities } from '../../../../domain/dashboard';
import type { ActivityItem, DashboardResponse } from '../../shared/contracts';
import { RESERVATION_POPULATE, reservationRow, toReservationSummary } from './negotiations';
import { calendarDate, CONTACT_FIELDS, contactName, contactRef, decimal, instant, parseRows, PROGRAMME_FIELDS, programmeRef, staff, STAFF_FIELDS } from './rows';
import { staffName, type Viewer } from './viewer';

/** Months shown on the director's reservation chart, the current one included. */
const RESERVATION_MONTHS = 6;
const RECENT_RESERVATIONS = 8;

const activityRow = z.object({
  documentId: z.string(),
  kind: z.string(),
  subject: z.string(),
  priority: z.string(),
  activityStatus: z.string(),
  dueAt: instant.nullish().transform((value) => value ?? null),
  contact: contactRef,
  negotiation: z.object({ documentId: z.string(), subject: z.string().nullish() }).nullish(),
  owner: staff,
})
  // The dashboard rules read the activity's status under its domain name.
  .transform((row) => ({ ...row, status: row.activityStatus }));

const openNegotiationRow = z.object({
  id: z.number(),
  phase: z.string().nullish(),
  owner: staff,
  programme: programmeRef,
  propositions: z.array(z.object({ lot: z.object({ programme: programmeRef }).nullish() })).default([]),
});

/**
 * Programme a négo is about: the one of its active reservation's lots or, failing that, the
 * programme the buyer asked for, then the programme of the last lot proposed.
 */
function programmeOf(negotiation: z.infer<typeof openNegotiationRow>, reservedProgramme: string | undefined): string | null {
  if (reservedProgramme) return reservedProgramme;
  if (negotiation.programme) return negotiation.programme.name;
  const proposed = negotiation.propositions.map((proposition) => proposition.lot?.programme?.name).filter((name): name is string => Boolean(name));
  return proposed[proposed.length - 1] ?? null;
}

/** The deadlines stored on an open négo by the sales rules; a malformed value reads as none. */
const overdueDeadlineSource = z.object({
  documentId: z.string(),
  subject: z.string().nullish(),
  deadlines: z
    .array(z.object({ label: z.string(), dueDate: z.string().nullish(), state: z.string(), explanation: z.string() }))
    .nullish()
    .catch(null),
});

export function createDashboard(strapi: Core.Strapi) {
  async function pendingActivities(viewer: Viewer): Promise<Array<z.infer<typeof activityRow>>> {
    const rows = await strapi.db.query('api::activity.activity').findMany({
      where: { owner: { id: viewer.id }, activityStatus: { $in: ['todo', 'in_progress'] }, dueAt: { $notNull: true } },
      populate: {
        contact: { select: CONTACT_FIELDS },
        negotiation: { select: ['id', 'documentId', 'subject'] },
        owner: { select: STAFF_FIELDS },
      },
      orderBy: { dueAt: 'asc' },
      limit: 500,
    });
    return parseRows(activityRow, rows);
  }

  function toActivityItem(row: z.infer<typeof activityRow>): ActivityItem {
    return {
      documentId: row.documentId,
      kind: row.kind,
      subject: row.subject,
      priority: row.priority,
      status: row.activityStatus,
      dueAt: row.dueAt ? row.dueAt.toISOString() : null,
      contactName: contactName(row.contact),
      negotiation: row.negotiation ? { documentId: row.negotiation.documentId, subject: row.negotiation.subject ?? null } : null,
      ownerName: staffName(row.owner),
    };
  }

  async function team(now: Date): Promise<NonNullable<DashboardResponse['team']>> {
    const negotiations = parseRows(
      openNegotiationRow,
      await strapi.db.query('api::negotiation.negotiation').findMany({
        where: { negotiationStatus: 'open' },
        select: ['id', 'phase'],
        populate: {
          owner: { select: STAFF_FIELDS },
          programme: { select: PROGRAMME_FIELDS },
          propositions: { select: ['id'], populate: { lot: { select: ['id'], populate: { programme: { select: PROGRAMME_FIELDS } } } } },
        },
      }),
    );

    const reservations = parseRows(
      z.object({
        reservationStatus: z.string(),
        contractPrice: decimal,
        signatureDate: calendarDate,
        createdAt: instant,
        negotiation: z.object({ id: z.number() }).nullish(),
        lots: z.array(z.object({ programme: programmeRef })).default([]),
      }),
      await strapi.db.query('api::reservation.reservation').findMany({
        select: ['id', 'reservationStatus', 'contractPrice', 'signatureDate', 'createdAt'],
        populate: { negotiation: { select: ['id'] }, lots: { select: ['id'], populate: { programme: { select: PROGRAMME_FIELDS } } } },
      }),
    );
    const reservedProgramme = new Map<number, string>();
    for (const reservation of reservations) {
      const name = reservation.lots[0]?.programme?.name;
      if (reservation.reservationStatus === 'active' && reservation.negotiation && name) reservedProgramme.set(reservation.negotiation.id, name);
    }

    const rows = negotiations.map((negotiation) => ({
      phase: negotiation.phase ?? 'need',
      ownerName: staffName(negotiation.owner) ?? 'Sans négociateur',
      programmeName: programmeOf(negotiation, reservedProgramme.get(negotiation.id)),
    }));
    // A cancelled reservation is a sale that did not happen, so it does not count in the month.
    const signed = reservations.filter((reservation) => reservation.reservationStatus !== 'cancelled');

    return {
      pipelineByPhase: pipelineByPhaseAndOwner(rows),
      owners: [...new Set(rows.map((row) => row.ownerName))].sort((a, b) => a.localeCompare(b, 'fr')),
      pipelineByProgramme: pipelineByProgramme(rows, 'Programme non choisi'),
      reservationsByMonth: reservationsByMonth(signed, now, RESERVATION_MONTHS),
    };
  }

  /** Builds the home dashboard of the viewer: their own work, plus the team's for the director. */
  async function build(viewer: Viewer, now: Date = new Date()): Promise<DashboardResponse> {
    const ownNegotiations = await strapi.db.query('api::negotiation.negotiation').findMany({
      where: { negotiationStatus: 'open', owner: { id: viewer.id } },
      select: ['id', 'documentId', 'subject', 'phase', 'deadlines'],
    });
    const phases = parseRows(z.object({ phase: z.string().nullish().transform((value) => value ?? 'need') }), ownNegotiations);
    const overdueDeadlines = parseRows(overdueDeadlineSource, ownNegotiations)
      .flatMap((negotiation) =>
        (negotiation.deadlines ?? [])
          .filter((deadline) => deadline.state === 'overdue')
          .map((deadline) => ({
            negotiationDocumentId: negotiation.documentId,
            negotiationSubject: negotiation.subject ?? null,
            label: deadline.label,
            dueDate: deadline.dueDate ?? null,
            explanation: deadline.explanation,
          })),
      )
      .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));

    const { overdue, today } = splitDueActivities(await pendingActivities(viewer), now);

    const reservationWhere: Record<string, unknown> = { reservationStatus: 'active' };
    if (!viewer.seesTeam) reservationWhere.negotiation = { owner: { id: viewer.id } };
    const recent = parseRows(
      reservationRow,
      await strapi.db.query('api::reservation.reservation').findMany({
        where: reservationWhere,
        populate: RESERVATION_POPULATE,
        orderBy: [{ createdAt: 'desc' }],
        limit: RECENT_RESERVATIONS,
      }),
    );

    return {
      viewer: { name: viewer.name, seesTeam: viewer.seesTeam },
      openByPhase: countByPhase(phases),
      overdueActivities: overdue.map(toActivityItem),
      todayActivities: today.map(toActivityItem),
      overdueDeadlines,
      recentReservations: recent.map(toReservationSummary),
      team: viewer.seesTeam ? await team(now) : null,
    };
  }

  return { build };
}
