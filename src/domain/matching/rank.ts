import type { HousingType, LotCandidate, LotMatch, MatchOptions, MatchReason, NeedCriteria } from './types';

/** Weights of each reason: the place and the typology matter more than the price margin. */
const WEIGHTS = {
  TYPOLOGY_EXACT: 40,
  TYPOLOGY_NEAR: 15,
  BUDGET_WITHIN: 30,
  BUDGET_BELOW_MIN: 20,
  BUDGET_SLIGHTLY_ABOVE: 5,
  PROGRAMME: 35,
  CITY: 25,
  DEPARTMENT: 10,
} as const;

const DEFAULT_BUDGET_TOLERANCE = 0.05;
const DEFAULT_LIMIT = 50;

/** Lot kinds a buyer can live in; parkings, cellars and shops are sold as annexes or apart. */
const HOME_KINDS = new Set(['apartment', 'house']);

/** Apartment typologies by number of main rooms; a studio and a T1 both have one. */
const ROOMS: Readonly<Record<string, number>> = { studio: 1, t1: 1, t2: 2, t3: 3, t4: 4, t5: 5, t6: 6 };

const TYPOLOGY_LABELS: Readonly<Record<string, string>> = {
  studio: 'studio',
  t1: 'T1',
  t2: 'T2',
  t3: 'T3',
  t4: 'T4',
  t5: 'T5',
  t6: 'T6',
  house: 'maison',
};

const PRICE_FORMAT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

function euros(amount: number): string {
  return `${PRICE_FORMAT.format(amount)}\u00a0€`;
}

/** Lower-cases and strips accents, dashes and apostrophes, so « Saint-Jean-de-Luz » equals « saint jean de luz ». */
export function normalizePlace(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();
}

function isFilled(value: string | null): value is string {
  return value !== null && value.trim() !== '';
}

function typologyReason(wanted: HousingType, lot: LotCandidate): MatchReason | null | 'excluded' {
  const lotIsHouse = lot.kind === 'house' || lot.typology === 'house';
  if (wanted === 'house') {
    return lotIsHouse ? { code: 'TYPOLOGY_EXACT', label: 'Maison, comme demandé' } : 'excluded';
  }
  if (lotIsHouse || lot.typology === null) return 'excluded';

  const wantedRooms = ROOMS[wanted];
  const lotRooms = ROOMS[lot.typology];
  if (lotRooms === undefined) return 'excluded';
  const label = TYPOLOGY_LABELS[lot.typology] ?? lot.typology;
  if (lot.typology === wanted) return { code: 'TYPOLOGY_EXACT', label: `${capitalize(label)}, comme demandé` };
  if (lotRooms === wantedRooms) return { code: 'TYPOLOGY_NEAR', label: `${capitalize(label)} : même nombre de pièces que le ${TYPOLOGY_LABELS[wanted]} demandé` };
  if (Math.abs(lotRooms - wantedRooms) === 1) {
    const direction = lotRooms > wantedRooms ? 'de plus' : 'de moins';
    return { code: 'TYPOLOGY_NEAR', label: `${capitalize(label)} : une pièce ${direction} que le ${TYPOLOGY_LABELS[wanted]} demandé` };
  }
  return 'excluded';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function budgetReason(need: NeedCriteria, price: number | null, tolerance: number): MatchReason | null | 'excluded' {
  const { budgetMin, budgetMax } = need;
  if (budgetMin === null && budgetMax === null) return null;
  if (price === null) return 'excluded';

  if (budgetMax !== null && price > budgetMax) {
    if (price > budgetMax * (1 + tolerance)) return 'excluded';
    const percent = Math.ceil(((price - budgetMax) / budgetMax) * 100);
    return { code: 'BUDGET_SLIGHTLY_ABOVE', label: `${euros(price)} : ${percent} % au-dessus du budget maximum, à négocier` };
  }
  if (budgetMin !== null && price < budgetMin) {
    return { code: 'BUDGET_BELOW_MIN', label: `${euros(price)} : sous le budget minimum de ${euros(budgetMin)}` };
  }
  const range =
    budgetMin !== null && budgetMax !== null
      ? `entre ${euros(budgetMin)} et ${euros(budgetMax)}`
      : budgetMax !== null
        ? `jusqu'à ${euros(budgetMax)}`
        : `à partir de ${euros(budgetMin ?? 0)}`;
  return { code: 'BUDGET_WITHIN', label: `${euros(price)} : dans le budget (${range})` };
}

/**
 * Returns the place reason of a lot, or 'excluded' when the need names a place the lot is
 * not in. The programme, the city and the département are alternatives: the closest one wins.
 */
function placeReason(need: NeedCriteria, lot: LotCandidate): MatchReason | null | 'excluded' {
  const wantsProgramme = isFilled(need.programmeDocumentId);
  const wantsCity = isFilled(need.city);
  const wantsDepartment = isFilled(need.department);
  if (!wantsProgramme && !wantsCity && !wantsDepartment) return null;

  if (wantsProgramme && lot.programmeDocumentId === need.programmeDocumentId) {
    return { code: 'PROGRAMME', label: `Dans le programme demandé (${lot.programmeName ?? 'sans nom'})` };
  }
  if (wantsCity && isFilled(lot.programmeCity) && normalizePlace(lot.programmeCity) === normalizePlace(need.city ?? '')) {
    return { code: 'CITY', label: `À ${lot.programmeCity}, la ville recherchée` };
  }
  if (wantsDepartment && lot.programmeDepartment === need.department?.trim()) {
    return { code: 'DEPARTMENT', label: `Dans le département recherché (${lot.programmeDepartment})` };
  }
  return 'excluded';
}

/** Euros between a price and the budget range, 0 inside it, so a lot closer to the budget ranks first. */
function distanceToBudget(need: NeedCriteria, price: number | null): number {
  if (price === null) return Number.POSITIVE_INFINITY;
  if (need.budgetMin !== null && price < need.budgetMin) return need.budgetMin - price;
  if (need.budgetMax !== null && price > need.budgetMax) return price - need.budgetMax;
  return 0;
}

/**
 * Returns the available homes that fit a négo's need, best first, each with the reasons it
 * fits. A lot is left out when it is not available or not a home. It is also left out when
 * it misses a criterion the need sets: a typology more than one room away from the one
 * asked, a price above the budget plus the tolerance, or a place other than the programme,
 * city or département asked. Ties go to the lot closest to the budget, then the cheapest,
 * then the first reference.
 */
export function matchLots(need: NeedCriteria, lots: readonly LotCandidate[], options: MatchOptions = {}): LotMatch[] {
  const tolerance = options.budgetTolerance ?? DEFAULT_BUDGET_TOLERANCE;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const matches: LotMatch[] = [];

  for (const lot of lots) {
    if (lot.salesStatus !== 'available' || !HOME_KINDS.has(lot.kind)) continue;

    const reasons: MatchReason[] = [];
    const checks = [
      need.housingType === null ? null : typologyReason(need.housingType, lot),
      budgetReason(need, lot.price, tolerance),
      placeReason(need, lot),
    ];
    if (checks.includes('excluded')) continue;
    for (const check of checks) {
      if (check !== null && check !== 'excluded') reasons.push(check);
    }

    const score = reasons.reduce((sum, reason) => sum + WEIGHTS[reason.code], 0);
    matches.push({ lot, score, reasons });
  }

  matches.sort(
    (a, b) =>
      b.score - a.score ||
      distanceToBudget(need, a.lot.price) - distanceToBudget(need, b.lot.price) ||
      (a.lot.price ?? Number.POSITIVE_INFINITY) - (b.lot.price ?? Number.POSITIVE_INFINITY) ||
      a.lot.reference.localeCompare(b.lot.reference, 'fr'),
  );
  return matches.slice(0, limit);
}

/** Returns true when the need has at least one criterion the matching can use. */
export function hasMatchingCriteria(need: NeedCriteria): boolean {
  return (
    need.housingType !== null ||
    need.budgetMin !== null ||
    need.budgetMax !== null ||
    isFilled(need.city) ||
    isFilled(need.department) ||
    isFilled(need.programmeDocumentId)
  );
}
