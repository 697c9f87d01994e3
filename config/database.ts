import type { Core } from '@strapi/strapi';

import path from 'node:path';

/**
 * Selects the database: PostgreSQL when DATABASE_URL, DATABASE_CLIENT=postgres or
 * DATABASE_HOST is set, otherwise an SQLite file under .tmp/ (the embedded default).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const usePostgres =
    env('DATABASE_CLIENT', '') === 'postgres' || env('DATABASE_URL', '') !== '' || env('DATABASE_HOST', '') !== '';

  if (!usePostgres) {
    return {
      connection: {
        client: 'sqlite',
        connection: {
          filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
        },
        useNullAsDefault: true,
      },
    };
  }

  const url = env('DATABASE_URL', '');
  const connection = url
    ? { connectionString: url, schema: env('DATABASE_SCHEMA', 'public') }
    : {
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'crm'),
        user: env('DATABASE_USERNAME', 'postgres'),
        password: env('DATABASE_PASSWORD', ''),
        schema: env('DATABASE_SCHEMA', 'public'),
        ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false,
      };

  // A CRM database usually fits in the server's memory or on SSD storage, where a random page
  // read costs about as much as the next page. With PostgreSQL's default of 4, the planner walks
  // the négos in id order instead of reading the owner's range of an index
  // (docs/benchmarks/access.md). The PostgreSQL documentation gives 1.1 as an example for
  // solid-state drives. An empty value keeps the server's setting.
  const randomPageCost = env('DATABASE_RANDOM_PAGE_COST', '1.1').trim();
  if (randomPageCost !== '' && !(Number(randomPageCost) > 0)) {
    throw new Error(`DATABASE_RANDOM_PAGE_COST must be a positive number or empty, not "${randomPageCost}"`);
  }
  const sessionOptions = randomPageCost === '' ? {} : { options: `-c random_page_cost=${Number(randomPageCost)}` };

  return {
    connection: {
      client: 'postgres',
      connection: { ...connection, ...sessionOptions },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
  };
};
