import type { Core } from '@strapi/strapi';

/**
 * Column of `negotiations` that contains a copy of the négo's owner (its row in
 * negotiations_owner_lnk), kept by triggers on the link table. With it and an index on
 * (owner, status, id), « Mes négos ouvertes » and its count read one index range instead of
 * merging the owner's links with every open négo (see src/database/owner-filter.ts, which
 * points the owner filters at it). Strapi does not know the column and leaves it alone.
 */
export const NEGOTIATION_OWNER_COLUMN = 'crm_owner_id';

/** SQL for the owner of négo `id` in the link table, where a manyToOne relation has one link at most. */
const OWNER_OF = (id: string) => `(select l.user_id from negotiations_owner_lnk l where l.negotiation_id = ${id} limit 1)`;

/**
 * Triggers that keep the owner column equal to the link table on every write path: Strapi's
 * relation writes, SQL, and the cascades when a négo or an admin user is deleted. On PostgreSQL
 * they run once per statement over the changed rows, so that a bulk insert of links costs one
 * UPDATE and not one per row.
 */
const OWNER_COPY: Record<'postgres' | 'sqlite', string[]> = {
  postgres: [
    `create or replace function crm_copy_negotiation_owner() returns trigger language plpgsql as $$
     begin
       if tg_op <> 'DELETE' then
         update negotiations n set ${NEGOTIATION_OWNER_COLUMN} = added.user_id
         from added_links added
         where n.id = added.negotiation_id and n.${NEGOTIATION_OWNER_COLUMN} is distinct from added.user_id;
       end if;
       if tg_op <> 'INSERT' then
         update negotiations n set ${NEGOTIATION_OWNER_COLUMN} = ${OWNER_OF('n.id')}
         where n.id in (select removed.negotiation_id from removed_links removed)
           and n.${NEGOTIATION_OWNER_COLUMN} is distinct from ${OWNER_OF('n.id')};
       end if;
       return null;
     end $$`,
    // PostgreSQL allows transition tables on a trigger of one event only.
    ...[
      ['insert', 'new table as added_links'],
      ['update', 'old table as removed_links new table as added_links'],
      ['delete', 'old table as removed_links'],
    ].map(
      ([event, tables]) => `do $$ begin
         if not exists (select 1 from pg_trigger where tgname = 'negotiations_owner_lnk_crm_copy_${event}') then
           create trigger negotiations_owner_lnk_crm_copy_${event} after ${event} on negotiations_owner_lnk
             referencing ${tables} for each statement execute function crm_copy_negotiation_owner();
         end if;
       end $$`,
    ),
    // Catches up with links written while the triggers did not exist (a new column, a restore).
    `update negotiations set ${NEGOTIATION_OWNER_COLUMN} = ${OWNER_OF('negotiations.id')}
     where ${NEGOTIATION_OWNER_COLUMN} is distinct from ${OWNER_OF('negotiations.id')}`,
  ],
  sqlite: [
    `create trigger if not exists negotiations_owner_lnk_crm_copy_insert after insert on negotiations_owner_lnk begin
       update negotiations set ${NEGOTIATION_OWNER_COLUMN} = new.user_id where id = new.negotiation_id;
     end`,
    `create trigger if not exists negotiations_owner_lnk_crm_copy_update after update on negotiations_owner_lnk begin
       update negotiations set ${NEGOTIATION_OWNER_COLUMN} = ${OWNER_OF('old.negotiation_id')} where id = old.negotiation_id;
       update negotiations set ${NEGOTIATION_OWNER_COLUMN} = new.user_id where id = new.negotiation_id;
     end`,
    `create trigger if not exists negotiations_owner_lnk_crm_copy_delete after delete on negotiations_owner_lnk begin
       update negotiations set ${NEGOTIATION_OWNER_COLUMN} = ${OWNER_OF('old.negotiation_id')} where id = old.negotiation_id;
     end`,
    `update negotiations set ${NEGOTIATION_OWNER_COLUMN} = ${OWNER_OF('negotiations.id')}
     where ${NEGOTIATION_OWNER_COLUMN} is not ${OWNER_OF('negotiations.id')}`,
  ],
};

/**
 * Indexes of the lists the access rules narrow. Strapi indexes each column of a link table
 * alone, while an index on (owner, record) lets PostgreSQL read a négociateur's records from
 * the index only. (negotiation_status, id) serves the open négos of the whole team, and
 * (owner copy, negotiation_status, id) « Mes négos ouvertes » and its count. The REST lists
 * sort by id (see src/access/rest.ts), hence id last. Measured in docs/benchmarks/access.md.
 */
const ACCESS_INDEXES = [
  `create index if not exists negotiations_owner_lnk_user_negotiation_idx on negotiations_owner_lnk (user_id, negotiation_id)`,
  `create index if not exists contacts_owner_lnk_user_contact_idx on contacts_owner_lnk (user_id, contact_id)`,
  `create index if not exists activities_owner_lnk_user_activity_idx on activities_owner_lnk (user_id, activity_id)`,
  `create index if not exists negotiations_open_id_idx on negotiations (negotiation_status, id)`,
  `create index if not exists lots_programme_lnk_programme_lot_idx on lots_programme_lnk (programme_id, lot_id)`,
  `create index if not exists negotiations_crm_owner_status_idx on negotiations (${NEGOTIATION_OWNER_COLUMN}, negotiation_status, id)`,
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
    `alter table negotiations add column if not exists ${NEGOTIATION_OWNER_COLUMN} integer`,
    ...OWNER_COPY.postgres,
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
    ...OWNER_COPY.sqlite,
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
  const client = databaseClient(strapi);
  // SQLite has no `add column if not exists`.
  if (client === 'sqlite' && !(await knex.schema.hasColumn('negotiations', NEGOTIATION_OWNER_COLUMN))) {
    await knex.schema.alterTable('negotiations', (table) => table.integer(NEGOTIATION_OWNER_COLUMN));
  }
  for (const statement of STATEMENTS[client]) {
    await knex.raw(statement);
  }
}
