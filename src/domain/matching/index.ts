export { hasMatchingCriteria, matchLots, normalizePlace } from './rank';
export type { HousingType, LotCandidate, LotMatch, MatchOptions, MatchReason, MatchReasonCode, NeedCriteria } from './types';
