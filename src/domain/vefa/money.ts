/**
 * Euro amounts. Rules compute in integer cents so that 5 % of a price never carries a binary
 * floating-point error into a comparison.
 */

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/**
 * Converts an amount in euros (at most two decimals, as stored in a decimal column) to cents.
 *
 * @throws RangeError with a French message when the amount is negative or not a finite number.
 */
export function toCents(amount: number, fieldLabel: string): number {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`Montant invalide pour ${fieldLabel} : ${String(amount)}. Attendu : un nombre positif ou nul, en euros.`);
  }
  return Math.round(amount * 100);
}

export function centsToEuros(cents: number): number {
  return cents / 100;
}

/**
 * Formats cents as French euros, for example `12 500,00 €`.
 *
 * Intl with ICU 78.2 (Node 20.20) separates thousands with a narrow no-break space (U+202F) and
 * puts a no-break space (U+00A0) before the euro sign. Other ICU versions may choose other
 * spaces, so both become plain spaces: messages are then the same on every Node build and tests
 * can spell them as written.
 */
export function formatEuros(cents: number): string {
  return euroFormat.format(cents / 100).replace(/[\u202f\u00a0]/g, ' ');
}
