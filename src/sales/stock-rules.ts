import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createDeadlineRules } from './deadlines';
import { conflict, invalidRequest } from './errors';
import { readDate, readRelation, readString } from './input';
import type { LotHolds } from './lot-holds';
import type { NegotiationRules } from './negotiation-rules';
import { relationIdAfter, relationIdsAfter } from './relations';
import { endOfParisDay, parisToday } from './paris-time';

type Params = Record<string, unknown>;

const MAX_OPTION_DAYS = 30;

function payload(params: Params): Record<string, unknown> {
  return typeof params.data === 'object' && params.data !== null ? { ...(params.data as object) } : {};
}

function idOf(value: unknown): number | null {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number' ? value.id : null;
}

function idsOf(value: unknown): number[] {
  return Array.isArray(value) ? value.map(idOf).filter((id): id is number => id !== null) : [];
}

/** Rules on propositions and reservations, which move lots and feed the négo's phase. */
export function createStockRules(strapi: Core.Strapi, holds: LotHolds, negotiations: NegotiationRules) {
  const deadlines = createDeadlineRules(strapi);

  async function openNegotiation(negotiationId: number | null) {
    if (negotiationId === null) {
      throw invalidRequest('NEGOTIATION_REQUIRED', 'Indiquez la négo concernée : son documentId est absent ou ne correspond à aucune négo.', { field: 'negotiation' });
    }
    const negotiation = await strapi.db
      .query('api::negotiation.negotiation')
      .findOne({ where: { id: negotiationId }, select: ['id', 'documentId', 'subject', 'negotiationStatus'] });
    if (!negotiation) throw invalidRequest('NEGOTIATION_NOT_FOUND', `La négo n° ${negotiationId} est introuvable.`);
    if (negotiation.negotiationStatus !== 'open') {
      throw conflict('NEGOTIATION_NOT_OPEN', `La négo « ${negotiation.subject ?? negotiation.documentId} » n'est plus ouverte : rouvrez-la avant de modifier ses lots.`);
    }
    return negotiation;
  }

  function optionExpiry(data: Record<string, unknown>): Date | null | undefined {
    if (!('optionUntil' in data)) return undefined;
    const date = readDate(data.optionUntil);
    if (date === null) return null;

    const today = parisToday();
    const latest = new Date(`${today}T00:00:00Z`);
    latest.setUTCDate(latest.getUTCDate() + MAX_OPTION_DAYS);
    const latestIso = latest.toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < today || date > latestIso) {
      throw invalidRequest(
        'OPTION_DATE_INVALID',
        `La date de fin d'option « ${String(data.optionUntil)} » n'est pas valable : choisissez une date entre aujourd'hui et ${latestIso.split('-').reverse().join('/')} (${MAX_OPTION_DAYS} jours au plus).`,
        { field: 'optionUntil' },
      );
    }
    return endOfParisDay(date);
  }

  async function onPropositionSave<R>(action: 'create' | 'update', params: Params, next: () => R): Promise<Awaited<R>> {
    const data = payload(params);
    const stored =
      action === 'update' && typeof params.documentId === 'string'
        ? await strapi.db.query('api::proposition.proposition').findOne({
            where: { documentId: params.documentId },
            populate: { negotiation: { select: ['id'] }, lot: { select: ['id'] } },
          })
        : null;
    if (action === 'update' && !stored) return await next();

    const negotiationId = await relationIdAfter(strapi, 'negotiations', idOf(stored?.negotiation), readRelation(data, 'negotiation'));
    const lotId = await relationIdAfter(strapi, 'lots', idOf(stored?.lot), readRelation(data, 'lot'));
    const lotChanged = stored ? lotId !== idOf(stored.lot) : true;
    const expiry = optionExpiry(data);

    if (lotChanged || expiry) {
      await openNegotiation(negotiationId);
      if (lotId === null) {
        throw invalidRequest('LOT_NOT_FOUND', `Le lot indiqué (${JSON.stringify(data.lot ?? null)}) est absent ou introuvable : indiquez le documentId d'un lot existant.`, { field: 'lot' });
      }
      const [lot] = await holds.findLots([lotId]);
      if (!lot) throw invalidRequest('LOT_NOT_FOUND', `Le lot n° ${lotId} est introuvable.`, { field: 'lot' });

      if (lotChanged) {
        const duplicate = await strapi.db
          .query('api::proposition.proposition')
          .findOne({ where: { negotiation: { id: negotiationId }, lot: { id: lotId } }, select: ['id'] });
        if (duplicate) {
          throw invalidRequest('PROPOSITION_DUPLICATE', `Le lot ${lot.reference} a déjà été proposé dans cette négo.`, { field: 'lot' });
        }
        const holder = await holds.activeHolder(lot.id);
        const heldHere = holder !== null && holder.negotiation_id === negotiationId;
        if (lot.salesStatus !== 'available' && !heldHere) throw holds.unavailable(lot, holder);
      }
    }

    params.data = data;
    return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }): Promise<Awaited<R>> => {
      const saved = await next();
      if (negotiationId !== null && lotId !== null && expiry !== undefined) {
        if (stored && idOf(stored.lot) !== null) {
          await holds.release({ negotiationId, lotIds: [Number(idOf(stored.lot))], kinds: ['option'] }, 'option_removed', trx);
        }
        if (expiry) await holds.hold({ lotIds: [lotId], negotiationId, kind: 'option', expiresAt: expiry }, trx);
      }
      if (negotiationId !== null) await negotiations.refresh(negotiationId);
      const previousNegotiation = idOf(stored?.negotiation);
      if (previousNegotiation !== null && previousNegotiation !== negotiationId) await negotiations.refresh(previousNegotiation);
      return saved;
    });
  }

  async function onPropositionDelete<R>(params: Params, next: () => R): Promise<Awaited<R>> {
    const stored =
      typeof params.documentId === 'string'
        ? await strapi.db.query('api::proposition.proposition').findOne({
            where: { documentId: params.documentId },
            populate: { negotiation: { select: ['id'] }, lot: { select: ['id'] } },
          })
        : null;
    const result = await next();
    const negotiationId = idOf(stored?.negotiation);
    const lotId = idOf(stored?.lot);
    if (negotiationId !== null) {
      if (lotId !== null) await holds.release({ negotiationId, lotIds: [lotId], kinds: ['option'] }, 'proposition_deleted');
      await negotiations.refresh(negotiationId);
    }
    return result;
  }

  async function checkReservedLotsWereProposed(negotiationId: number, lotIds: number[]) {
    const propositions = await strapi.db
      .query('api::proposition.proposition')
      .findMany({ where: { negotiation: { id: negotiationId } }, populate: { lot: { select: ['id'] } } });
    const proposedLots = await holds.findLots(propositions.map((p: { lot?: unknown }) => idOf(p.lot)).filter((id: number | null): id is number => id !== null));
    if (proposedLots.length === 0) {
      throw invalidRequest('LOT_OTHER_PROGRAMME', "Aucun lot n'a été proposé dans cette négo : proposez d'abord le lot à l'acquéreur, puis réservez-le.", {
        field: 'lots',
      });
    }
    const programmes = new Set(proposedLots.map((lot) => lot.programmeId));
    const lots = await holds.findLots(lotIds);
    if (lots.length !== lotIds.length) {
      throw invalidRequest('LOT_NOT_FOUND', 'Un des lots à réserver est introuvable : vérifiez la liste des lots.', { field: 'lots' });
    }
    const outside = lots.find((lot) => !programmes.has(lot.programmeId));
    if (outside) {
      const proposedNames = [...new Set(proposedLots.map((lot) => lot.programmeName ?? 'sans programme'))].join(', ');
      throw invalidRequest(
        'LOT_OTHER_PROGRAMME',
        `Le lot ${outside.reference} appartient au programme ${outside.programmeName ?? 'inconnu'}, alors que les lots proposés dans cette négo sont du programme ${proposedNames} : proposez d'abord ce lot à l'acquéreur.`,
        { field: 'lots', lot: { documentId: outside.documentId, reference: outside.reference } },
      );
    }
  }

  async function onReservationSave<R>(action: 'create' | 'update', params: Params, next: () => R): Promise<Awaited<R>> {
    const data = payload(params);
    const stored =
      action === 'update' && typeof params.documentId === 'string'
        ? await strapi.db.query('api::reservation.reservation').findOne({
            where: { documentId: params.documentId },
            populate: { negotiation: { select: ['id'] }, lots: { select: ['id'] } },
          })
        : null;
    if (action === 'update' && !stored) return await next();

    const storedStatus = stored ? readString(stored.reservationStatus) : null;
    const status = readString(data.reservationStatus) ?? storedStatus ?? 'active';
    if (storedStatus === 'cancelled' && status !== 'cancelled') {
      throw invalidRequest('RESERVATION_CANCELLED', 'Cette réservation est annulée et ne peut pas être réactivée : créez une nouvelle réservation.', {
        field: 'reservationStatus',
      });
    }

    const negotiationId = await relationIdAfter(strapi, 'negotiations', idOf(stored?.negotiation), readRelation(data, 'negotiation'));
    if (stored && negotiationId !== idOf(stored.negotiation)) {
      throw invalidRequest('NEGOTIATION_REQUIRED', "Une réservation ne change pas de négo : annulez-la et créez-en une dans l'autre négo.", {
        field: 'negotiation',
      });
    }
    const storedLots = idsOf(stored?.lots);
    const lotIds = await relationIdsAfter(strapi, 'lots', storedLots, readRelation(data, 'lots'));
    if (action === 'create' && status === 'cancelled') {
      throw invalidRequest('RESERVATION_CANCELLED', 'Une réservation se crée en cours (active) : annulez-la ensuite si besoin.', { field: 'reservationStatus' });
    }
    const cancelling = status === 'cancelled' && storedStatus !== 'cancelled';
    const addedLots = status === 'active' ? lotIds.filter((id) => !storedLots.includes(id)) : [];
    const removedLots = storedLots.filter((id) => !lotIds.includes(id));

    if (status === 'active') {
      const negotiation = await openNegotiation(negotiationId);
      if (lotIds.length === 0) throw invalidRequest('RESERVATION_LOTS_REQUIRED', 'Indiquez au moins un lot à réserver.', { field: 'lots' });
      if (action === 'create') {
        const active = await strapi.db
          .query('api::reservation.reservation')
          .findOne({ where: { negotiation: { id: negotiation.id }, reservationStatus: 'active' }, select: ['id'] });
        if (active) {
          throw conflict('RESERVATION_ALREADY_ACTIVE', 'Cette négo a déjà une réservation en cours : modifiez-la ou annulez-la avant d’en créer une autre.');
        }
      }
      if (addedLots.length > 0) await checkReservedLotsWereProposed(negotiation.id, addedLots);
      await deadlines.assertReservationSave({ stored, data, negotiationId: negotiation.id });
    }
    if (cancelling) data.cancelledAt = new Date();
    params.data = data;

    return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }): Promise<Awaited<R>> => {
      const saved = await next();
      const reservationId = idOf(saved) ?? idOf(stored);
      if (negotiationId === null || reservationId === null) return saved;

      if (cancelling) await holds.release({ reservationId }, 'cancelled', trx);
      else if (removedLots.length > 0) await holds.release({ reservationId, lotIds: removedLots }, 'lot_removed', trx);
      if (addedLots.length > 0) await holds.hold({ lotIds: addedLots, negotiationId, kind: 'reservation', reservationId }, trx);

      await negotiations.refresh(negotiationId);
      return saved;
    });
  }

  async function onReservationDelete<R>(params: Params, next: () => R): Promise<Awaited<R>> {
    const stored =
      typeof params.documentId === 'string'
        ? await strapi.db
            .query('api::reservation.reservation')
            .findOne({ where: { documentId: params.documentId }, populate: { negotiation: { select: ['id'] } } })
        : null;
    return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }): Promise<Awaited<R>> => {
      if (stored) await holds.release({ reservationId: Number(stored.id) }, 'deleted', trx);
      const result = await next();
      const negotiationId = idOf(stored?.negotiation);
      if (negotiationId !== null) await negotiations.refresh(negotiationId);
      return result;
    });
  }

  return { onPropositionSave, onPropositionDelete, onReservationSave, onReservationDelete };
}
