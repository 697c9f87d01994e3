import { compareDates, formatFrenchDate, IsoDate, parseIsoDate } from './calendar';
import { checkDeposit } from './deposit';
import { checkDraftDeedNotice, latestDraftDeedNoticeDate } from './draft-deed';
import { checkLoanConditionDate, checkLoanOfferAcceptance, loanOfferDates } from './loan';
import { Problem } from './problem';
import { BuyerNotification, computeRetractionPeriods, RetractionPeriod } from './retraction';

/** Legal dates of one négo, as plain data read from the négo and its reservation. */
export interface NegotiationDeadlineInput {
  /** Signature date of the reservation contract (contrat préliminaire), or null before it is signed. */
  reservationSignatureDate: IsoDate | null;
  /** Notifications of the signed contract: at least one record per buyer and co-buyer. */
  buyers: readonly BuyerNotification[];
  /** Planned sale price of the reservation contract, in euros. */
  price: number | null;
  /** Deposit (dépôt de garantie) paid on the reservation, in euros. */
  deposit: number | null;
  /** Planned signature date of the deed of sale, as stated in the reservation contract. */
  plannedDeedDate: IsoDate | null;
  /**
   * True when the buyer finances the purchase without a loan and has written so in the
   * contract, which removes the loan condition precedent (C. conso. art. L313-42).
   */
  cashPurchase: boolean;
  /** End date of the loan condition precedent, as written in the contract. */
  loanConditionDeadline: IsoDate | null;
  /** Date on which the buyer received the loan offer (not the date the lender issued it). */
  loanOfferReceivedDate: IsoDate | null;
  /** Date on which the buyer accepted the loan offer. */
  loanOfferAcceptanceDate: IsoDate | null;
  /** Date on which the draft deed of sale was notified to the buyer. */
  draftDeedNotifiedDate: IsoDate | null;
  /** Department code of the programme (`'67'`, `'75'`…), which decides the public holidays. */
  department: string | null;
  /** Date on which the buyer withdrew from the purchase, if they did. */
  withdrawalDate: IsoDate | null;
}

export type DeadlineCode =
  | 'RETRACTION'
  | 'LOAN_CONDITION'
  | 'LOAN_OFFER_ACCEPTANCE'
  | 'LOAN_OFFER_EXPIRY'
  | 'DRAFT_DEED_NOTICE';

/**
 * State of a deadline on a given day.
 *
 * - `upcoming`: due after today, or not computable yet (`dueDate` null, with warnings naming
 *   the missing data).
 * - `today`: due today.
 * - `overdue`: due before today and the event that satisfies it is missing, or came too late.
 * - `met`: the event that satisfies it is recorded in time. For a waiting period (withdrawal
 *   period, loan offer reflection period), the period is over.
 */
export type DeadlineState = 'upcoming' | 'today' | 'overdue' | 'met';

export interface Deadline {
  code: DeadlineCode;
  /** Buyer the deadline belongs to, for per-buyer deadlines (withdrawal period). */
  contactId?: string;
  /** Day the deadline falls on, or null when the data to compute it is missing. */
  dueDate: IsoDate | null;
  state: DeadlineState;
  /** French label of `state`. */
  stateLabel: string;
  /** French title. */
  label: string;
  /** One French sentence stating the rule and its article. */
  explanation: string;
  /** French warnings: missing data, rule violations, late events. */
  warnings: string[];
}

export const DEADLINE_STATE_LABELS: Readonly<Record<DeadlineState, string>> = {
  upcoming: 'à venir',
  today: "aujourd'hui",
  overdue: 'dépassée',
  met: 'respectée',
};

export const DEADLINE_EXPLANATIONS: Readonly<Record<DeadlineCode, string>> = {
  RETRACTION:
    'Délai de rétractation de 10 jours à compter du lendemain de la première présentation de la lettre recommandée, ' +
    "prolongé jusqu'au premier jour ouvrable s'il finit un samedi, un dimanche ou un jour férié " +
    '(art. L271-1 du CCH, art. 642 du Code de procédure civile).',
  LOAN_CONDITION:
    "La condition suspensive d'obtention de prêt dure au moins un mois à compter de la signature du contrat " +
    '(art. L313-41 du Code de la consommation).',
  LOAN_OFFER_ACCEPTANCE:
    "L'emprunteur ne peut accepter l'offre de prêt qu'à partir du 11e jour suivant sa réception " +
    '(art. L313-34 du Code de la consommation).',
  LOAN_OFFER_EXPIRY:
    "Le prêteur maintient son offre au moins 30 jours à compter de sa réception par l'emprunteur " +
    '(art. L313-34 du Code de la consommation).',
  DRAFT_DEED_NOTICE:
    "Le projet d'acte de vente est notifié au réservataire un mois au moins avant la signature de l'acte " +
    '(art. R261-30 du CCH).',
};

/**
 * Computes the legal deadlines of one négo as they are on `today`.
 *
 * Each deadline is listed once its starting data exists. Withdrawal periods (one per buyer) and
 * the loan condition start with the signed reservation. Loan offer dates start with the receipt
 * of the offer, and the draft deed notice with a planned deed date. The loan condition is left
 * out for a cash purchase. Once a withdrawal is recorded, the sale will not take place, so only
 * the withdrawal periods are returned, each with a warning telling whether the withdrawal came
 * within it. `depositRefund` decides what happens to the deposit.
 *
 * The deposit ceiling is not a date: `checkNegotiation` reports it with the other violations.
 */
export function computeDeadlines(input: NegotiationDeadlineInput, today: IsoDate): Deadline[] {
  parseIsoDate(today);
  const deadlines: Deadline[] = [];

  if (input.reservationSignatureDate !== null) {
    const periods = computeRetractionPeriods(input.buyers, { department: input.department });
    deadlines.push(...periods.map((period) => retractionDeadline(period, input, today)));

    if (periods.length === 0) {
      deadlines.push(
        buildDeadline('RETRACTION', {
          label: 'Fin du délai de rétractation',
          dueDate: null,
          state: 'upcoming',
          warnings: ["Aucun acquéreur n'est renseigné : le délai de rétractation ne peut pas être calculé."],
        }),
      );
    }
  }

  if (input.withdrawalDate !== null) {
    return deadlines;
  }

  if (input.reservationSignatureDate !== null && !input.cashPurchase) {
    deadlines.push(loanConditionDeadline(input.reservationSignatureDate, input, today));
  }

  if (input.loanOfferReceivedDate !== null) {
    deadlines.push(...loanOfferDeadlines(input.loanOfferReceivedDate, input.loanOfferAcceptanceDate, today));
  }

  if (input.plannedDeedDate !== null) {
    deadlines.push(draftDeedDeadline(input.plannedDeedDate, input.draftDeedNotifiedDate, today));
  }

  return deadlines;
}

/**
 * Lists every rule violation found in the négo data: deposit above the R261-28 ceiling, loan
 * condition shorter than one month, loan offer accepted too early, draft deed notified too late.
 */
export function checkNegotiation(input: NegotiationDeadlineInput): Problem[] {
  const problems: Array<Problem | null> = [];

  if (input.price !== null && input.deposit !== null && input.reservationSignatureDate !== null && input.plannedDeedDate !== null) {
    problems.push(
      checkDeposit({
        price: input.price,
        deposit: input.deposit,
        reservationDate: input.reservationSignatureDate,
        plannedDeedDate: input.plannedDeedDate,
      }),
    );
  }

  if (input.reservationSignatureDate !== null && input.loanConditionDeadline !== null && !input.cashPurchase) {
    problems.push(
      checkLoanConditionDate({
        signatureDate: input.reservationSignatureDate,
        loanConditionDeadline: input.loanConditionDeadline,
      }),
    );
  }

  if (input.loanOfferReceivedDate !== null && input.loanOfferAcceptanceDate !== null) {
    problems.push(
      checkLoanOfferAcceptance({
        receivedDate: input.loanOfferReceivedDate,
        acceptanceDate: input.loanOfferAcceptanceDate,
      }),
    );
  }

  if (input.draftDeedNotifiedDate !== null && input.plannedDeedDate !== null) {
    problems.push(
      checkDraftDeedNotice({
        draftDeedNotifiedDate: input.draftDeedNotifiedDate,
        plannedDeedDate: input.plannedDeedDate,
      }),
    );
  }

  return problems.filter((problem): problem is Problem => problem !== null);
}

/**
 * Builds the withdrawal-period deadline of one buyer. A recorded withdrawal closes the period,
 * so the deadline is `met` whatever the date. Without one, it is `met` once its last day has
 * passed.
 */
function retractionDeadline(period: RetractionPeriod, input: NegotiationDeadlineInput, today: IsoDate): Deadline {
  const warnings = [...period.warnings];
  let state: DeadlineState;

  if (input.withdrawalDate !== null) {
    state = 'met';
    warnings.push(describeWithdrawal(input.withdrawalDate, period.endDate));
  } else if (period.endDate === null) {
    state = 'upcoming';
  } else {
    state = waitingPeriodState(period.endDate, today);
  }

  return buildDeadline('RETRACTION', {
    contactId: period.contactId,
    label: `Fin du délai de rétractation (${period.name})`,
    dueDate: period.endDate,
    state,
    warnings,
  });
}

function describeWithdrawal(withdrawalDate: IsoDate, retractionEnd: IsoDate | null): string {
  const date = formatFrenchDate(withdrawalDate);
  if (retractionEnd === null) {
    return `Désistement enregistré le ${date}, avant le début du délai de rétractation : il vaut rétractation.`;
  }
  if (compareDates(withdrawalDate, retractionEnd) <= 0) {
    return `Désistement enregistré le ${date}, dans le délai de rétractation.`;
  }
  return `Désistement enregistré le ${date}, après la fin du délai de rétractation.`;
}

/**
 * Builds the loan condition deadline. It is `met` once a loan offer is received on or before
 * its end date, which fulfils the condition precedent.
 *
 * NOTE: the offer is not compared with the loan described in the contract (amount, rate,
 * duration). A non-conforming offer does not fulfil the condition, but still shows as `met`.
 */
function loanConditionDeadline(signatureDate: IsoDate, input: NegotiationDeadlineInput, today: IsoDate): Deadline {
  const dueDate = input.loanConditionDeadline;
  const warnings: string[] = [];
  const offerDate = input.loanOfferReceivedDate;
  let state: DeadlineState;

  if (dueDate === null) {
    warnings.push("L'échéance de la condition suspensive de prêt n'est pas renseignée : reportez la date prévue au contrat.");
    state = offerDate === null ? 'upcoming' : 'met';
  } else {
    const problem = checkLoanConditionDate({ signatureDate, loanConditionDeadline: dueDate });
    if (problem !== null) {
      warnings.push(problem.message);
    }

    if (offerDate === null) {
      state = dueDateState(dueDate, today);
    } else if (compareDates(offerDate, dueDate) <= 0) {
      state = 'met';
    } else {
      state = 'overdue';
      warnings.push(
        `Offre de prêt reçue le ${formatFrenchDate(offerDate)}, après l'échéance de la condition suspensive ` +
          `du ${formatFrenchDate(dueDate)} : sauf prorogation convenue par écrit, la condition n'est pas réalisée.`,
      );
    }
  }

  return buildDeadline('LOAN_CONDITION', {
    label: 'Échéance de la condition suspensive de prêt',
    dueDate,
    state,
    warnings,
  });
}

/**
 * Builds the reflection-period and expiry deadlines of a loan offer. An acceptance before day 11
 * is void and counts as no acceptance, so it adds a warning to the reflection period and leaves
 * the offer's expiry open.
 */
function loanOfferDeadlines(receivedDate: IsoDate, acceptanceDate: IsoDate | null, today: IsoDate): Deadline[] {
  const { earliestAcceptanceDate, minimumValidityEnd } = loanOfferDates({ receivedDate });
  const problem = acceptanceDate === null ? null : checkLoanOfferAcceptance({ receivedDate, acceptanceDate });
  const validAcceptance = acceptanceDate !== null && problem === null ? acceptanceDate : null;

  const reflection = buildDeadline('LOAN_OFFER_ACCEPTANCE', {
    label: "Fin du délai de réflexion sur l'offre de prêt",
    dueDate: earliestAcceptanceDate,
    state: validAcceptance === null ? waitingPeriodState(earliestAcceptanceDate, today) : 'met',
    warnings: problem === null ? [] : [problem.message],
  });

  const expiryWarnings: string[] = [];
  let expiryState: DeadlineState;
  if (validAcceptance === null) {
    expiryState = dueDateState(minimumValidityEnd, today);
  } else {
    expiryState = 'met';
    if (compareDates(validAcceptance, minimumValidityEnd) > 0) {
      expiryWarnings.push(
        `Offre acceptée le ${formatFrenchDate(validAcceptance)}, après les 30 jours de validité minimale ` +
          `(jusqu'au ${formatFrenchDate(minimumValidityEnd)}) : vérifiez la durée de validité indiquée dans l'offre.`,
      );
    }
  }

  const expiry = buildDeadline('LOAN_OFFER_EXPIRY', {
    label: "Fin de la validité minimale de l'offre de prêt",
    dueDate: minimumValidityEnd,
    state: expiryState,
    warnings: expiryWarnings,
  });

  return [reflection, expiry];
}

function draftDeedDeadline(plannedDeedDate: IsoDate, notifiedDate: IsoDate | null, today: IsoDate): Deadline {
  const dueDate = latestDraftDeedNoticeDate(plannedDeedDate);
  const warnings: string[] = [];
  let state: DeadlineState;

  if (notifiedDate === null) {
    state = dueDateState(dueDate, today);
  } else {
    const problem = checkDraftDeedNotice({ draftDeedNotifiedDate: notifiedDate, plannedDeedDate });
    if (problem === null) {
      state = 'met';
    } else {
      state = 'overdue';
      warnings.push(problem.message);
    }
  }

  return buildDeadline('DRAFT_DEED_NOTICE', {
    label: "Date limite de notification du projet d'acte",
    dueDate,
    state,
    warnings,
  });
}

/** State of a date by which something must happen, while it has not happened. */
function dueDateState(dueDate: IsoDate, today: IsoDate): DeadlineState {
  const comparison = compareDates(today, dueDate);
  if (comparison < 0) {
    return 'upcoming';
  }
  return comparison === 0 ? 'today' : 'overdue';
}

/** State of a period that ends by itself: over means `met`. */
function waitingPeriodState(lastDay: IsoDate, today: IsoDate): DeadlineState {
  const comparison = compareDates(today, lastDay);
  if (comparison < 0) {
    return 'upcoming';
  }
  return comparison === 0 ? 'today' : 'met';
}

function buildDeadline(
  code: DeadlineCode,
  fields: { contactId?: string; label: string; dueDate: IsoDate | null; state: DeadlineState; warnings: string[] },
): Deadline {
  const deadline: Deadline = {
    code,
    dueDate: fields.dueDate,
    state: fields.state,
    stateLabel: DEADLINE_STATE_LABELS[fields.state],
    label: fields.label,
    explanation: DEADLINE_EXPLANATIONS[code],
    warnings: fields.warnings,
  };
  if (fields.contactId !== undefined) {
    deadline.contactId = fields.contactId;
  }
  return deadline;
}
