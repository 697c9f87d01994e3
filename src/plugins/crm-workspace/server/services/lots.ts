import type { LotSummary } from '../../shared/contracts';
import type { LotRow } from './rows';

/** Turns a lot row into the summary the admin pages show. */
export function toLotSummary(lot: LotRow): LotSummary {
  return {
    documentId: lot.documentId,
    reference: lot.reference,
    kind: lot.kind,
    typology: lot.typology ?? null,
    rooms: lot.rooms ?? null,
    floor: lot.floor ?? null,
    livingArea: lot.livingArea,
    price: lot.price,
    salesStatus: lot.salesStatus,
    orientation: lot.orientation ?? null,
    programme: lot.programme ? { documentId: lot.programme.documentId, name: lot.programme.name, city: lot.programme.city ?? null } : null,
  };
}
