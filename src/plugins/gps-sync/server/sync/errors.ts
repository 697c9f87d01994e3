import { errors } from '@strapi/utils';

/** Codes of the failures that stop a run before anything is written. */
export type RunFailureCode =
  | 'SOURCE_NOT_CONFIGURED'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'FILE_BINARY'
  | 'INVALID_ENCODING'
  | 'MISSING_COLUMNS'
  | 'DUPLICATE_COLUMN'
  | 'MALFORMED_ROW'
  | 'UNTERMINATED_QUOTE'
  | 'MALFORMED_CSV'
  | 'DOWNLOAD_FAILED'
  | 'DOWNLOAD_TRUNCATED'
  | 'WITHDRAWAL_THRESHOLD_EXCEEDED'
  | 'SYNC_ALREADY_RUNNING'
  | 'UNEXPECTED_ERROR';

export interface RunFailureDetails {
  code: RunFailureCode;
  file?: string;
  line?: number;
}

/** A failure that stops a run; the message is French and shown to users as is. */
export class RunFailure extends errors.ApplicationError<'ApplicationError', string, RunFailureDetails> {
  constructor(message: string, details: RunFailureDetails) {
    super(message, details);
  }
}

/** Returns the message of an error, read by shape because errors of Node.js internals come from another realm under jest. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
