import { assertNever } from '../assert-never';
import { checkNegotiation, NegotiationDeadlineInput } from './deadlines';
import { checkDeposit } from './deposit';
import { Problem, ProblemCode } from './problem';

/**
 * Tells whether a violation makes a save invalid.
 *
 * The law forbids a deposit above the ceiling (CCH art. R261-28), a loan condition shorter than
 * one month (C. conso. art. L313-41) and the acceptance of a loan offer during its reflection
 * period (C. conso. art. L313-34), so such data is rejected. A draft deed notified late only
 * means that the deed cannot be signed on the planned date (CCH art. R261-30). The deed can
 * still be postponed, so that violation is only shown in the négo's deadlines.
 */
export function isBlockingProblem(code: ProblemCode): boolean {
  switch (code) {
    case 'DEPOSIT_ABOVE_CEILING':
    case 'LOAN_CONDITION_TOO_SHORT':
    case 'LOAN_OFFER_ACCEPTED_TOO_EARLY':
      return true;
    case 'DRAFT_DEED_NOTICE_TOO_SHORT':
      return false;
    default:
      return assertNever(code, 'ProblemCode');
  }
}

/**
 * Lists the violations that `checkNegotiation` finds, and also checks a deposit whose contract
 * dates are not all known.
 *
 * `checkNegotiation` needs both the reservation date and the planned deed date to pick the
 * ceiling. Without them, the deposit is checked against 5 % of the price, the highest ceiling
 * of CCH art. R261-28, because no contract may ask for more.
 */
export function checkSaleRules(input: NegotiationDeadlineInput): Problem[] {
  const problems = checkNegotiation(input);
  const datesKnown = input.reservationSignatureDate !== null && input.plannedDeedDate !== null;
  if (datesKnown || input.price === null || input.deposit === null) {
    return problems;
  }

  // With a deed on the day of the reservation, `checkDeposit` applies its 5 % ceiling.
  const day = input.reservationSignatureDate ?? input.plannedDeedDate ?? ANY_DATE;
  const deposit = checkDeposit({ price: input.price, deposit: input.deposit, reservationDate: day, plannedDeedDate: day });
  return deposit === null ? problems : [deposit, ...problems];
}

/** Any valid date, because the 5 % ceiling does not depend on the day passed. */
const ANY_DATE = '2000-01-01';

/**
 * Returns the blocking violations that a save introduces: those found on the data after the
 * save and not found, with the same message, on the data before it.
 *
 * A violation already stored does not block saves that leave it as it is, so that a négo saved
 * before these rules existed can still be edited, for example to record a withdrawal. A save
 * that changes one of its values changes its message, so it is rejected until the violation is
 * fixed.
 */
export function introducedBlockingProblems(before: NegotiationDeadlineInput | null, after: NegotiationDeadlineInput): Problem[] {
  const existing = new Set((before === null ? [] : checkSaleRules(before)).map(problemKey));
  return checkSaleRules(after).filter((problem) => isBlockingProblem(problem.code) && !existing.has(problemKey(problem)));
}

function problemKey(problem: Problem): string {
  return `${problem.code}\n${problem.message}`;
}
