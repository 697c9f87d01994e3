import { invalidRequest } from './errors';

/** Attributes no API client may write on any CRM type: Strapi and the sales rules set them. */
const SYSTEM_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale'];

/** Attributes computed by the sales rules or assigned by the application, per content type. */
export const READ_ONLY_FIELDS: Record<string, string[]> = {
  'api::negotiation.negotiation': ['phase', 'negotiationStatus', 'closedAt', 'missingForNextPhase', 'owner', 'phaseChanges', 'deadlines', 'depositRefund'],
  'api::contact.contact': ['fullName', 'owner'],
  'api::activity.activity': ['owner', 'deadlineKey'],
  'api::reservation.reservation': ['cancelledAt'],
  'api::proposition.proposition': [],
};

const FIELD_LABELS_FR: Record<string, string> = {
  phase: 'la phase de vente',
  negotiationStatus: 'le statut',
  closedAt: 'la date de clôture',
  missingForNextPhase: 'les informations manquantes',
  owner: 'le négociateur',
  phaseChanges: "l'historique des phases",
  fullName: 'le nom complet',
  cancelledAt: "la date d'annulation",
  deadlines: 'les échéances légales',
  depositRefund: 'le sort du dépôt de garantie',
  deadlineKey: "la clé de l'échéance suivie",
};

/**
 * Rejects a REST payload that writes a read-only attribute, instead of dropping it silently,
 * so an API client learns that its value was not taken.
 */
export function assertNoReadOnlyFields(uid: string, data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const forbidden = [...SYSTEM_FIELDS, ...(READ_ONLY_FIELDS[uid] ?? [])].filter((field) => field in data);
  if (forbidden.length === 0) return;

  const names = forbidden.map((field) => FIELD_LABELS_FR[field] ?? `« ${field} »`).join(', ');
  const hint = forbidden.includes('negotiationStatus')
    ? ' Pour fermer ou rouvrir une négo, utilisez les actions close et reopen.'
    : ' Retirez ces champs de la requête.';
  throw invalidRequest('READ_ONLY_FIELD', `Ces champs sont calculés par le CRM et ne peuvent pas être modifiés par l'API : ${names}.${hint}`, {
    fields: forbidden,
  });
}
