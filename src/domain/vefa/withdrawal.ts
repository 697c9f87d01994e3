import { compareDates, formatFrenchDate, IsoDate } from './calendar';

/** Reason why the buyer withdrew from the reservation. */
export type WithdrawalReason = 'retraction' | 'loan_refused' | 'condition_not_met' | 'buyer_convenience' | 'other';

export const WITHDRAWAL_REASONS: readonly WithdrawalReason[] = [
  'retraction',
  'loan_refused',
  'condition_not_met',
  'buyer_convenience',
  'other',
];

export const WITHDRAWAL_REASON_LABELS: Readonly<Record<WithdrawalReason, string>> = {
  retraction: 'Rétractation',
  loan_refused: 'Refus de prêt',
  condition_not_met: 'Condition du contrat de réservation non remplie',
  buyer_convenience: "Convenance personnelle de l'acquéreur",
  other: 'Autre motif',
};

export interface DepositRefundInput {
  reason: WithdrawalReason;
  /** Date on which the buyer notified the withdrawal. */
  withdrawalDate: IsoDate;
  /**
   * Last day of the buyer's withdrawal period, or null when the contract was never notified by
   * registered letter and the period has therefore not started.
   */
  retractionEnd: IsoDate | null;
}

export interface DepositRefund {
  refundable: boolean;
  /** French explanation citing the article that decides. */
  explanation: string;
}

/**
 * Decides whether the deposit (dépôt de garantie) goes back to the buyer after a withdrawal.
 *
 * - A withdrawal within the withdrawal period, or before the period has started, is a
 *   retraction and the deposit is refunded (CCH art. L271-1 and L271-2), whatever reason was
 *   recorded.
 * - A refused loan means the condition precedent failed: refunded (C. conso. art. L313-41).
 * - A reservation-contract condition not met is one of the cases of CCH art. R261-31: refunded.
 * - Any other withdrawal leaves the deposit to the seller (CCH art. L261-15), including a
 *   retraction sent after the period.
 */
export function depositRefund({ reason, withdrawalDate, retractionEnd }: DepositRefundInput): DepositRefund {
  const withinRetractionPeriod = retractionEnd === null || compareDates(withdrawalDate, retractionEnd) <= 0;

  switch (reason) {
    case 'loan_refused':
      return {
        refundable: true,
        explanation:
          'Prêt refusé : la condition suspensive d\'obtention de prêt n\'est pas réalisée, le dépôt de garantie est remboursable ' +
          'immédiatement et intégralement, sans retenue ni indemnité (art. L313-41 du Code de la consommation).',
      };

    case 'condition_not_met':
      return {
        refundable: true,
        explanation:
          'Condition du contrat de réservation non remplie (vente non conclue du fait du vendeur à la date prévue, prix supérieur ' +
          'de plus de 5 % au prix prévisionnel, prêts inférieurs de plus de 10 % aux prévisions, équipement prévu non réalisé ' +
          'ou réduction de valeur de plus de 10 %) : le dépôt de garantie est restitué sans retenue ni pénalité, ' +
          'dans les trois mois de la demande (art. R261-31 du CCH).',
      };

    case 'retraction':
    case 'buyer_convenience':
    case 'other':
      if (withinRetractionPeriod) {
        return { refundable: true, explanation: explainRetraction(reason, withdrawalDate, retractionEnd) };
      }
      return { refundable: false, explanation: explainKeptDeposit(reason, withdrawalDate, retractionEnd) };
  }
}

/** Reasons that do not give a refund by themselves, only within the withdrawal period. */
type DiscretionaryReason = Extract<WithdrawalReason, 'retraction' | 'buyer_convenience' | 'other'>;

function explainRetraction(reason: DiscretionaryReason, withdrawalDate: IsoDate, retractionEnd: IsoDate | null): string {
  const when =
    retractionEnd === null
      ? `le ${formatFrenchDate(withdrawalDate)}, alors que le délai de rétractation n'a pas commencé faute de notification ` +
        `du contrat par lettre recommandée`
      : `le ${formatFrenchDate(withdrawalDate)}, dans le délai de rétractation qui court jusqu'au ${formatFrenchDate(retractionEnd)}`;
  const form =
    reason === 'retraction'
      ? ''
      : " Ce désistement vaut rétractation s'il est notifié par lettre recommandée avec accusé de réception ou par lettre recommandée électronique.";

  return (
    `Désistement ${when} : le dépôt de garantie est restitué intégralement ; s'il a été versé à un professionnel mandaté, ` +
    `celui-ci le restitue dans les 21 jours à compter du lendemain de la rétractation (art. L271-1 et L271-2 du CCH).${form}`
  );
}

function explainKeptDeposit(reason: DiscretionaryReason, withdrawalDate: IsoDate, retractionEnd: IsoDate | null): string {
  const late =
    retractionEnd === null
      ? ''
      : ` Le délai de rétractation a pris fin le ${formatFrenchDate(retractionEnd)}, avant ce désistement du ${formatFrenchDate(withdrawalDate)}.`;

  switch (reason) {
    case 'retraction':
      return (
        `Rétractation tardive : hors délai, hors refus de prêt et hors condition du contrat non remplie, ` +
        `le dépôt de garantie reste acquis au vendeur (art. L261-15 et R261-31 du CCH).${late}`
      );
    case 'other':
      return (
        `Motif à préciser : vérifiez s'il relève d'un cas de restitution (refus de prêt, art. L313-41 du Code de la consommation ; ` +
        `condition du contrat de réservation non remplie, art. R261-31 du CCH). À défaut, le dépôt de garantie reste acquis ` +
        `au vendeur (art. L261-15 du CCH).${late}`
      );
    case 'buyer_convenience':
      return (
        `Désistement pour convenance personnelle, hors des cas de restitution prévus par la loi : ` +
        `le dépôt de garantie reste acquis au vendeur (art. L261-15 et R261-31 du CCH).${late}`
      );
  }
}
