import { checkDeposit, depositCeiling } from '../../src/domain/vefa';

describe('depositCeiling', () => {
  it.each([
    ['six months', '2026-03-15', '2026-09-15', 0.05, 12500],
    ['exactly one year', '2026-03-15', '2027-03-15', 0.05, 12500],
    ['one year and a day', '2026-03-15', '2027-03-16', 0.02, 5000],
    ['exactly two years', '2026-03-15', '2028-03-15', 0.02, 5000],
    ['two years and a day', '2026-03-15', '2028-03-16', 0, 0],
    ['deed before reservation', '2026-03-15', '2026-03-01', 0.05, 12500],
  ])('%s', (_case, reservationDate, plannedDeedDate, rate, maxAmount) => {
    const ceiling = depositCeiling({ price: 250000, reservationDate, plannedDeedDate });

    expect(ceiling.rate).toBe(rate);
    expect(ceiling.maxAmount).toBe(maxAmount);
  });

  it.each([
    ['2029-02-28', 0.05],
    ['2029-03-01', 0.02],
  ])('one year from 29 February: deed %s', (plannedDeedDate, rate) => {
    expect(depositCeiling({ price: 100000, reservationDate: '2028-02-29', plannedDeedDate }).rate).toBe(rate);
  });

  it('rounds down to the cent', () => {
    const ceiling = depositCeiling({ price: 199999.99, reservationDate: '2026-03-15', plannedDeedDate: '2026-12-15' });

    expect(ceiling.maxAmount).toBe(9999.99);
  });

  it('rejects a negative price', () => {
    expect(() => depositCeiling({ price: -1, reservationDate: '2026-03-15', plannedDeedDate: '2026-12-15' })).toThrow(
      'Montant invalide pour le prix : -1. Attendu : un nombre positif ou nul, en euros.',
    );
  });
});

describe('checkDeposit', () => {
  const withinOneYear = { price: 250000, reservationDate: '2026-03-15', plannedDeedDate: '2027-03-15' };

  it('accepts the ceiling itself', () => {
    expect(checkDeposit({ ...withinOneYear, deposit: 12500 })).toBeNull();
  });

  it('rejects one cent above', () => {
    expect(checkDeposit({ ...withinOneYear, deposit: 12500.01 })?.code).toBe('DEPOSIT_ABOVE_CEILING');
  });

  it('accepts cents without float error', () => {
    // 5 % of 123 456,78 € is 6 172,839 €, so 6 172,83 € is the ceiling.
    const input = { price: 123456.78, reservationDate: '2026-03-15', plannedDeedDate: '2026-12-15' };

    expect(checkDeposit({ ...input, deposit: 6172.83 })).toBeNull();
    expect(checkDeposit({ ...input, deposit: 6172.84 })?.code).toBe('DEPOSIT_ABOVE_CEILING');
  });

  it('states 5 % ceiling in French', () => {
    expect(checkDeposit({ ...withinOneYear, deposit: 15000 })).toEqual({
      code: 'DEPOSIT_ABOVE_CEILING',
      message:
        'Le dépôt de garantie (15 000,00 €) dépasse le plafond légal de 5 % du prix, soit 12 500,00 € ' +
        '(art. R261-28 du CCH) : ramenez-le à 12 500,00 € au plus.',
    });
  });

  it('states 2 % ceiling in French', () => {
    const problem = checkDeposit({ ...withinOneYear, plannedDeedDate: '2027-06-01', deposit: 6000 });

    expect(problem?.message).toBe(
      'Le dépôt de garantie (6 000,00 €) dépasse le plafond légal de 2 % du prix, soit 5 000,00 € ' +
        '(art. R261-28 du CCH) : ramenez-le à 5 000,00 € au plus.',
    );
  });

  it('rejects any deposit beyond two years', () => {
    const problem = checkDeposit({ ...withinOneYear, plannedDeedDate: '2028-03-16', deposit: 3000 });

    expect(problem?.message).toBe(
      "Le dépôt de garantie (3 000,00 €) n'est pas autorisé : la vente est prévue plus de deux ans après le contrat " +
        'de réservation et aucun dépôt ne peut alors être exigé (art. R261-28 du CCH). Supprimez-le.',
    );
  });

  it('accepts no deposit beyond two years', () => {
    expect(checkDeposit({ ...withinOneYear, plannedDeedDate: '2028-03-16', deposit: 0 })).toBeNull();
  });

  it('rejects a non-numeric deposit', () => {
    expect(() => checkDeposit({ ...withinOneYear, deposit: Number.NaN })).toThrow(RangeError);
  });
});
