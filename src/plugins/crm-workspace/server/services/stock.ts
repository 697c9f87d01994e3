import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { ProgrammeLotsResponse, ProgrammeStock } from '../../shared/contracts';
import { toLotSummary } from './lots';
import { calendarDate, LOT_FIELDS, lotRow, parseRows, PROGRAMME_FIELDS } from './rows';

const programmeRow = z.object({
  id: z.number(),
  documentId: z.string(),
  name: z.string(),
  city: z.string().nullish(),
  plannedDeliveryDate: calendarDate,
});

/** Reads the stock screen's data: programmes in commercialisation and their lots. */
export function createStock(strapi: Core.Strapi) {
  async function counts(): Promise<Map<number, { total: number; available: number }>> {
    const rows: unknown = await strapi.db
      .connection('lots')
      .join('lots_programme_lnk as link', 'link.lot_id', 'lots.id')
      .groupBy('link.programme_id')
      .select('link.programme_id as programme_id')
      .count({ total: '*' })
      .select(strapi.db.connection.raw("sum(case when lots.sales_status = 'available' then 1 else 0 end) as available"));
    const parsed = z
      .array(z.object({ programme_id: z.coerce.number(), total: z.coerce.number(), available: z.coerce.number().nullable().transform((value) => value ?? 0) }))
      .parse(rows);
    return new Map(parsed.map((row) => [row.programme_id, { total: row.total, available: row.available }]));
  }

  async function programmes(): Promise<ProgrammeStock[]> {
    const rows = parseRows(
      programmeRow,
      await strapi.db.query('api::programme.programme').findMany({
        where: { commercialisationStatus: 'selling' },
        select: ['id', 'documentId', 'name', 'city', 'plannedDeliveryDate'],
        orderBy: { name: 'asc' },
      }),
    );
    const lotCounts = await counts();
    return rows.map((row) => ({
      documentId: row.documentId,
      name: row.name,
      city: row.city ?? null,
      plannedDeliveryDate: row.plannedDeliveryDate,
      lotCount: lotCounts.get(row.id)?.total ?? 0,
      availableCount: lotCounts.get(row.id)?.available ?? 0,
    }));
  }

  async function lotsOf(documentId: string): Promise<ProgrammeLotsResponse> {
    const row: unknown = await strapi.db
      .query('api::programme.programme')
      .findOne({ where: { documentId }, select: ['id', 'documentId', 'name', 'city', 'plannedDeliveryDate'] });
    if (!row) throw new errors.NotFoundError(`Programme introuvable : ${documentId}.`, { code: 'PROGRAMME_NOT_FOUND' });
    const programme = programmeRow.parse(row);

    const lots = parseRows(
      lotRow,
      await strapi.db.query('api::lot.lot').findMany({
        where: { programme: { id: programme.id } },
        select: LOT_FIELDS,
        populate: { programme: { select: PROGRAMME_FIELDS } },
        orderBy: [{ floor: 'asc' }, { reference: 'asc' }],
      }),
    );
    return {
      programme: {
        documentId: programme.documentId,
        name: programme.name,
        city: programme.city ?? null,
        plannedDeliveryDate: programme.plannedDeliveryDate,
        lotCount: lots.length,
        availableCount: lots.filter((lot) => lot.salesStatus === 'available').length,
      },
      lots: lots.map(toLotSummary),
    };
  }

  return { programmes, lotsOf };
}
