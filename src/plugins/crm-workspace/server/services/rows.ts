import { z } from 'zod';

/**
 * Schemas of the database rows the workspace reads through `strapi.db.query`, which returns
 * untyped objects. Decimals come back as strings on PostgreSQL and numbers on SQLite.
 */
export const decimal = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value === '' ? null : Number(value)));

export const instant = z
  .union([z.date(), z.string()])
  .transform((value) => (value instanceof Date ? value : new Date(value)));

/** A date attribute, as yyyy-mm-dd. PostgreSQL's driver may return a Date at midnight UTC. */
export const calendarDate = z
  .union([z.date(), z.string()])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
  });

export const staff = z.object({ id: z.number(), firstname: z.string().nullish(), lastname: z.string().nullish(), email: z.string().nullish() }).nullish();

export const programmeRef = z
  .object({ id: z.number(), documentId: z.string(), name: z.string(), city: z.string().nullish(), department: z.string().nullish() })
  .nullish();

export const lotRow = z.object({
  id: z.number(),
  documentId: z.string(),
  reference: z.string(),
  kind: z.string(),
  typology: z.string().nullish(),
  rooms: z.number().nullish(),
  floor: z.number().nullish(),
  livingArea: decimal,
  price: decimal,
  salesStatus: z.string(),
  orientation: z.string().nullish(),
  programme: programmeRef,
});
export type LotRow = z.infer<typeof lotRow>;

export const contactRef = z
  .object({ id: z.number(), documentId: z.string(), fullName: z.string().nullish(), firstName: z.string().nullish(), lastName: z.string().nullish() })
  .nullish();

export function contactName(contact: z.infer<typeof contactRef>): string | null {
  if (!contact) return null;
  return contact.fullName || [contact.firstName, contact.lastName].filter(Boolean).join(' ') || null;
}

/** Parses every row with the schema; a row that does not fit is a programming error, so it throws. */
export function parseRows<T extends z.ZodTypeAny>(schema: T, rows: unknown): Array<z.infer<T>> {
  return z.array(schema).parse(rows);
}

export const LOT_FIELDS = ['id', 'documentId', 'reference', 'kind', 'typology', 'rooms', 'floor', 'livingArea', 'price', 'salesStatus', 'orientation'];
export const PROGRAMME_FIELDS = ['id', 'documentId', 'name', 'city', 'department'];
export const STAFF_FIELDS = ['id', 'firstname', 'lastname', 'email'];
export const CONTACT_FIELDS = ['id', 'documentId', 'fullName', 'firstName', 'lastName'];
