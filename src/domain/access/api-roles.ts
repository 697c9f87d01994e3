import {
  ACTIVITY_UID,
  CONTACT_UID,
  LOT_UID,
  NEGOTIATION_UID,
  PHASE_CHANGE_UID,
  PROGRAMME_UID,
  PROPOSITION_UID,
  RESERVATION_UID,
} from './scopes';

const READ = ['find', 'findOne'];
const CRUD = ['find', 'findOne', 'create', 'update', 'delete'];

function actions(uid: string, names: readonly string[]): string[] {
  return names.map((name) => `${uid}.${name}`);
}

/**
 * Content API actions of the users-permissions Public role: the stock on sale. The
 * controllers narrow it further to programmes in commercialisation and their available
 * lots.
 */
export const PUBLIC_API_ACTIONS: readonly string[] = [...actions(PROGRAMME_UID, READ), ...actions(LOT_UID, READ)];

/**
 * Content API actions of the users-permissions Authenticated role, given to the accounts
 * of négociateurs and directors. The controllers narrow every request to what the linked
 * staff member may see.
 */
export const AUTHENTICATED_API_ACTIONS: readonly string[] = [
  ...actions(CONTACT_UID, CRUD),
  ...actions(NEGOTIATION_UID, [...CRUD, 'close', 'reopen']),
  ...actions(PROPOSITION_UID, CRUD),
  ...actions(RESERVATION_UID, CRUD),
  ...actions(ACTIVITY_UID, CRUD),
  ...actions(PHASE_CHANGE_UID, READ),
  ...actions(PROGRAMME_UID, READ),
  ...actions(LOT_UID, READ),
];

/**
 * users-permissions actions no Public or Authenticated account may hold: self-registration
 * (staff accounts are created by an administrator), and reading or changing user accounts
 * and roles (a user could otherwise give themselves another role). `user.me` stays.
 */
export function isForbiddenAccountAction(action: string): boolean {
  if (action === 'plugin::users-permissions.auth.register') return true;
  if (action.startsWith('plugin::users-permissions.user.')) return action !== 'plugin::users-permissions.user.me';
  return action.startsWith('plugin::users-permissions.role.') || action.startsWith('plugin::users-permissions.permissions.');
}
