import {
  checkLoanConditionDate,
  checkLoanOfferAcceptance,
  earliestLoanConditionDeadline,
  loanOfferDates,
} from '../../src/domain/vefa';

describe('earliestLoanConditionDeadline', () => {
  it.each([
    ['2026-01-15', '2026-02-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-02-28', '2026-03-28'],
    ['2026-12-20', '2027-01-20'],
  ])('signed %s: %s', (signatureDate, expected) => {
    expect(earliestLoanConditionDeadline(signatureDate)).toBe(expected);
  });
});

describe('checkLoanConditionDate', () => {
  it.each([
    ['exactly one month', '2026-01-15', '2026-02-15'],
    ['more than one month', '2026-01-15', '2026-03-15'],
    ['31 January to 28 February', '2026-01-31', '2026-02-28'],
    ['31 January to 29 February in a leap year', '2028-01-31', '2028-02-29'],
  ])('accepts %s', (_case, signatureDate, loanConditionDeadline) => {
    expect(checkLoanConditionDate({ signatureDate, loanConditionDeadline })).toBeNull();
  });

  it.each([
    ['one day short', '2026-01-15', '2026-02-14'],
    ['31 January to 27 February', '2026-01-31', '2026-02-27'],
    ['31 January to 28 February in a leap year', '2028-01-31', '2028-02-28'],
    ['before the signature', '2026-01-15', '2026-01-10'],
  ])('rejects %s', (_case, signatureDate, loanConditionDeadline) => {
    expect(checkLoanConditionDate({ signatureDate, loanConditionDeadline })?.code).toBe('LOAN_CONDITION_TOO_SHORT');
  });

  it('names both dates and the earliest', () => {
    const problem = checkLoanConditionDate({ signatureDate: '2026-01-31', loanConditionDeadline: '2026-02-20' });

    expect(problem?.message).toBe(
      "La condition suspensive de prêt expire le 20/02/2026, moins d'un mois après la signature du 31/01/2026 : " +
        "elle doit durer au moins un mois, soit jusqu'au 28/02/2026 au plus tôt (art. L313-41 du Code de la consommation).",
    );
  });
});

describe('loanOfferDates', () => {
  it.each([
    ['2026-03-02', '2026-03-13', '2026-04-01'],
    ['2026-01-25', '2026-02-05', '2026-02-24'],
    ['2026-12-25', '2027-01-05', '2027-01-24'],
  ])('received %s', (receivedDate, earliestAcceptanceDate, minimumValidityEnd) => {
    const dates = loanOfferDates({ receivedDate });

    expect(dates.earliestAcceptanceDate).toBe(earliestAcceptanceDate);
    expect(dates.minimumValidityEnd).toBe(minimumValidityEnd);
  });
});

describe('checkLoanOfferAcceptance', () => {
  it('accepts day 11', () => {
    expect(checkLoanOfferAcceptance({ receivedDate: '2026-03-02', acceptanceDate: '2026-03-13' })).toBeNull();
  });

  it('rejects day 10', () => {
    const problem = checkLoanOfferAcceptance({ receivedDate: '2026-03-02', acceptanceDate: '2026-03-12' });

    expect(problem?.code).toBe('LOAN_OFFER_ACCEPTED_TOO_EARLY');
  });

  it('rejects the day of receipt', () => {
    const problem = checkLoanOfferAcceptance({ receivedDate: '2026-03-02', acceptanceDate: '2026-03-02' });

    expect(problem?.code).toBe('LOAN_OFFER_ACCEPTED_TOO_EARLY');
  });

  it('states the earliest date', () => {
    const problem = checkLoanOfferAcceptance({ receivedDate: '2026-03-02', acceptanceDate: '2026-03-05' });

    expect(problem?.message).toBe(
      "L'offre de prêt reçue le 02/03/2026 a été acceptée le 05/03/2026, avant la fin du délai de réflexion de 10 jours : " +
        "elle ne peut l'être qu'à partir du 13/03/2026 (art. L313-34 du Code de la consommation). " +
        "Faites renouveler l'acceptation à partir de cette date.",
    );
  });
});
