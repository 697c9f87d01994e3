import { hasMatchingCriteria, matchLots, normalizePlace, type LotCandidate, type NeedCriteria } from '../../src/domain/matching';

const NO_NEED: NeedCriteria = { housingType: null, budgetMin: null, budgetMax: null, city: null, department: null, programmeDocumentId: null };

let sequence = 0;
function lot(overrides: Partial<LotCandidate> = {}): LotCandidate {
  sequence += 1;
  return {
    documentId: `lot-${sequence}`,
    reference: `A${String(sequence).padStart(3, '0')}`,
    kind: 'apartment',
    typology: 't3',
    salesStatus: 'available',
    price: 250000,
    livingArea: 64.5,
    floor: 1,
    programmeDocumentId: 'prog-hendaye',
    programmeName: 'Les Terrasses de la Baie',
    programmeCity: 'Hendaye',
    programmeDepartment: '64',
    ...overrides,
  };
}

describe('matchLots', () => {
  it('keeps only available homes', () => {
    const lots = [
      lot({ reference: 'FREE' }),
      lot({ reference: 'OPT', salesStatus: 'optioned' }),
      lot({ reference: 'RES', salesStatus: 'reserved' }),
      lot({ reference: 'PARK', kind: 'parking', typology: null }),
    ];
    const references = matchLots(NO_NEED, lots).map((match) => match.lot.reference);
    expect(references).toEqual(['FREE']);
  });

  it('ranks the exact typology before a neighbour', () => {
    const need = { ...NO_NEED, housingType: 't3' as const };
    const matches = matchLots(need, [lot({ reference: 'T4', typology: 't4' }), lot({ reference: 'T3', typology: 't3' }), lot({ reference: 'T5', typology: 't5' })]);
    expect(matches.map((match) => match.lot.reference)).toEqual(['T3', 'T4']);
    expect(matches[0].reasons.map((reason) => reason.code)).toEqual(['TYPOLOGY_EXACT']);
    expect(matches[1].reasons[0].label).toBe('T4 : une pièce de plus que le T3 demandé');
  });

  it('treats a studio and a T1 as neighbours', () => {
    const need = { ...NO_NEED, housingType: 't1' as const };
    const [match] = matchLots(need, [lot({ typology: 'studio' })]);
    expect(match.reasons[0].code).toBe('TYPOLOGY_NEAR');
  });

  it('matches a house only with houses', () => {
    const need = { ...NO_NEED, housingType: 'house' as const };
    const matches = matchLots(need, [lot({ reference: 'APT' }), lot({ reference: 'VILLA', kind: 'house', typology: 'house' })]);
    expect(matches.map((match) => match.lot.reference)).toEqual(['VILLA']);
  });

  it('applies the budget with a 5 % margin', () => {
    const need = { ...NO_NEED, budgetMin: 200000, budgetMax: 300000 };
    const matches = matchLots(need, [
      lot({ reference: 'IN', price: 280000 }),
      lot({ reference: 'ABOVE', price: 312000 }),
      lot({ reference: 'TOO-HIGH', price: 316000 }),
      lot({ reference: 'BELOW', price: 150000 }),
      lot({ reference: 'NO-PRICE', price: null }),
    ]);
    expect(matches.map((match) => match.lot.reference)).toEqual(['IN', 'BELOW', 'ABOVE']);
    expect(matches[0].reasons[0].label).toBe('280\u202f000\u00a0€ : dans le budget (entre 200\u202f000\u00a0€ et 300\u202f000\u00a0€)');
    expect(matches[2].reasons[0].label).toBe('312\u202f000\u00a0€ : 4 % au-dessus du budget maximum, à négocier');
  });

  it('uses the given budget tolerance', () => {
    const need = { ...NO_NEED, budgetMax: 300000 };
    expect(matchLots(need, [lot({ price: 312000 })], { budgetTolerance: 0 })).toHaveLength(0);
  });

  it('prefers the programme, then the city, then the département', () => {
    const need = { ...NO_NEED, city: 'hendaye', department: '64', programmeDocumentId: 'prog-target' };
    const matches = matchLots(need, [
      lot({ reference: 'DEPT', programmeDocumentId: 'prog-bayonne', programmeCity: 'Bayonne' }),
      lot({ reference: 'CITY' }),
      lot({ reference: 'PROG', programmeDocumentId: 'prog-target', programmeName: 'Villa Txingudi', programmeCity: 'Hendaye' }),
      lot({ reference: 'ELSEWHERE', programmeDocumentId: 'prog-pau', programmeCity: 'Pau', programmeDepartment: '65' }),
    ]);
    expect(matches.map((match) => match.lot.reference)).toEqual(['PROG', 'CITY', 'DEPT']);
    expect(matches[0].reasons[0].label).toBe('Dans le programme demandé (Villa Txingudi)');
    expect(matches[1].reasons[0].label).toBe('À Hendaye, la ville recherchée');
  });

  it('compares cities without accents or dashes', () => {
    const need = { ...NO_NEED, city: 'saint jean de luz' };
    expect(matchLots(need, [lot({ programmeCity: 'Saint-Jean-de-Luz' })])).toHaveLength(1);
  });

  it('breaks ties by price then reference', () => {
    const matches = matchLots(NO_NEED, [lot({ reference: 'B', price: 200000 }), lot({ reference: 'C', price: 180000 }), lot({ reference: 'A', price: 200000 })]);
    expect(matches.map((match) => match.lot.reference)).toEqual(['C', 'A', 'B']);
  });

  it('ranks lots under the budget by closeness', () => {
    const need = { ...NO_NEED, budgetMin: 250000, budgetMax: 300000 };
    const matches = matchLots(need, [lot({ reference: 'FAR', price: 150000 }), lot({ reference: 'CLOSE', price: 240000 })]);
    expect(matches.map((match) => match.lot.reference)).toEqual(['CLOSE', 'FAR']);
  });

  it('cuts the list at the limit', () => {
    const lots = Array.from({ length: 10 }, () => lot());
    expect(matchLots(NO_NEED, lots, { limit: 3 })).toHaveLength(3);
  });

  it('scores a full fit above a partial one', () => {
    const need: NeedCriteria = { housingType: 't3', budgetMin: null, budgetMax: 300000, city: 'Hendaye', department: '64', programmeDocumentId: null };
    const [full, partial] = matchLots(need, [lot({ reference: 'PARTIAL', typology: 't2' }), lot({ reference: 'FULL' })]);
    expect(full.lot.reference).toBe('FULL');
    expect(full.reasons.map((reason) => reason.code)).toEqual(['TYPOLOGY_EXACT', 'BUDGET_WITHIN', 'CITY']);
    expect(full.score).toBeGreaterThan(partial.score);
  });
});

describe('hasMatchingCriteria', () => {
  it('is false for an empty need', () => {
    expect(hasMatchingCriteria(NO_NEED)).toBe(false);
  });

  it('is false for a blank city', () => {
    expect(hasMatchingCriteria({ ...NO_NEED, city: '  ' })).toBe(false);
  });

  it('is true with a budget only', () => {
    expect(hasMatchingCriteria({ ...NO_NEED, budgetMax: 200000 })).toBe(true);
  });
});

describe('normalizePlace', () => {
  it('drops case, accents and dashes', () => {
    expect(normalizePlace("  Saint-Étienne-d'Orthe ")).toBe('saint etienne d orthe');
  });
});
