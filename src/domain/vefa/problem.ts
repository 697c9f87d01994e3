/** Stable machine codes of the rule violations this module detects. */
export type ProblemCode =
  | 'DEPOSIT_ABOVE_CEILING'
  | 'LOAN_CONDITION_TOO_SHORT'
  | 'LOAN_OFFER_ACCEPTED_TOO_EARLY'
  | 'DRAFT_DEED_NOTICE_TOO_SHORT';

/** Rule violation with a French message explaining what is wrong and how to fix it. */
export interface Problem {
  code: ProblemCode;
  message: string;
}
