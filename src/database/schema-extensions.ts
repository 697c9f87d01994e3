import type { Core } from '@strapi/strapi';

/**
 * Indexes of the lists the access rules narrow. Strapi indexes each column of a link table
 * alone, while an index on (owner, record) lets PostgreSQL read a négociateur's records from
 * the index only, and (negotiation_status, id) serves « Mes négos ouvertes » and its count.
 * The REST lists sort by id (see src/access/rest.ts), hence id second. Measured in
 * docs/benchmarks/access.md.
 */
const ACCESS_INDEXES = [
  `create index if not exists negotiations_owner_lnk_user_negotiation_idx on negotiations_owner_lnk (user_id, negotiation_id)`,
  `create index if not exists contacts_owner_lnk_user_contact_idx on contacts_owner_lnk (user_id, contact_id)`,
  `create index if not exists activities_owner_lnk_user_activity_idx on activities_owner_lnk (user_id, activity_id)`,
  `create index if not exists negotiations_open_id_idx on negotiations (negotiation_status, id)`,
  `create index if not exists lots_programme_lnk_programme_lot_idx on lots_programme_lnk (programme_id, lot_id)`,
];

/**
 * Database objects that Strapi's content-type schemas cannot express. Strapi runs the files of
 * database/migrations before it creates its own tables, so on a new database a migration could
 * not refer to them; these statements run at every start instead, after Strapi's schema sync,
 * and are idempotent. Strapi leaves tables and indexes it did not create alone.
 */
const STATEMENTS: Record<'postgres' | 'sqlite', string[]> = {
  postgres: [
    `create table if not exists lot_holds (
       id bigserial primary key,
       lot_id integer not null references lots(id) on delete cascade,
       negotiation_id integer not null references negotiations(id) on delete cascade,
       reservation_id integer references reservations(id) on delete set null,
       kind varchar(16) not null check (kind in ('option', 'reservation', 'sale')),
       expires_at timestamptz,
       created_at timestamptz not null default now(),
       released_at timestamptz,
       release_reason varchar(32)
     )`,
    // The one rule no race can break: a lot has at most one active hold.
    `create unique index if not exists lot_holds_one_active_uq on lot_holds (lot_id) where released_at is null`,
    `create index if not exists lot_holds_negotiation_idx on lot_holds (negotiation_id) where released_at is null`,
    `create index if not exists lot_holds_expiry_idx on lot_holds (expires_at) where released_at is null and kind = 'option'`,
    ...ACCESS_INDEXES,
  ],
  sqlite: [
    `create table if not exists lot_holds (
       id integer primary key autoincrement,
       lot_id integer not null references lots(id) on delete cascade,
       negotiation_id integer not null references negotiations(id) on delete cascade,
       reservation_id integer references reservations(id) on delete set null,
       kind varchar(16) not null check (kind in ('option', 'reservation', 'sale')),
       expires_at datetime,
       created_at datetime not null default current_timestamp,
       released_at datetime,
       release_reason varchar(32)
     )`,
    `create unique index if not exists lot_holds_one_active_uq on lot_holds (lot_id) where released_at is null`,
    `create index if not exists lot_holds_negotiation_idx on lot_holds (negotiation_id) where released_at is null`,
    ...ACCESS_INDEXES,
  ],
};

export type DatabaseClient = 'postgres' | 'sqlite';

export function databaseClient(strapi: Core.Strapi): DatabaseClient {
  const client = strapi.db.config.connection.client;
  if (client === 'postgres' || client === 'pg') return 'postgres';
  if (client === 'sqlite' || client === 'better-sqlite3' || client === 'sqlite3') return 'sqlite';
  throw new Error(`Unsupported database client: ${String(client)} (use PostgreSQL or SQLite)`);
}

export async function ensureSchemaExtensions(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const statement of STATEMENTS[databaseClient(strapi)]) {
    await knex.raw(statement);
  }
}
