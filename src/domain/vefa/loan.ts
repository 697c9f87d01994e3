import { addDays, addMonths, compareDates, formatFrenchDate, IsoDate } from './calendar';
import { Problem } from './problem';

export interface LoanConditionInput {
  /** Signature date of the reservation or sale contract. */
  signatureDate: IsoDate;
  /** Date on which the loan condition precedent ends, as written in the contract. */
  loanConditionDeadline: IsoDate;
}

export interface LoanOfferDates {
  /** First day on which the borrower may accept the offer. */
  earliestAcceptanceDate: IsoDate;
  /** Last day of the 30 days during which the lender must keep the offer open. */
  minimumValidityEnd: IsoDate;
}

export interface LoanOfferAcceptanceInput {
  /** Date on which the borrower received the loan offer. */
  receivedDate: IsoDate;
  /** Date on which the borrower accepted it. */
  acceptanceDate: IsoDate;
}

/** Days after receipt during which the borrower may not accept the offer (C. conso. art. L313-34). */
export const LOAN_OFFER_REFLECTION_DAYS = 10;

/** Days from receipt during which the lender must keep the offer open (C. conso. art. L313-34). */
export const LOAN_OFFER_MINIMUM_VALIDITY_DAYS = 30;

/**
 * Returns the earliest end date the loan condition precedent may have.
 *
 * Code de la consommation art. L313-41: the condition "ne pourra être inférieure à un mois à
 * compter de la date de la signature de l'acte". One month ends on the same day number of the
 * next month, or on its last day when that number does not exist (Code de procédure civile
 * art. 641 al. 2). Signed on 15 January, the condition may end on 15 February at the earliest.
 * Signed on 31 January, it may end on 28 February (29 in a leap year).
 */
export function earliestLoanConditionDeadline(signatureDate: IsoDate): IsoDate {
  return addMonths(signatureDate, 1);
}

/** Returns a `LOAN_CONDITION_TOO_SHORT` problem when the condition lasts less than one month. */
export function checkLoanConditionDate({ signatureDate, loanConditionDeadline }: LoanConditionInput): Problem | null {
  const earliest = earliestLoanConditionDeadline(signatureDate);
  if (compareDates(loanConditionDeadline, earliest) >= 0) {
    return null;
  }

  return {
    code: 'LOAN_CONDITION_TOO_SHORT',
    message:
      `La condition suspensive de prêt expire le ${formatFrenchDate(loanConditionDeadline)}, ` +
      `moins d'un mois après la signature du ${formatFrenchDate(signatureDate)} : ` +
      `elle doit durer au moins un mois, soit jusqu'au ${formatFrenchDate(earliest)} au plus tôt ` +
      `(art. L313-41 du Code de la consommation).`,
  };
}

/**
 * Computes the dates of Code de la consommation art. L313-34 for an offer received on day D.
 *
 * The borrower "ne peut accepter l'offre que dix jours après l'avoir reçue": the day of receipt
 * does not count (Code de procédure civile art. 641), days D+1 to D+10 must pass, and the offer
 * may be accepted from D+11. The lender keeps its terms "pendant une durée minimale de trente
 * jours à compter de sa réception", so until D+30 at least.
 *
 * Neither date moves to a working day. The earliest acceptance date is a waiting period, not a
 * deadline. The lender's 30 days are a minimum, and an offer often states a longer validity, so
 * D+30 is the safe last day for the buyer to accept.
 */
export function loanOfferDates({ receivedDate }: { receivedDate: IsoDate }): LoanOfferDates {
  return {
    earliestAcceptanceDate: addDays(receivedDate, LOAN_OFFER_REFLECTION_DAYS + 1),
    minimumValidityEnd: addDays(receivedDate, LOAN_OFFER_MINIMUM_VALIDITY_DAYS),
  };
}

/** Returns a `LOAN_OFFER_ACCEPTED_TOO_EARLY` problem when the offer was accepted before day 11. */
export function checkLoanOfferAcceptance({ receivedDate, acceptanceDate }: LoanOfferAcceptanceInput): Problem | null {
  const { earliestAcceptanceDate } = loanOfferDates({ receivedDate });
  if (compareDates(acceptanceDate, earliestAcceptanceDate) >= 0) {
    return null;
  }

  return {
    code: 'LOAN_OFFER_ACCEPTED_TOO_EARLY',
    message:
      `L'offre de prêt reçue le ${formatFrenchDate(receivedDate)} a été acceptée le ${formatFrenchDate(acceptanceDate)}, ` +
      `avant la fin du délai de réflexion de 10 jours : elle ne peut l'être qu'à partir du ${formatFrenchDate(earliestAcceptanceDate)} ` +
      `(art. L313-34 du Code de la consommation). Faites renouveler l'acceptation à partir de cette date.`,
  };
}
