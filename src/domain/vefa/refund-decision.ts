import { compareDates, IsoDate } from './calendar';
import { formatEuros, toCents } from './money';
import { RetractionPeriod } from './retraction';
import { depositRefund, WithdrawalReason } from './withdrawal';

export interface DepositRefundDecisionInput {
  /** Date of the buyer's withdrawal, or null when the négo has none. */
  withdrawalDate: IsoDate | null;
  reason: WithdrawalReason | null;
  /** Withdrawal periods of the buyers of the reservation. */
  periods: readonly RetractionPeriod[];
  /** Deposit paid on the reservation, in euros. */
  deposit: number | null;
}

/**
 * Returns the last day on which the buyers could still withdraw. That is null when the period
 * of one of them has not started, and the latest end date otherwise.
 *
 * NOTE: the négo does not record which buyer sent the withdrawal. Taking the latest period
 * assumes it was the buyer who may withdraw the longest, which favours the buyers.
 */
export function latestRetractionEnd(periods: readonly RetractionPeriod[]): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const period of periods) {
    if (period.endDate === null) {
      return null;
    }
    if (latest === null || compareDates(period.endDate, latest) > 0) {
      latest = period.endDate;
    }
  }
  return latest;
}

/**
 * Writes in French what happens to the deposit after a withdrawal, with the deposit amount and
 * the article that decides (see `depositRefund`). Returns null when no withdrawal is recorded.
 */
export function describeDepositRefund(input: DepositRefundDecisionInput): string | null {
  if (input.withdrawalDate === null) {
    return null;
  }
  if (input.reason === null) {
    return 'Motif du désistement non renseigné : choisissez-le pour savoir si le dépôt de garantie est restitué.';
  }

  const decision = depositRefund({
    reason: input.reason,
    withdrawalDate: input.withdrawalDate,
    retractionEnd: latestRetractionEnd(input.periods),
  });
  const amount =
    input.deposit === null || input.deposit <= 0
      ? "Aucun dépôt de garantie n'est enregistré sur la réservation."
      : `Dépôt de garantie de ${formatEuros(toCents(input.deposit, 'le dépôt de garantie'))}.`;
  return `${amount} ${decision.explanation}`;
}
