import type { Core } from '@strapi/strapi';
import { createLotHolds } from './lot-holds';
import { createNegotiationRules } from './negotiation-rules';
import { createStockRules } from './stock-rules';

type Action = 'create' | 'update' | 'delete';

function isWrite(action: string): action is Action {
  return action === 'create' || action === 'update' || action === 'delete';
}

function contactFullName(data: Record<string, unknown>, stored: Record<string, unknown> | null): string | null {
  const firstName = 'firstName' in data ? data.firstName : stored?.firstName;
  const lastName = 'lastName' in data ? data.lastName : stored?.lastName;
  const parts = [firstName, lastName].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * Builds the sales services and registers the document-service middleware that applies the
 * sales rules on every save, from the admin panel, the REST API or a script.
 */
export function registerSalesRules(strapi: Core.Strapi) {
  const holds = createLotHolds(strapi);
  const negotiations = createNegotiationRules(strapi, holds);
  const stock = createStockRules(strapi, holds, negotiations);

  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    const params: Record<string, unknown> = context.params;
    if (!isWrite(action)) return next();

    switch (uid) {
      case 'api::negotiation.negotiation':
        return action === 'delete' ? next() : negotiations.onSave(action, params, next);
      case 'api::proposition.proposition':
        return action === 'delete' ? stock.onPropositionDelete(params, next) : stock.onPropositionSave(action, params, next);
      case 'api::reservation.reservation':
        return action === 'delete' ? stock.onReservationDelete(params, next) : stock.onReservationSave(action, params, next);
      case 'api::contact.contact': {
        if (action === 'delete') return next();
        const data = typeof params.data === 'object' && params.data !== null ? { ...(params.data as object) } : {};
        const stored =
          action === 'update' && typeof params.documentId === 'string'
            ? await strapi.db.query('api::contact.contact').findOne({ where: { documentId: params.documentId }, select: ['firstName', 'lastName'] })
            : null;
        params.data = { ...data, fullName: contactFullName(data, stored) };
        return next();
      }
      default:
        return next();
    }
  });

  return { holds, negotiations, stock };
}

export type SalesServices = ReturnType<typeof registerSalesRules>;
