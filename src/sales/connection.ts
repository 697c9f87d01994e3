import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Returns the knex handle of the transaction under way, or the pool when there is none.
 * Strapi keeps its transaction in async-local storage, and raw knex queries on the pool would
 * not see rows that transaction has written but not yet committed.
 */
export async function currentConnection(strapi: Core.Strapi): Promise<Knex> {
  if (!strapi.db.inTransaction()) return strapi.db.connection;
  const transaction = await strapi.db.transaction();
  const trx: Knex.Transaction = transaction.get();
  return trx;
}
