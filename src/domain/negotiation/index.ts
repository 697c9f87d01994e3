export { isFrenchDepartmentCode } from './department';
export { formatDateFr, formatEuros, isIsoDate } from './format';
export { FIELD_LABELS_FR, type NegotiationField, PHASE_LABELS_FR, STATUS_LABELS_FR } from './labels';
export { derivePhase, nextSalesPhase } from './phases';
export {
  checkStatusAction,
  type NegotiatorStatusAction,
  type StatusActionCode,
  type StatusActionProblem,
} from './status-actions';
export { phaseTransitions, type StoredPhase } from './transitions';
export {
  isNegotiationPhase,
  isNegotiationStatus,
  type MissingField,
  type NegotiationFacts,
  type NegotiationPhase,
  type NegotiationStatus,
  PHASE_ORDER,
  type PhaseResult,
  type PhaseTransition,
  SALES_PHASE_SEQUENCE,
  STATUS_ORDER,
} from './types';
export {
  type NegotiationDataInput,
  type NegotiationValidationCode,
  validateNegotiationData,
  type ValidationProblem,
} from './validation';
