export {
  ADMIN_ROLE_SPECS,
  type AdminRoleSpec,
  conditionId,
  type ContentPermissionRule,
  type CrudAction,
  OWNERSHIP_CONDITIONS,
  type OwnershipConditionName,
  type OwnershipConditionSpec,
} from './admin-roles';
export { AUTHENTICATED_API_ACTIONS, isForbiddenAccountAction, PUBLIC_API_ACTIONS } from './api-roles';
export { type NegotiationDeletionFacts, negotiationDeletionProblem } from './deletion';
export {
  type AttributeInfo,
  IDENTITY_KEYS,
  isSensitiveField,
  PUBLIC_FIELDS,
  publicFields,
  type SchemaLookup,
  SENSITIVE_FIELDS,
  type SensitiveFieldAccess,
  sensitiveFieldAccess,
} from './fields';
export { listScope, mineFilters, type MineResult } from './mine';
export { collectRelatedIds, createOutputPolicy, type IdsByType, type OutputPolicy, redactOutput, relatedTypesToCheck } from './output';
export { OWNER_ASSIGNED_ON_CREATE, ownerOnCreate, relatedRecordNotFound, scopedRelations } from './ownership';
export {
  type ApiTokenType,
  DIRECTOR_ROLE_CODE,
  NEGOTIATOR_ROLE_CODE,
  negotiatorId,
  type Principal,
  seesWholeSalesTeam,
  type StaffRole,
  staffRoleFromRoleCodes,
  SUPER_ADMIN_ROLE_CODE,
} from './principal';
export { type AccessProblem, type AccessProblemCode, recordNotFound, staffAccountRequired, typeLabel } from './problems';
export { queryFieldProblem } from './query-check';
export { withoutOtherStaffEmails } from './staff-emails';
export { type QueryFieldPath, queryFieldPaths } from './query-paths';
export { scopeRelationFilters } from './relation-scope';
export {
  ACTIVITY_UID,
  CONTACT_UID,
  type Filters,
  isOwnedType,
  LOT_UID,
  NEGOTIATION_UID,
  OWNER_PATHS,
  ownerFilter,
  PHASE_CHANGE_UID,
  PROGRAMME_UID,
  PROPOSITION_UID,
  PUBLIC_LOT_FILTER,
  PUBLIC_PROGRAMME_FILTER,
  readScope,
  RESERVATION_UID,
  type Scope,
  STOCK_UIDS,
  withScope,
  writeScope,
} from './scopes';
