import type { Context, Next } from 'koa';
import { translateValidationMessage } from '../domain/errors/validation-messages';

interface ErrorItem {
  message?: unknown;
  code?: unknown;
}

interface ErrorBody {
  name?: unknown;
  message?: unknown;
  details?: { code?: unknown; errors?: unknown } & Record<string, unknown>;
}

const ACCESS_ERRORS: Readonly<Record<number, { code: string; message: string }>> = {
  401: { code: 'UNAUTHORIZED', message: "Authentification requise : connectez-vous ou fournissez un jeton d'API valide." },
  403: { code: 'FORBIDDEN', message: "Accès refusé : votre rôle ne permet pas cette action. Demandez-la à votre directeur commercial ou à l'administrateur." },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Rewrites in French the 400 errors that Strapi's own validation returns in English, and the
 * 401 and 403 errors of its authentication and policies, and gives them a stable
 * `details.code`. Errors raised by the CRM's rules already carry both and pass
 * through untouched. Registered before strapi::errors, so it sees the formatted error body.
 */
export default () => async (ctx: Context, next: Next) => {
  await next();

  if (!isRecord(ctx.body) || !isRecord(ctx.body.error)) return;
  const error: ErrorBody = ctx.body.error;
  if (isRecord(error.details) && typeof error.details.code === 'string') return;
  if (typeof error.message !== 'string') return;

  // Strapi's authentication and policy checks return bare English words.
  const access = ACCESS_ERRORS[ctx.status];
  if (access) {
    error.message = access.message;
    error.details = { ...(isRecord(error.details) ? error.details : {}), code: access.code };
    return;
  }
  if (ctx.status !== 400) return;

  const items = isRecord(error.details) && Array.isArray(error.details.errors) ? (error.details.errors as ErrorItem[]) : [];
  const translatedItems = items.map((item) => {
    const translated = typeof item.message === 'string' ? translateValidationMessage(item.message) : null;
    return translated ? { ...item, message: translated.message, code: translated.code } : item;
  });

  const main = translateValidationMessage(error.message);
  const firstItemCode = translatedItems.find((item) => typeof item.code === 'string')?.code;
  const itemMessages = translatedItems.map((item) => item.message).filter((message): message is string => typeof message === 'string');
  const message =
    main?.message ?? (itemMessages.length > 0 && firstItemCode ? itemMessages.join(' ') : `Requête invalide : ${error.message}`);

  error.message = message;
  error.details = {
    ...(isRecord(error.details) ? error.details : {}),
    code: main?.code ?? (typeof firstItemCode === 'string' ? firstItemCode : 'VALIDATION_FAILED'),
    ...(items.length > 0 ? { errors: translatedItems } : {}),
  };
};
