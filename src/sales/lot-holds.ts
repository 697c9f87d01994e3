import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { deriveLotSalesStatus, LOT_SALES_STATUS_LABELS_FR } from '../domain/lots';
import type { CrmLotHold, GpsLotStatus } from '../domain/lots/types';
import { currentConnection } from './connection';
import { conflict } from './errors';

/** Kind of a row of lot_holds: a signed deed is stored as `sale`. */
export type HoldKind = 'option' | 'reservation' | 'sale';

export interface LotSummary {
  id: number;
  documentId: string;
  reference: string;
  gpsKey: string;
  programmeId: number | null;
  programmeName: string | null;
  salesStatus: string;
  gpsStatus: string | null;
}

interface HolderRow {
  kind: HoldKind;
  negotiation_id: number;
  document_id: string | null;
  subject: string | null;
}

const HOLD_TO_CRM: Record<HoldKind, CrmLotHold> = { option: 'option', reservation: 'reservation', sale: 'deed' };

const HOLD_LABEL_FR: Record<HoldKind, string> = { option: 'optionné', reservation: 'réservé', sale: 'vendu' };

function statusLabel(status: string): string {
  const labels: Readonly<Record<string, string>> = LOT_SALES_STATUS_LABELS_FR;
  return labels[status] ?? status;
}

function parseHoldKind(value: unknown): HoldKind {
  if (value === 'option' || value === 'reservation' || value === 'sale') return value;
  throw new Error(`Unknown lot hold kind in lot_holds: ${String(value)}`);
}

function gpsStatusOf(value: unknown): GpsLotStatus | null {
  switch (value) {
    case 'available':
    case 'optioned':
    case 'reserved':
    case 'sold':
    case 'blocked':
      return value;
    default:
      return null;
  }
}

/** Lot holds: options, reservations and deeds on lots, guarded by a unique partial index. */
export function createLotHolds(strapi: Core.Strapi) {
  const connection = async (trx?: Knex.Transaction): Promise<Knex> => trx ?? currentConnection(strapi);

  async function findLots(lotIds: number[], trx?: Knex.Transaction): Promise<LotSummary[]> {
    if (lotIds.length === 0) return [];
    const rows = await (await connection(trx))('lots')
      .leftJoin('lots_programme_lnk as link', 'link.lot_id', 'lots.id')
      .leftJoin('programmes', 'programmes.id', 'link.programme_id')
      .whereIn('lots.id', lotIds)
      .select(
        'lots.id',
        'lots.document_id',
        'lots.reference',
        'lots.gps_key',
        'lots.sales_status',
        'lots.gps_status',
        'programmes.id as programme_id',
        'programmes.name as programme_name',
      );
    return rows.map((row) => ({
      id: Number(row.id),
      documentId: String(row.document_id),
      reference: String(row.reference),
      gpsKey: String(row.gps_key),
      programmeId: row.programme_id === null ? null : Number(row.programme_id),
      programmeName: row.programme_name ?? null,
      salesStatus: String(row.sales_status),
      gpsStatus: row.gps_status ?? null,
    }));
  }

  async function activeHolder(lotId: number, trx?: Knex.Transaction): Promise<HolderRow | null> {
    const row = await (await connection(trx))('lot_holds')
      .leftJoin('negotiations', 'negotiations.id', 'lot_holds.negotiation_id')
      .where('lot_holds.lot_id', lotId)
      .whereNull('lot_holds.released_at')
      .first('lot_holds.kind', 'lot_holds.negotiation_id', 'negotiations.document_id', 'negotiations.subject');
    return row ?? null;
  }

  function unavailable(lot: LotSummary, holder: HolderRow | null) {
    const where = lot.programmeName ? ` du programme ${lot.programmeName}` : '';
    if (!holder) {
      return conflict(
        'LOT_NOT_AVAILABLE',
        `Le lot ${lot.reference}${where} n'est pas disponible (statut : ${statusLabel(lot.salesStatus)}) : choisissez un autre lot.`,
        { lot: { documentId: lot.documentId, reference: lot.reference } },
      );
    }
    const subject = holder.subject ? `« ${holder.subject} »` : `n° ${holder.negotiation_id}`;
    return conflict(
      'LOT_NOT_AVAILABLE',
      `Le lot ${lot.reference}${where} n'est plus disponible : il est ${HOLD_LABEL_FR[holder.kind]} par la négo ${subject}. Choisissez un autre lot.`,
      {
        lot: { documentId: lot.documentId, reference: lot.reference },
        heldBy: { documentId: holder.document_id, subject: holder.subject, kind: holder.kind },
      },
    );
  }

  /** Recomputes the sales status of the given lots from their active holds and GPS status. */
  async function refreshLotStatuses(lotIds: number[], trx?: Knex.Transaction): Promise<void> {
    if (lotIds.length === 0) return;
    const lots = await findLots(lotIds, trx);
    const holds = await (await connection(trx))('lot_holds').whereIn('lot_id', lotIds).whereNull('released_at').select('lot_id', 'kind');
    const holdByLot = new Map<number, HoldKind>(holds.map((row) => [Number(row.lot_id), parseHoldKind(row.kind)]));

    for (const lot of lots) {
      const hold = holdByLot.get(lot.id);
      const status = deriveLotSalesStatus({
        offeredByGps: lot.gpsStatus !== 'missing',
        gpsStatus: gpsStatusOf(lot.gpsStatus),
        crmHold: hold ? HOLD_TO_CRM[hold] : null,
      });
      if (status !== lot.salesStatus) {
        await (await connection(trx))('lots').where('id', lot.id).update({ sales_status: status, updated_at: new Date() });
      }
    }
  }

  /**
   * Holds every lot for the négo, or none: the first lot already held by another négo
   * raises a 409 LOT_NOT_AVAILABLE naming it and its holder. An option of the same négo on
   * a lot is turned into the new hold. Must run inside the caller's transaction.
   */
  async function hold(
    input: { lotIds: number[]; negotiationId: number; kind: HoldKind; reservationId?: number | null; expiresAt?: Date | null },
    trx: Knex.Transaction,
  ): Promise<void> {
    const lots = await findLots(input.lotIds, trx);

    for (const lot of lots) {
      await trx('lot_holds')
        .where({ lot_id: lot.id, negotiation_id: input.negotiationId, kind: 'option' })
        .whereNull('released_at')
        .update({ released_at: new Date(), release_reason: input.kind === 'option' ? 'renewed' : 'converted' });

      const holdable = lot.salesStatus === 'available' || lot.salesStatus === 'optioned';
      if (!holdable) {
        const holder = await activeHolder(lot.id, trx);
        throw unavailable(lot, holder);
      }

      // ON CONFLICT … DO NOTHING waits for a concurrent insert of the same lot to commit or
      // roll back, so exactly one of two racing requests gets a row back.
      const inserted = await trx.raw(
        `insert into lot_holds (lot_id, negotiation_id, reservation_id, kind, expires_at)
         values (?, ?, ?, ?, ?)
         on conflict (lot_id) where released_at is null do nothing
         returning id`,
        [lot.id, input.negotiationId, input.reservationId ?? null, input.kind, input.expiresAt ?? null],
      );
      const rows: unknown[] = Array.isArray(inserted) ? inserted : inserted.rows;
      if (rows.length === 0) {
        throw unavailable(lot, await activeHolder(lot.id, trx));
      }
    }

    await refreshLotStatuses(input.lotIds, trx);
  }

  async function release(
    where: { negotiationId?: number; reservationId?: number; lotIds?: number[]; kinds?: HoldKind[] },
    reason: string,
    trx?: Knex.Transaction,
  ): Promise<number[]> {
    const query = (await connection(trx))('lot_holds').whereNull('released_at');
    if (where.negotiationId !== undefined) query.where('negotiation_id', where.negotiationId);
    if (where.reservationId !== undefined) query.where('reservation_id', where.reservationId);
    if (where.lotIds) query.whereIn('lot_id', where.lotIds);
    if (where.kinds) query.whereIn('kind', where.kinds);

    const released = await query.clone().select('lot_id');
    const lotIds = released.map((row) => Number(row.lot_id));
    if (lotIds.length === 0) return [];

    await query.update({ released_at: new Date(), release_reason: reason });
    await refreshLotStatuses(lotIds, trx);
    return lotIds;
  }

  /** Turns the négo's reservation holds into sales (deed signed), or back (deed date cleared). */
  async function setSold(negotiationId: number, sold: boolean, trx?: Knex.Transaction): Promise<void> {
    const from: HoldKind = sold ? 'reservation' : 'sale';
    const to: HoldKind = sold ? 'sale' : 'reservation';
    const rows = await (await connection(trx))('lot_holds').where({ negotiation_id: negotiationId, kind: from }).whereNull('released_at').select('lot_id');
    if (rows.length === 0) return;
    await (await connection(trx))('lot_holds').where({ negotiation_id: negotiationId, kind: from }).whereNull('released_at').update({ kind: to });
    await refreshLotStatuses(rows.map((row) => Number(row.lot_id)), trx);
  }

  /** Releases options whose expiry date has passed; returns the lots set free. */
  async function releaseExpiredOptions(now: Date = new Date()): Promise<number[]> {
    return strapi.db.transaction(async ({ trx: transaction }) => {
      const trx: Knex.Transaction = transaction;
      const expired = await trx('lot_holds')
        .where('kind', 'option')
        .whereNull('released_at')
        .where('expires_at', '<', now)
        .select<Array<{ id: number; lot_id: number }>>('id', 'lot_id');
      if (expired.length === 0) return [];
      await trx('lot_holds')
        .whereIn('id', expired.map((row) => row.id))
        .whereNull('released_at')
        .update({ released_at: now, release_reason: 'expired' });
      const lotIds = expired.map((row) => Number(row.lot_id));
      await refreshLotStatuses(lotIds, trx);
      return lotIds;
    });
  }

  async function activeHoldsOfNegotiation(negotiationId: number, trx?: Knex.Transaction) {
    const rows = await (await connection(trx))('lot_holds').where('negotiation_id', negotiationId).whereNull('released_at').select('lot_id', 'kind', 'reservation_id');
    return rows.map((row) => ({ lotId: Number(row.lot_id), kind: parseHoldKind(row.kind), reservationId: row.reservation_id === null ? null : Number(row.reservation_id) }));
  }

  return { findLots, activeHolder, hold, release, setSold, refreshLotStatuses, releaseExpiredOptions, activeHoldsOfNegotiation, unavailable };
}

export type LotHolds = ReturnType<typeof createLotHolds>;
