/** Housing type of a négo's need, as in the négo schema's `housingType` enumeration. */
export type HousingType = 'studio' | 't1' | 't2' | 't3' | 't4' | 't5' | 't6' | 'house';

/** Criteria of the buyer's need, read from the négo. Unset criteria are null. */
export interface NeedCriteria {
  housingType: HousingType | null;
  /** Amounts in euros, VAT included like the lot prices. */
  budgetMin: number | null;
  budgetMax: number | null;
  /** City searched, compared without case or accents. */
  city: string | null;
  /** Département code searched (64, 2A, 971…). */
  department: string | null;
  /** Document id of the programme the buyer asked for. */
  programmeDocumentId: string | null;
}

/** A lot of the stock as the matching reads it. */
export interface LotCandidate {
  documentId: string;
  reference: string;
  /** Lot kind from GPS: apartment, house, parking, cellar, commercial. */
  kind: string;
  /** Typology enumeration value of the lot: studio, t1 … t6, house, other, or null. */
  typology: string | null;
  salesStatus: string;
  price: number | null;
  livingArea: number | null;
  floor: number | null;
  programmeDocumentId: string | null;
  programmeName: string | null;
  programmeCity: string | null;
  programmeDepartment: string | null;
}

/** Stable code of one reason a lot fits, with the French sentence shown to the négociateur. */
export type MatchReasonCode =
  | 'TYPOLOGY_EXACT'
  | 'TYPOLOGY_NEAR'
  | 'BUDGET_WITHIN'
  | 'BUDGET_BELOW_MIN'
  | 'BUDGET_SLIGHTLY_ABOVE'
  | 'PROGRAMME'
  | 'CITY'
  | 'DEPARTMENT';

export interface MatchReason {
  code: MatchReasonCode;
  label: string;
}

export interface LotMatch {
  lot: LotCandidate;
  /** Sum of the reason weights; higher fits better. Only meaningful to compare matches of one need. */
  score: number;
  reasons: MatchReason[];
}

export interface MatchOptions {
  /** Share above `budgetMax` still shown, as a negotiation margin: 0.05 keeps lots up to 5 % above. */
  budgetTolerance?: number;
  /** Maximum number of matches returned. */
  limit?: number;
}
