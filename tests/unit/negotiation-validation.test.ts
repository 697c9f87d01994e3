import {
  formatDateFr,
  formatEuros,
  isFrenchDepartmentCode,
  isIsoDate,
  type NegotiationDataInput,
  validateNegotiationData,
} from '../../src/domain/negotiation';

/** Intl groups thousands with U+202F, and U+00A0 precedes the € sign. */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

function codes(input: NegotiationDataInput): string[] {
  return validateNegotiationData(input).map((problem) => problem.code);
}

describe('validateNegotiationData', () => {
  it('consistent data passes', () => {
    expect(
      validateNegotiationData({
        department: '64',
        cashPurchase: false,
        budgetMin: 200000,
        budgetMax: 280000,
        personalContribution: 30000,
        loanAmount: 235000,
        activeReservationContractPrice: 265000,
        loanApplicationDate: '2027-01-11',
        loanOfferIssueDate: '2027-02-10',
        loanOfferDeadline: '2027-03-12',
        deedSignatureDate: '2027-06-15',
      }),
    ).toEqual([]);
  });

  it('empty input passes', () => {
    expect(validateNegotiationData({})).toEqual([]);
  });

  it('blank values are not checked', () => {
    expect(validateNegotiationData({ department: ' ', withdrawalDate: '', loanOfferDeadline: '  ' })).toEqual([]);
  });

  it('deed and withdrawal dates', () => {
    expect(validateNegotiationData({ deedSignatureDate: '2027-06-15', withdrawalDate: '2027-07-01' })).toEqual([
      {
        field: 'withdrawalDate',
        code: 'DEED_AND_WITHDRAWAL',
        message:
          "La date de signature de l'acte (15/06/2027) et la date de désistement (01/07/2027) sont " +
          "toutes deux renseignées : videz l'une des deux, car une négo ne peut pas être à la fois " +
          'conclue et perdue.',
      },
    ]);
  });

  it('offer deadline before issue date', () => {
    expect(validateNegotiationData({ loanOfferIssueDate: '2027-02-10', loanOfferDeadline: '2027-02-03' })).toEqual([
      {
        field: 'loanOfferDeadline',
        code: 'LOAN_OFFER_DEADLINE_BEFORE_ISSUE',
        message:
          "La date limite de l'offre de prêt (03/02/2027) précède sa date d'émission (10/02/2027) : " +
          "corrigez l'une des deux dates.",
      },
    ]);
  });

  it('offer deadline on issue date passes', () => {
    expect(validateNegotiationData({ loanOfferIssueDate: '2027-02-10', loanOfferDeadline: '2027-02-10' })).toEqual([]);
  });

  it('offer issued before application', () => {
    expect(validateNegotiationData({ loanApplicationDate: '2027-02-15', loanOfferIssueDate: '2027-02-10' })).toEqual([
      {
        field: 'loanOfferIssueDate',
        code: 'LOAN_OFFER_BEFORE_APPLICATION',
        message:
          "La date d'émission de l'offre de prêt (10/02/2027) précède la date de demande de prêt " +
          "(15/02/2027) : corrigez l'une des deux dates.",
      },
    ]);
  });

  it('offer dates compared across months', () => {
    expect(codes({ loanApplicationDate: '2026-12-31', loanOfferIssueDate: '2027-01-02' })).toEqual([]);
  });

  it('cash purchase with loan amount', () => {
    expect(validateNegotiationData({ cashPurchase: true, loanAmount: 150000 })).toEqual([
      {
        field: 'loanAmount',
        code: 'CASH_PURCHASE_WITH_LOAN',
        message:
          `L'achat est déclaré comptant mais le montant du prêt est renseigné (150${NNBSP}000${NBSP}€) : ` +
          "videz le montant du prêt ou décochez l'achat comptant.",
      },
    ]);
  });

  it('cash purchase with loan of 0 passes', () => {
    expect(codes({ cashPurchase: true, loanAmount: 0 })).toEqual([]);
  });

  it('cash purchase without loan passes', () => {
    expect(codes({ cashPurchase: true, personalContribution: 265000, loanAmount: null })).toEqual([]);
  });

  it('loan purchase with loan amount passes', () => {
    expect(codes({ cashPurchase: false, loanAmount: 150000 })).toEqual([]);
  });

  it('budget range inverted', () => {
    expect(validateNegotiationData({ budgetMin: 300000, budgetMax: 250000 })).toEqual([
      {
        field: 'budgetMin',
        code: 'BUDGET_RANGE_INVALID',
        message:
          `Le budget minimum (300${NNBSP}000${NBSP}€) dépasse le budget maximum (250${NNBSP}000${NBSP}€) : ` +
          "corrigez l'un des deux montants.",
      },
    ]);
  });

  it('equal budget bounds pass', () => {
    expect(codes({ budgetMin: 250000, budgetMax: 250000 })).toEqual([]);
  });

  it('budget with one bound passes', () => {
    expect(codes({ budgetMin: 300000, budgetMax: null })).toEqual([]);
  });

  it('negative contribution', () => {
    expect(validateNegotiationData({ personalContribution: -5000.5 })).toEqual([
      {
        field: 'personalContribution',
        code: 'AMOUNT_NEGATIVE',
        message: `L'apport personnel est négatif (-5${NNBSP}000,5${NBSP}€) : saisissez un montant positif ou nul.`,
      },
    ]);
  });

  it.each<[keyof NegotiationDataInput, string]>([
    ['budgetMin', 'budgetMin'],
    ['budgetMax', 'budgetMax'],
    ['personalContribution', 'personalContribution'],
    ['loanAmount', 'loanAmount'],
    ['activeReservationContractPrice', 'contractPrice'],
  ])('negative %s', (inputKey, field) => {
    const problems = validateNegotiationData({ [inputKey]: -1 });

    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([[field, 'AMOUNT_NEGATIVE']]);
  });

  it('zero amounts pass', () => {
    expect(codes({ budgetMin: 0, personalContribution: 0, activeReservationContractPrice: 0 })).toEqual([]);
  });

  it('NaN amount', () => {
    expect(validateNegotiationData({ loanAmount: Number.NaN })).toEqual([
      {
        field: 'loanAmount',
        code: 'AMOUNT_INVALID',
        message: "Le montant du prêt (NaN) n'est pas un montant valide : saisissez un nombre d'euros.",
      },
    ]);
  });

  it('invalid département', () => {
    expect(validateNegotiationData({ department: '20' })).toEqual([
      {
        field: 'department',
        code: 'DEPARTMENT_INVALID',
        message:
          "Le département « 20 » n'est pas un code de département français : " +
          'saisissez un code de 01 à 95, 2A, 2B ou de 971 à 976.',
      },
    ]);
  });

  it('invalid date', () => {
    expect(validateNegotiationData({ loanOfferIssueDate: '2027-02-30' })).toEqual([
      {
        field: 'loanOfferIssueDate',
        code: 'DATE_INVALID',
        message:
          "La date d'émission de l'offre « 2027-02-30 » n'est pas une date valide : " +
          'saisissez une date réelle au format AAAA-MM-JJ.',
      },
    ]);
  });

  it.each(['loanApplicationDate', 'loanOfferIssueDate', 'loanOfferDeadline', 'deedSignatureDate', 'withdrawalDate'] as const)(
    'invalid %s',
    (field) => {
      const problems = validateNegotiationData({ [field]: '15/06/2027' });

      expect(problems.map((problem) => [problem.field, problem.code])).toEqual([[field, 'DATE_INVALID']]);
    },
  );

  it('invalid date skips comparison', () => {
    expect(codes({ loanOfferIssueDate: '2027-02-10', loanOfferDeadline: '2027-13-01' })).toEqual(['DATE_INVALID']);
  });

  it('several problems in order', () => {
    expect(
      codes({
        department: '99',
        budgetMin: 300000,
        budgetMax: 250000,
        cashPurchase: true,
        loanAmount: 100000,
        loanApplicationDate: '2027-02-15',
        loanOfferIssueDate: '2027-02-10',
        loanOfferDeadline: '2027-02-03',
        deedSignatureDate: '2027-06-15',
        withdrawalDate: 'hier',
      }),
    ).toEqual([
      'DATE_INVALID',
      'DEPARTMENT_INVALID',
      'DEED_AND_WITHDRAWAL',
      'LOAN_OFFER_BEFORE_APPLICATION',
      'LOAN_OFFER_DEADLINE_BEFORE_ISSUE',
      'CASH_PURCHASE_WITH_LOAN',
      'BUDGET_RANGE_INVALID',
    ]);
  });
});

describe('isFrenchDepartmentCode', () => {
  it.each(['01', '09', '10', '19', '21', '64', '75', '95', '2A', '2B', '971', '974', '976'])('%s valid', (code) => {
    expect(isFrenchDepartmentCode(code)).toBe(true);
  });

  it.each(['00', '1', '20', '96', '99', '2a', '2C', '970', '977', '064', ' 64', 'Paris', ''])('%s invalid', (code) => {
    expect(isFrenchDepartmentCode(code)).toBe(false);
  });
});

describe('date and amount formats', () => {
  it.each(['2027-02-03', '2028-02-29', '2000-02-29'])('%s valid ISO date', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2027-02-29', '1900-02-29', '2027-13-01', '2027-00-10', '2027-2-3', '2027-02-03T00:00:00Z', '03/02/2027'])(
    '%s invalid ISO date',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it('date shown day first', () => {
    expect(formatDateFr('2027-02-03')).toBe('03/02/2027');
  });

  it('euros grouped by thousands', () => {
    expect(formatEuros(1234567.8)).toBe(`1${NNBSP}234${NNBSP}567,8${NBSP}€`);
  });
});
