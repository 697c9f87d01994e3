import { isFrenchDepartmentCode } from './department';
import { formatDateFr, formatEuros, isAmountSet, isFilled, isIsoDate } from './format';
import { capitalizeFirst, FIELD_LABELS_FR, type NegotiationField } from './labels';

export type NegotiationValidationCode =
  | 'DEED_AND_WITHDRAWAL'
  | 'LOAN_OFFER_DEADLINE_BEFORE_ISSUE'
  | 'LOAN_OFFER_BEFORE_APPLICATION'
  | 'CASH_PURCHASE_WITH_LOAN'
  | 'BUDGET_RANGE_INVALID'
  | 'AMOUNT_NEGATIVE'
  | 'AMOUNT_INVALID'
  | 'DEPARTMENT_INVALID'
  | 'DATE_INVALID';

/** One inconsistency in a négo's data, with a French message for the négociateur. */
export interface ValidationProblem {
  field: NegotiationField;
  code: NegotiationValidationCode;
  message: string;
}

/**
 * Négo data to validate. `NegotiationFacts` fits, and so does a merged save payload.
 * A missing, null, empty or whitespace-only value counts as not set and is not checked.
 */
export interface NegotiationDataInput {
  department?: string | null;
  cashPurchase?: boolean | null;
  /** Amounts in euros. */
  budgetMin?: number | null;
  budgetMax?: number | null;
  personalContribution?: number | null;
  loanAmount?: number | null;
  activeReservationContractPrice?: number | null;
  /** Dates as ISO calendar dates (yyyy-mm-dd). */
  loanApplicationDate?: string | null;
  loanOfferIssueDate?: string | null;
  loanOfferDeadline?: string | null;
  deedSignatureDate?: string | null;
  withdrawalDate?: string | null;
}

const DATE_FIELDS = [
  'loanApplicationDate',
  'loanOfferIssueDate',
  'loanOfferDeadline',
  'deedSignatureDate',
  'withdrawalDate',
] as const;

/** Amount inputs with the attribute they are reported on. */
const AMOUNT_FIELDS = [
  ['budgetMin', 'budgetMin'],
  ['budgetMax', 'budgetMax'],
  ['personalContribution', 'personalContribution'],
  ['loanAmount', 'loanAmount'],
  ['activeReservationContractPrice', 'contractPrice'],
] as const;

/**
 * Lists the inconsistencies of a négo's data, field checks first, then checks across
 * fields. An empty list means the data can be saved. A comparison between two dates runs
 * only when both are valid dates.
 */
export function validateNegotiationData(input: NegotiationDataInput): ValidationProblem[] {
  return [
    ...dateProblems(input),
    ...amountProblems(input),
    ...departmentProblems(input),
    ...deedAndWithdrawalProblems(input),
    ...loanDateProblems(input),
    ...cashPurchaseProblems(input),
    ...budgetProblems(input),
  ];
}

function validDate(value: string | null | undefined): string | null {
  return isFilled(value) && isIsoDate(value) ? value : null;
}

function dateProblems(input: NegotiationDataInput): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const field of DATE_FIELDS) {
    const value = input[field];
    if (isFilled(value) && !isIsoDate(value)) {
      problems.push({
        field,
        code: 'DATE_INVALID',
        message:
          `${capitalizeFirst(FIELD_LABELS_FR[field])} « ${value} » n'est pas une date valide : ` +
          'saisissez une date réelle au format AAAA-MM-JJ.',
      });
    }
  }
  return problems;
}

/** Null means not set. NaN and infinities are reported rather than treated as not set. */
function amountProblems(input: NegotiationDataInput): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const [inputKey, field] of AMOUNT_FIELDS) {
    const value = input[inputKey];
    if (value === null || value === undefined) {
      continue;
    }

    const label = capitalizeFirst(FIELD_LABELS_FR[field]);
    if (!isAmountSet(value)) {
      problems.push({
        field,
        code: 'AMOUNT_INVALID',
        message: `${label} (${String(value)}) n'est pas un montant valide : saisissez un nombre d'euros.`,
      });
    } else if (value < 0) {
      problems.push({
        field,
        code: 'AMOUNT_NEGATIVE',
        message: `${label} est négatif (${formatEuros(value)}) : saisissez un montant positif ou nul.`,
      });
    }
  }
  return problems;
}

function departmentProblems(input: NegotiationDataInput): ValidationProblem[] {
  const department = input.department;
  if (!isFilled(department) || isFrenchDepartmentCode(department)) {
    return [];
  }
  return [
    {
      field: 'department',
      code: 'DEPARTMENT_INVALID',
      message:
        `Le département « ${department} » n'est pas un code de département français : ` +
        'saisissez un code de 01 à 95, 2A, 2B ou de 971 à 976.',
    },
  ];
}

function deedAndWithdrawalProblems(input: NegotiationDataInput): ValidationProblem[] {
  const deedDate = input.deedSignatureDate;
  const withdrawalDate = input.withdrawalDate;
  if (!isFilled(deedDate) || !isFilled(withdrawalDate)) {
    return [];
  }
  return [
    {
      field: 'withdrawalDate',
      code: 'DEED_AND_WITHDRAWAL',
      message:
        `La date de signature de l'acte (${formatDateFr(deedDate)}) et la date de désistement ` +
        `(${formatDateFr(withdrawalDate)}) sont toutes deux renseignées : videz l'une des deux, ` +
        'car une négo ne peut pas être à la fois conclue et perdue.',
    },
  ];
}

function loanDateProblems(input: NegotiationDataInput): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const applicationDate = validDate(input.loanApplicationDate);
  const issueDate = validDate(input.loanOfferIssueDate);
  const deadline = validDate(input.loanOfferDeadline);

  // Zero-padded ISO dates sort as strings in calendar order.
  if (applicationDate !== null && issueDate !== null && issueDate < applicationDate) {
    problems.push({
      field: 'loanOfferIssueDate',
      code: 'LOAN_OFFER_BEFORE_APPLICATION',
      message:
        `La date d'émission de l'offre de prêt (${formatDateFr(issueDate)}) précède la date de ` +
        `demande de prêt (${formatDateFr(applicationDate)}) : corrigez l'une des deux dates.`,
    });
  }
  if (issueDate !== null && deadline !== null && deadline < issueDate) {
    problems.push({
      field: 'loanOfferDeadline',
      code: 'LOAN_OFFER_DEADLINE_BEFORE_ISSUE',
      message:
        `La date limite de l'offre de prêt (${formatDateFr(deadline)}) précède sa date ` +
        `d'émission (${formatDateFr(issueDate)}) : corrigez l'une des deux dates.`,
    });
  }
  return problems;
}

/** Reports a loan on a cash purchase. A loan amount of 0 € is accepted: it states that there is no loan. */
function cashPurchaseProblems(input: NegotiationDataInput): ValidationProblem[] {
  const loanAmount = input.loanAmount;
  if (input.cashPurchase !== true || !isAmountSet(loanAmount) || loanAmount <= 0) {
    return [];
  }
  return [
    {
      field: 'loanAmount',
      code: 'CASH_PURCHASE_WITH_LOAN',
      message:
        `L'achat est déclaré comptant mais le montant du prêt est renseigné ` +
        `(${formatEuros(loanAmount)}) : videz le montant du prêt ou décochez l'achat comptant.`,
    },
  ];
}

function budgetProblems(input: NegotiationDataInput): ValidationProblem[] {
  const budgetMin = input.budgetMin;
  const budgetMax = input.budgetMax;
  if (!isAmountSet(budgetMin) || !isAmountSet(budgetMax) || budgetMin <= budgetMax) {
    return [];
  }
  return [
    {
      field: 'budgetMin',
      code: 'BUDGET_RANGE_INVALID',
      message:
        `Le budget minimum (${formatEuros(budgetMin)}) dépasse le budget maximum ` +
        `(${formatEuros(budgetMax)}) : corrigez l'un des deux montants.`,
    },
  ];
}
