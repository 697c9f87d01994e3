/**
 * Derives the French department code from a postal code, as stored in `programme.department`.
 *
 * - Metropolitan France: the first two digits (64700 → 64).
 * - Corsica: postal codes start with 20 but the departments are 2A and 2B. The INSEE commune code
 *   gives the department (2A004 → 2A). Without it, the postal code decides, as La Poste assigns
 *   them: 200xx and 201xx are Corse-du-Sud, 202xx and 206xx Haute-Corse.
 * - Overseas: the first three digits (97400 → 974, 98800 → 988).
 * Returns null when no department applies (Monaco's 980xx, a malformed code).
 */
export function departmentFromPostalCode(postalCode: string, inseeCode: string | null): string | null {
  if (!/^\d{5}$/.test(postalCode)) return null;

  const prefix = postalCode.slice(0, 2);
  if (prefix === '00') return null;

  if (prefix === '20') {
    const inseePrefix = inseeCode?.slice(0, 2).toUpperCase();
    if (inseePrefix === '2A' || inseePrefix === '2B') return inseePrefix;
    const third = postalCode[2];
    if (third === '0' || third === '1') return '2A';
    if (third === '2' || third === '6') return '2B';
    return null;
  }

  if (prefix === '97' || prefix === '98') {
    const overseas = postalCode.slice(0, 3);
    return overseas === '980' ? null : overseas;
  }

  return prefix;
}
