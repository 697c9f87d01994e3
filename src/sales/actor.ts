import type { Core } from '@strapi/strapi';

/** Who caused a save: an admin user, a REST client, or code running outside any request. */
export interface SaveActor {
  source: 'admin' | 'api' | 'script' | 'system';
  adminUserId: number | null;
  label: string;
}

interface RequestState {
  user?: { id?: unknown; firstname?: unknown; lastname?: unknown; username?: unknown; email?: unknown };
  auth?: { strategy?: { name?: unknown }; credentials?: { name?: unknown } };
}

function readState(strapi: Core.Strapi): RequestState | null {
  const context = strapi.requestContext.get();
  if (!context) return null;
  const state: unknown = context.state;
  return typeof state === 'object' && state !== null ? (state as RequestState) : null;
}

export function currentActor(strapi: Core.Strapi): SaveActor {
  const state = readState(strapi);
  if (!state) return { source: 'script', adminUserId: null, label: 'Script ou tâche planifiée' };

  const strategy = state.auth?.strategy?.name;
  if (strategy === 'admin' && state.user && typeof state.user.id === 'number') {
    const name = [state.user.firstname, state.user.lastname].filter((part) => typeof part === 'string' && part).join(' ');
    return { source: 'admin', adminUserId: state.user.id, label: name || String(state.user.email ?? state.user.id) };
  }
  if (strategy === 'content-api-token' || strategy === 'api-token') {
    const tokenName = state.auth?.credentials?.name;
    return { source: 'api', adminUserId: null, label: `Jeton d'API « ${typeof tokenName === 'string' ? tokenName : 'sans nom'} »` };
  }
  if (state.user && typeof state.user.username === 'string') {
    return { source: 'api', adminUserId: null, label: `Compte API ${state.user.username}` };
  }
  return { source: 'api', adminUserId: null, label: 'Client API' };
}
