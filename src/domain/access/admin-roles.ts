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

/** Content-manager actions of the admin panel. */
export type CrudAction = 'read' | 'create' | 'update' | 'delete';

/** Admin permission conditions the CRM registers; Strapi prefixes their ids with `api::`. */
export type OwnershipConditionName = 'is-owner' | 'owns-negotiation';

export interface OwnershipConditionSpec {
  name: OwnershipConditionName;
  displayName: string;
  /** Returns the filter a record must match, for the admin user being checked. */
  handler: (user: { id: number }) => Record<string, unknown>;
}

export const OWNERSHIP_CONDITIONS: readonly OwnershipConditionSpec[] = [
  { name: 'is-owner', displayName: 'Est le négociateur', handler: (user) => ({ 'owner.id': user.id }) },
  {
    name: 'owns-negotiation',
    displayName: 'Est le négociateur de la négo',
    handler: (user) => ({ 'negotiation.owner.id': user.id }),
  },
];

/** Id under which Strapi stores a condition registered by the application (no plugin). */
export function conditionId(name: OwnershipConditionName): string {
  return `api::${name}`;
}

/**
 * Content-manager permissions of one content type. `condition` limits them to the records
 * it matches; `ownerWritable` lets the role set the `owner` relation (reassignment).
 */
export interface ContentPermissionRule {
  subject: string;
  actions: readonly CrudAction[];
  condition: OwnershipConditionName | null;
  ownerWritable: boolean;
}

export interface AdminRoleSpec {
  code: 'crm-negotiator' | 'crm-sales-director';
  name: string;
  description: string;
  content: readonly ContentPermissionRule[];
  /** Other admin actions, granted when registered (a plugin may be disabled). */
  otherActions: readonly string[];
}

const CRUD: readonly CrudAction[] = ['read', 'create', 'update', 'delete'];
const READ: readonly CrudAction[] = ['read'];

/**
 * The two admin roles of the sales team. The Administrateur is Strapi's Super Admin role,
 * which holds every permission and is not listed here.
 */
export const ADMIN_ROLE_SPECS: readonly AdminRoleSpec[] = [
  {
    code: 'crm-negotiator',
    name: 'Négociateur',
    description:
      'Voit et modifie seulement ses contacts, ses négos (avec leurs propositions et réservations) et ses activités ; consulte les programmes et les lots.',
    content: [
      { subject: CONTACT_UID, actions: CRUD, condition: 'is-owner', ownerWritable: false },
      { subject: NEGOTIATION_UID, actions: CRUD, condition: 'is-owner', ownerWritable: false },
      { subject: ACTIVITY_UID, actions: CRUD, condition: 'is-owner', ownerWritable: false },
      { subject: PROPOSITION_UID, actions: CRUD, condition: 'owns-negotiation', ownerWritable: false },
      { subject: RESERVATION_UID, actions: CRUD, condition: 'owns-negotiation', ownerWritable: false },
      { subject: PHASE_CHANGE_UID, actions: READ, condition: 'owns-negotiation', ownerWritable: false },
      { subject: PROGRAMME_UID, actions: READ, condition: null, ownerWritable: false },
      { subject: LOT_UID, actions: READ, condition: null, ownerWritable: false },
    ],
    otherActions: [],
  },
  {
    code: 'crm-sales-director',
    name: 'Directeur commercial',
    description:
      "Voit et modifie tout le travail de l'équipe commerciale, réattribue contacts, négos et activités, et lance la synchronisation GPS.",
    content: [
      { subject: CONTACT_UID, actions: CRUD, condition: null, ownerWritable: true },
      { subject: NEGOTIATION_UID, actions: CRUD, condition: null, ownerWritable: true },
      { subject: ACTIVITY_UID, actions: CRUD, condition: null, ownerWritable: true },
      { subject: PROPOSITION_UID, actions: CRUD, condition: null, ownerWritable: false },
      { subject: RESERVATION_UID, actions: CRUD, condition: null, ownerWritable: false },
      { subject: PHASE_CHANGE_UID, actions: READ, condition: null, ownerWritable: false },
      { subject: PROGRAMME_UID, actions: READ, condition: null, ownerWritable: false },
      { subject: LOT_UID, actions: READ, condition: null, ownerWritable: false },
    ],
    // Reading the admin users lists the staff in the `owner` relation picker.
    otherActions: ['admin::users.read', 'plugin::gps-sync.read', 'plugin::gps-sync.run'],
  },
];
