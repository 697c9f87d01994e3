import { addMonths, compareDates, IsoDate } from './calendar';
import { centsToEuros, formatEuros, toCents } from './money';
import { Problem } from './problem';

export interface DepositCeilingInput {
  /** Planned sale price in euros (prix prévisionnel of the reservation contract). */
  price: number;
  /** Signature date of the reservation contract. */
  reservationDate: IsoDate;
  /** Planned signature date of the deed of sale, as stated in the reservation contract. */
  plannedDeedDate: IsoDate;
}

export interface DepositCeiling {
  /** Share of the price allowed as deposit: 0.05, 0.02 or 0. */
  rate: number;
  /** Maximum deposit in euros, rounded down to the cent. */
  maxAmount: number;
}

export interface DepositCheckInput extends DepositCeilingInput {
  /** Deposit (dépôt de garantie) in euros. */
  deposit: number;
}

/**
 * Computes the deposit ceiling of CCH art. R261-28: 5 % of the planned price when the sale is
 * to be signed within one year of the reservation contract, 2 % within two years, and no
 * deposit at all beyond two years.
 *
 * "Within one year" includes the anniversary date itself (the article reads "n'excède pas un
 * an"). Years are counted like months (see `addMonths`): from 29 February, one year ends on
 * 28 February.
 */
export function depositCeiling(input: DepositCeilingInput): DepositCeiling {
  const { percent, maxCents } = computeCeiling(input);
  return { rate: percent / 100, maxAmount: centsToEuros(maxCents) };
}

/** Returns a `DEPOSIT_ABOVE_CEILING` problem when the deposit exceeds the R261-28 ceiling. */
export function checkDeposit(input: DepositCheckInput): Problem | null {
  const depositCents = toCents(input.deposit, 'le dépôt de garantie');
  const { percent, maxCents } = computeCeiling(input);
  if (depositCents <= maxCents) {
    return null;
  }

  const deposit = formatEuros(depositCents);
  if (percent === 0) {
    return {
      code: 'DEPOSIT_ABOVE_CEILING',
      message:
        `Le dépôt de garantie (${deposit}) n'est pas autorisé : la vente est prévue plus de deux ans après le contrat de réservation ` +
        `et aucun dépôt ne peut alors être exigé (art. R261-28 du CCH). Supprimez-le.`,
    };
  }

  const ceiling = formatEuros(maxCents);
  return {
    code: 'DEPOSIT_ABOVE_CEILING',
    message:
      `Le dépôt de garantie (${deposit}) dépasse le plafond légal de ${percent} % du prix, soit ${ceiling} ` +
      `(art. R261-28 du CCH) : ramenez-le à ${ceiling} au plus.`,
  };
}

function computeCeiling({ price, reservationDate, plannedDeedDate }: DepositCeilingInput): {
  percent: number;
  maxCents: number;
} {
  const priceCents = toCents(price, 'le prix');
  const percent = ceilingPercent(reservationDate, plannedDeedDate);

  // Rounded down so that the ceiling never exceeds the legal share of the price.
  return { percent, maxCents: Math.floor((priceCents * percent) / 100) };
}

function ceilingPercent(reservationDate: IsoDate, plannedDeedDate: IsoDate): number {
  if (compareDates(plannedDeedDate, addMonths(reservationDate, 12)) <= 0) {
    return 5;
  }
  if (compareDates(plannedDeedDate, addMonths(reservationDate, 24)) <= 0) {
    return 2;
  }
  return 0;
}
