const METROPOLITAN_PATTERN = /^(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B)$/;
const OVERSEAS_PATTERN = /^97[1-6]$/;

/**
 * Returns true for a French département code: 01 to 95 except 20 (Corsica is split into
 * 2A and 2B), 2A, 2B, or 971 to 976. Codes are matched exactly, so « 2a » and « 1 » are
 * rejected. 975 is Saint-Pierre-et-Miquelon, an overseas collectivity rather than a
 * département, accepted because its postal codes and commune codes start with 975.
 */
export function isFrenchDepartmentCode(code: string): boolean {
  return METROPOLITAN_PATTERN.test(code) || OVERSEAS_PATTERN.test(code);
}
