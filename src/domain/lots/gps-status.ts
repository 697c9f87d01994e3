import type { GpsLotStatus } from './types';

/**
 * Parses the `statut` column of the GPS lot export (LIBRE, OPTION, RESERVE, VENDU, BLOQUE).
 * Case, surrounding spaces and accents are ignored, so « Réservé » reads as RESERVE.
 * Returns null for any other value, so that the caller rejects the row.
 */
export function parseGpsLotStatus(raw: string): GpsLotStatus | null {
  const code = raw
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .trim()
    .toUpperCase();

  switch (code) {
    case 'LIBRE':
      return 'available';
    case 'OPTION':
      return 'optioned';
    case 'RESERVE':
      return 'reserved';
    case 'VENDU':
      return 'sold';
    case 'BLOQUE':
      return 'blocked';
    default:
      return null;
  }
}
