/** Stable machine codes of the access rules, sent in `error.details.code`. */
export type AccessProblemCode =
  | 'SENSITIVE_FIELD_FILTER'
  | 'FIELD_NOT_PUBLIC'
  | 'MINE_INVALID'
  | 'MINE_NOT_SUPPORTED'
  | 'MINE_REQUIRES_STAFF_ACCOUNT'
  | 'STAFF_ACCOUNT_REQUIRED'
  | 'RECORD_NOT_FOUND'
  | 'RELATED_RECORD_NOT_FOUND'
  | 'NEGOTIATION_DELETE_FORBIDDEN';

/**
 * A refused request: `invalid` maps to 400, `forbidden` to 403, `not-found` to 404. The
 * message is French, for the négociateur or the front-end developer who reads it.
 */
export interface AccessProblem {
  kind: 'invalid' | 'forbidden' | 'not-found';
  code: AccessProblemCode;
  message: string;
  details?: Record<string, unknown>;
}

/** French names of the content types, with their article, for messages. */
export const TYPE_LABELS_FR: Readonly<Record<string, string>> = {
  'api::contact.contact': 'le contact',
  'api::negotiation.negotiation': 'la négo',
  'api::proposition.proposition': 'la proposition de lot',
  'api::reservation.reservation': 'la réservation',
  'api::activity.activity': "l'activité",
  'api::phase-change.phase-change': 'le changement de phase',
  'api::programme.programme': 'le programme',
  'api::lot.lot': 'le lot',
};

export function typeLabel(uid: string): string {
  return TYPE_LABELS_FR[uid] ?? `l'enregistrement (${uid})`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Builds the 404 sent whether the record does not exist or belongs to someone else, so a
 * négociateur cannot learn which documentIds exist.
 */
export function recordNotFound(uid: string, documentId: string): AccessProblem {
  return {
    kind: 'not-found',
    code: 'RECORD_NOT_FOUND',
    message: `${capitalize(typeLabel(uid))} « ${documentId} » est introuvable.`,
    details: { documentId },
  };
}

export function staffAccountRequired(): AccessProblem {
  return {
    kind: 'forbidden',
    code: 'STAFF_ACCOUNT_REQUIRED',
    message:
      "Ce compte n'est rattaché à aucun membre actif de l'équipe commerciale (Négociateur ou Directeur commercial) : demandez à un administrateur de le rattacher.",
  };
}
