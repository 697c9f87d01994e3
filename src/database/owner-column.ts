import type { Core } from '@strapi/strapi';
import { NEGOTIATION_UID } from '../domain/access';
import { rewriteOwnerFilters } from './owner-filter';
import { NEGOTIATION_OWNER_COLUMN } from './schema-extensions';

interface QueryEvent {
  params: { where?: unknown };
}

function readOwnerColumn(event: QueryEvent): void {
  if (event.params.where !== undefined) {
    event.params.where = rewriteOwnerFilters(event.params.where, 'owner', NEGOTIATION_OWNER_COLUMN);
  }
}

/**
 * Points the négo queries that filter on one owner at the owner column the triggers keep
 * (see schema-extensions.ts): REST lists and their scope, `mine=true`, the admin's « est le
 * négociateur » condition, and the services. The database lifecycles are the last place where
 * the query can be changed before Strapi builds the SQL, after the document service has
 * checked and converted the filters.
 */
export function useNegotiationOwnerColumn(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [NEGOTIATION_UID],
    beforeFindMany: readOwnerColumn,
    beforeFindOne: readOwnerColumn,
    beforeCount: readOwnerColumn,
  });
}
