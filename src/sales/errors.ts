import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';

/** Stable machine codes of the sales rules, sent in `error.details.code`. */
export type SalesErrorCode =
  | 'LOT_NOT_AVAILABLE'
  | 'LOT_NOT_FOUND'
  | 'LOT_OTHER_PROGRAMME'
  | 'PROPOSITION_DUPLICATE'
  | 'NEGOTIATION_NOT_FOUND'
  | 'NEGOTIATION_REQUIRED'
  | 'NEGOTIATION_NOT_OPEN'
  | 'NEGOTIATION_NOT_CLOSED'
  | 'NEGOTIATION_HAS_RESERVATION'
  | 'RESERVATION_ALREADY_ACTIVE'
  | 'RESERVATION_LOTS_REQUIRED'
  | 'RESERVATION_CANCELLED'
  | 'OPTION_DATE_INVALID'
  | 'READ_ONLY_FIELD'
  | string;

/** Builds a 400 error: the request itself is invalid. */
export function invalidRequest(code: SalesErrorCode, message: string, details: Record<string, unknown> = {}) {
  return new errors.ValidationError(message, { code, ...details });
}

/** Builds a 409 error: the request is valid but the stock or the négo's state forbids it now. */
export function conflict(code: SalesErrorCode, message: string, details: Record<string, unknown> = {}) {
  const error = createHttpError(409, message, { expose: true });
  error.name = 'ConflictError';
  Object.assign(error, { details: { code, ...details } });
  return error;
}
