import { assertNever } from '../../src/domain/assert-never';
import {
  checkStatusAction,
  derivePhase,
  isNegotiationPhase,
  isNegotiationStatus,
  type NegotiationFacts,
  type NegotiationPhase,
  PHASE_LABELS_FR,
  PHASE_ORDER,
  phaseTransitions,
  STATUS_LABELS_FR,
} from '../../src/domain/negotiation';

const EMPTY: NegotiationFacts = {
  status: 'open',
  phase: null,
  purchaseType: null,
  housingType: null,
  department: null,
  city: null,
  hasProgramme: false,
  propositionCount: 0,
  hasActiveReservation: false,
  activeReservationContractPrice: null,
  cashPurchase: false,
  personalContribution: null,
  loanAmount: null,
  lender: null,
  loanApplicationDate: null,
  loanOfferIssueDate: null,
  loanOfferDeadline: null,
  deedSignatureDate: null,
  withdrawalDate: null,
};

const NEED_DONE: NegotiationFacts = {
  ...EMPTY,
  purchaseType: 'main_residence',
  housingType: 't3',
  department: '64',
  city: 'Hendaye',
};
const COMMERCIAL_ACTIONS_DONE: NegotiationFacts = { ...NEED_DONE, propositionCount: 1 };
const RESERVATION_DONE: NegotiationFacts = {
  ...COMMERCIAL_ACTIONS_DONE,
  hasActiveReservation: true,
  activeReservationContractPrice: 265000,
};
const FINANCING_DONE: NegotiationFacts = {
  ...RESERVATION_DONE,
  personalContribution: 30000,
  loanAmount: 235000,
  lender: 'Crédit Agricole Pyrénées Gascogne',
  loanApplicationDate: '2027-01-11',
  loanOfferIssueDate: '2027-02-10',
  loanOfferDeadline: '2027-03-12',
};
const DEED_DONE: NegotiationFacts = { ...FINANCING_DONE, deedSignatureDate: '2027-06-15' };

/** Facts that reach each phase, with its exit condition unmet. */
const FACTS_IN_PHASE: ReadonlyArray<[NegotiationPhase, NegotiationFacts]> = [
  ['need', EMPTY],
  ['commercial_actions', NEED_DONE],
  ['reservation', COMMERCIAL_ACTIONS_DONE],
  ['financing', RESERVATION_DONE],
  ['deed', FINANCING_DONE],
];

describe('derivePhase phase table', () => {
  it.each<[string, NegotiationFacts, NegotiationPhase, string]>([
    ['new négo', EMPTY, 'need', 'open'],
    ['need without place', { ...NEED_DONE, department: null, city: null }, 'need', 'open'],
    ['need with département only', { ...NEED_DONE, city: null }, 'need', 'open'],
    ['need with city only', { ...NEED_DONE, department: null }, 'need', 'open'],
    ['need without housing type', { ...NEED_DONE, housingType: null }, 'need', 'open'],
    ['need left with place', NEED_DONE, 'commercial_actions', 'open'],
    [
      'need left with programme',
      { ...NEED_DONE, department: null, city: null, hasProgramme: true },
      'commercial_actions',
      'open',
    ],
    ['commercial actions left', COMMERCIAL_ACTIONS_DONE, 'reservation', 'open'],
    [
      'reservation without price',
      { ...COMMERCIAL_ACTIONS_DONE, hasActiveReservation: true },
      'reservation',
      'open',
    ],
    [
      'price on cancelled reservation',
      { ...COMMERCIAL_ACTIONS_DONE, activeReservationContractPrice: 265000 },
      'reservation',
      'open',
    ],
    ['reservation left', RESERVATION_DONE, 'financing', 'open'],
    ['financing without lender', { ...FINANCING_DONE, lender: null }, 'financing', 'open'],
    ['financing left', FINANCING_DONE, 'deed', 'open'],
    ['deed left', DEED_DONE, 'deed', 'won'],
    ['withdrawal', { ...RESERVATION_DONE, withdrawalDate: '2027-02-01' }, 'withdrawal', 'lost'],
  ])('%s', (_name, facts, phase, status) => {
    const result = derivePhase(facts);

    expect(result.phase).toBe(phase);
    expect(result.status).toBe(status);
  });
});

describe('derivePhase blank values', () => {
  it('whitespace purchase type is not set', () => {
    const result = derivePhase({ ...NEED_DONE, purchaseType: '   ' });

    expect(result.phase).toBe('need');
    expect(result.missing).toEqual([{ field: 'purchaseType', label: "le type d'achat" }]);
  });

  it('empty lender is not set', () => {
    expect(derivePhase({ ...FINANCING_DONE, lender: '' }).phase).toBe('financing');
  });

  it('empty deed date is not set', () => {
    expect(derivePhase({ ...FINANCING_DONE, deedSignatureDate: ' ' }).status).toBe('open');
  });

  it('contribution of 0 counts as set', () => {
    expect(derivePhase({ ...FINANCING_DONE, personalContribution: 0 }).phase).toBe('deed');
  });

  it('contract price of 0 counts as set', () => {
    const result = derivePhase({ ...RESERVATION_DONE, activeReservationContractPrice: 0 });

    expect(result.phase).toBe('financing');
  });

  it('NaN loan amount is not set', () => {
    const result = derivePhase({ ...FINANCING_DONE, loanAmount: Number.NaN });

    expect(result.missing.map((item) => item.field)).toEqual(['loanAmount']);
  });
});

describe('derivePhase path and next phase', () => {
  it('path of new négo', () => {
    expect(derivePhase(EMPTY).path).toEqual(['need']);
  });

  it('path lists every phase reached', () => {
    const path = derivePhase(FINANCING_DONE).path;

    expect(path).toEqual(['need', 'commercial_actions', 'reservation', 'financing', 'deed']);
  });

  it.each<[NegotiationPhase, NegotiationFacts, NegotiationPhase | null]>([
    ['need', EMPTY, 'commercial_actions'],
    ['commercial_actions', NEED_DONE, 'reservation'],
    ['reservation', COMMERCIAL_ACTIONS_DONE, 'financing'],
    ['financing', RESERVATION_DONE, 'deed'],
    ['deed', FINANCING_DONE, null],
  ])('next phase after %s', (_phase, facts, nextPhase) => {
    expect(derivePhase(facts).nextPhase).toBe(nextPhase);
  });

  it('no next phase when won', () => {
    expect(derivePhase(DEED_DONE).nextPhase).toBeNull();
  });
});

describe('derivePhase missing fields', () => {
  it('new négo lacks need fields', () => {
    const fields = derivePhase(EMPTY).missing.map((item) => item.field);

    expect(fields).toEqual(['purchaseType', 'housingType', 'department', 'city']);
  });

  it('programme replaces the place', () => {
    const result = derivePhase({ ...EMPTY, hasProgramme: true });

    expect(result.missing.map((item) => item.field)).toEqual(['purchaseType', 'housingType']);
  });

  it('commercial actions lack a proposition', () => {
    expect(derivePhase(NEED_DONE).missing).toEqual([
      { field: 'propositions', label: 'au moins une proposition de lot' },
    ]);
  });

  it('reservation lacks a reservation', () => {
    const fields = derivePhase(COMMERCIAL_ACTIONS_DONE).missing.map((item) => item.field);

    expect(fields).toEqual(['reservations']);
  });

  it('reservation lacks its price', () => {
    const result = derivePhase({ ...COMMERCIAL_ACTIONS_DONE, hasActiveReservation: true });

    expect(result.missing).toEqual([{ field: 'contractPrice', label: 'le prix du contrat de réservation' }]);
  });

  it('financing lacks all six loan fields', () => {
    const fields = derivePhase(RESERVATION_DONE).missing.map((item) => item.field);

    expect(fields).toEqual([
      'personalContribution',
      'loanAmount',
      'lender',
      'loanApplicationDate',
      'loanOfferIssueDate',
      'loanOfferDeadline',
    ]);
  });

  it('deed lacks its signature date', () => {
    expect(derivePhase(FINANCING_DONE).missing).toEqual([
      { field: 'deedSignatureDate', label: "la date de signature de l'acte" },
    ]);
  });

  it.each<[string, NegotiationFacts]>([
    ['won', DEED_DONE],
    ['lost', { ...NEED_DONE, withdrawalDate: '2027-02-01' }],
    ['closed', { ...NEED_DONE, status: 'closed', phase: 'commercial_actions' }],
  ])('nothing missing when %s', (_name, facts) => {
    const result = derivePhase(facts);

    expect(result.missing).toEqual([]);
    expect(result.missingMessage).toBeNull();
  });
});

describe('derivePhase missingMessage', () => {
  it.each<[string, NegotiationFacts, string]>([
    [
      'new négo',
      EMPTY,
      "Pour passer en Actions commerciales : renseigner le type d'achat, le type de logement, " +
        'le département et la ville ou un programme',
    ],
    [
      'need with département only',
      { ...NEED_DONE, city: null },
      'Pour passer en Actions commerciales : renseigner la ville ou un programme',
    ],
    [
      'need with city only',
      { ...NEED_DONE, department: '' },
      'Pour passer en Actions commerciales : renseigner le département ou un programme',
    ],
    [
      'need with programme',
      { ...EMPTY, hasProgramme: true, housingType: 't2' },
      "Pour passer en Actions commerciales : renseigner le type d'achat",
    ],
    ['commercial actions', NEED_DONE, 'Pour passer en Réservation : proposer au moins un lot'],
    [
      'no reservation',
      COMMERCIAL_ACTIONS_DONE,
      'Pour passer en Suivi du financement : enregistrer une réservation avec son prix',
    ],
    [
      'reservation without price',
      { ...COMMERCIAL_ACTIONS_DONE, hasActiveReservation: true },
      'Pour passer en Suivi du financement : renseigner le prix du contrat de réservation',
    ],
    [
      'financing without lender and offer',
      { ...FINANCING_DONE, lender: null, loanOfferIssueDate: null },
      "Pour passer en Acte : renseigner l'organisme prêteur, la date d'émission de l'offre",
    ],
    [
      'financing from scratch',
      RESERVATION_DONE,
      "Pour passer en Acte : renseigner l'apport personnel, le montant du prêt, " +
        "l'organisme prêteur, la date de demande de prêt, la date d'émission de l'offre, " +
        "la date limite de l'offre",
    ],
    ['deed', FINANCING_DONE, "Pour conclure la vente : renseigner la date de signature de l'acte"],
  ])('%s', (_name, facts, message) => {
    expect(derivePhase(facts).missingMessage).toBe(message);
  });
});

describe('derivePhase cash purchase', () => {
  const cashReserved: NegotiationFacts = { ...RESERVATION_DONE, cashPurchase: true };

  it('cash with contribution leaves financing', () => {
    const result = derivePhase({ ...cashReserved, personalContribution: 265000 });

    expect(result.phase).toBe('deed');
    expect(result.status).toBe('open');
  });

  it('cash with contribution of 0 leaves financing', () => {
    expect(derivePhase({ ...cashReserved, personalContribution: 0 }).phase).toBe('deed');
  });

  it('cash without contribution stays in financing', () => {
    const result = derivePhase(cashReserved);

    expect(result.phase).toBe('financing');
    expect(result.missing.map((item) => item.field)).toEqual(['personalContribution']);
    expect(result.missingMessage).toBe("Pour passer en Acte : renseigner l'apport personnel");
  });

  it('cash purchase reaches won', () => {
    const result = derivePhase({ ...cashReserved, personalContribution: 265000, deedSignatureDate: '2027-06-15' });

    expect(result.status).toBe('won');
  });

  it('loan purchase needs more than contribution', () => {
    const result = derivePhase({ ...RESERVATION_DONE, personalContribution: 265000 });

    expect(result.phase).toBe('financing');
  });
});

describe('derivePhase cleared field', () => {
  it('cleared lender moves deed back', () => {
    const result = derivePhase({ ...FINANCING_DONE, lender: null });

    expect(result.phase).toBe('financing');
    expect(result.missingMessage).toBe("Pour passer en Acte : renseigner l'organisme prêteur");
  });

  it('cleared proposition moves back to commercial actions', () => {
    const result = derivePhase({ ...RESERVATION_DONE, propositionCount: 0 });

    expect(result.phase).toBe('commercial_actions');
  });

  it('cleared city moves back to need', () => {
    expect(derivePhase({ ...FINANCING_DONE, city: null }).phase).toBe('need');
  });

  it('deed date alone does not win', () => {
    const result = derivePhase({ ...DEED_DONE, lender: null });

    expect(result.phase).toBe('financing');
    expect(result.status).toBe('open');
  });
});

describe('derivePhase won or lost négo edited', () => {
  const won: NegotiationFacts = { ...DEED_DONE, status: 'won', phase: 'deed' };
  const lost: NegotiationFacts = {
    ...RESERVATION_DONE,
    status: 'lost',
    phase: 'withdrawal',
    withdrawalDate: '2027-02-01',
  };

  it('won stays won after unrelated edit', () => {
    const result = derivePhase({ ...won, housingType: 't4' });

    expect(result.phase).toBe('deed');
    expect(result.status).toBe('won');
  });

  it('won reopens when deed date cleared', () => {
    const result = derivePhase({ ...won, deedSignatureDate: null });

    expect(result.phase).toBe('deed');
    expect(result.status).toBe('open');
  });

  it('won with cleared deed date records reopening', () => {
    const after = derivePhase({ ...won, deedSignatureDate: null });

    expect(phaseTransitions({ phase: 'deed', status: 'won' }, after)).toEqual([
      { fromPhase: 'deed', toPhase: 'deed', fromStatus: 'won', toStatus: 'open' },
    ]);
  });

  it('lost stays lost after unrelated edit', () => {
    const result = derivePhase({ ...lost, lender: 'Banque Populaire' });

    expect(result.phase).toBe('withdrawal');
    expect(result.status).toBe('lost');
  });

  it('lost edit records nothing', () => {
    const after = derivePhase({ ...lost, lender: 'Banque Populaire' });

    expect(phaseTransitions({ phase: 'withdrawal', status: 'lost' }, after)).toEqual([]);
  });

  it('lost reopens when withdrawal date cleared', () => {
    const result = derivePhase({ ...lost, withdrawalDate: null });

    expect(result.phase).toBe('financing');
    expect(result.status).toBe('open');
  });

  it('cleared withdrawal date records one step back', () => {
    const after = derivePhase({ ...lost, withdrawalDate: null });

    expect(phaseTransitions({ phase: 'withdrawal', status: 'lost' }, after)).toEqual([
      { fromPhase: 'withdrawal', toPhase: 'financing', fromStatus: 'lost', toStatus: 'open' },
    ]);
  });
});

describe('derivePhase withdrawal', () => {
  it.each(FACTS_IN_PHASE)('withdrawal from %s', (phase, facts) => {
    const result = derivePhase({ ...facts, phase, withdrawalDate: '2027-02-01' });

    expect(result.phase).toBe('withdrawal');
    expect(result.status).toBe('lost');
    expect(result.path.slice(-2)).toEqual([phase, 'withdrawal']);
  });

  it.each(FACTS_IN_PHASE)('withdrawal from %s records one step', (phase, facts) => {
    const after = derivePhase({ ...facts, phase, withdrawalDate: '2027-02-01' });

    expect(phaseTransitions({ phase, status: 'open' }, after)).toEqual([
      { fromPhase: phase, toPhase: 'withdrawal', fromStatus: 'open', toStatus: 'lost' },
    ]);
  });

  it('withdrawal from won négo', () => {
    const after = derivePhase({ ...DEED_DONE, status: 'won', phase: 'deed', withdrawalDate: '2027-07-01' });

    expect(phaseTransitions({ phase: 'deed', status: 'won' }, after)).toEqual([
      { fromPhase: 'deed', toPhase: 'withdrawal', fromStatus: 'won', toStatus: 'lost' },
    ]);
  });

  it('withdrawal wins over deed date', () => {
    const result = derivePhase({ ...DEED_DONE, withdrawalDate: '2027-07-01' });

    expect(result.status).toBe('lost');
  });
});

describe('derivePhase closed négo', () => {
  const closed: NegotiationFacts = { ...NEED_DONE, status: 'closed', phase: 'commercial_actions' };

  it('closed keeps its phase', () => {
    const result = derivePhase(closed);

    expect(result.phase).toBe('commercial_actions');
    expect(result.status).toBe('closed');
    expect(result.path).toEqual(['commercial_actions']);
  });

  it('closed ignores completed phases', () => {
    const result = derivePhase({ ...FINANCING_DONE, status: 'closed', phase: 'commercial_actions' });

    expect(result.phase).toBe('commercial_actions');
    expect(result.status).toBe('closed');
  });

  it('closed ignores cleared fields', () => {
    const result = derivePhase({ ...EMPTY, status: 'closed', phase: 'commercial_actions' });

    expect(result.phase).toBe('commercial_actions');
  });

  it('closed edit records nothing', () => {
    const after = derivePhase({ ...FINANCING_DONE, status: 'closed', phase: 'commercial_actions' });

    expect(phaseTransitions({ phase: 'commercial_actions', status: 'closed' }, after)).toEqual([]);
  });

  it('closed becomes lost on withdrawal', () => {
    const after = derivePhase({
      ...FINANCING_DONE,
      status: 'closed',
      phase: 'commercial_actions',
      withdrawalDate: '2027-02-01',
    });

    expect(after.path).toEqual(['commercial_actions', 'withdrawal']);
    expect(phaseTransitions({ phase: 'commercial_actions', status: 'closed' }, after)).toEqual([
      { fromPhase: 'commercial_actions', toPhase: 'withdrawal', fromStatus: 'closed', toStatus: 'lost' },
    ]);
  });

  it('closed becomes won on deed date', () => {
    const after = derivePhase({ ...DEED_DONE, status: 'closed', phase: 'financing' });

    expect(after.status).toBe('won');
    expect(phaseTransitions({ phase: 'financing', status: 'closed' }, after)).toEqual([
      { fromPhase: 'financing', toPhase: 'deed', fromStatus: 'closed', toStatus: 'won' },
    ]);
  });

  it('closed with deed date but no lender reopens', () => {
    const result = derivePhase({ ...DEED_DONE, lender: null, status: 'closed', phase: 'reservation' });

    expect(result.phase).toBe('financing');
    expect(result.status).toBe('open');
  });

  it('reopened négo follows its data', () => {
    const result = derivePhase({ ...FINANCING_DONE, status: 'open', phase: 'commercial_actions' });

    expect(result.phase).toBe('deed');
    expect(result.status).toBe('open');
  });

  it('closed without stored phase uses data', () => {
    expect(derivePhase({ ...NEED_DONE, status: 'closed', phase: null }).phase).toBe('commercial_actions');
  });
});

describe('phaseTransitions', () => {
  it('save completing several phases', () => {
    const after = derivePhase({ ...COMMERCIAL_ACTIONS_DONE, hasActiveReservation: true });

    expect(after.path).toEqual(['need', 'commercial_actions', 'reservation']);
    expect(phaseTransitions({ phase: 'need', status: 'open' }, after)).toEqual([
      { fromPhase: 'need', toPhase: 'commercial_actions', fromStatus: 'open', toStatus: 'open' },
      { fromPhase: 'commercial_actions', toPhase: 'reservation', fromStatus: 'open', toStatus: 'open' },
    ]);
  });

  it('save from financing to won', () => {
    const after = derivePhase(DEED_DONE);

    expect(phaseTransitions({ phase: 'financing', status: 'open' }, after)).toEqual([
      { fromPhase: 'financing', toPhase: 'deed', fromStatus: 'open', toStatus: 'won' },
    ]);
  });

  it('status change alone', () => {
    const after = derivePhase(DEED_DONE);

    expect(phaseTransitions({ phase: 'deed', status: 'open' }, after)).toEqual([
      { fromPhase: 'deed', toPhase: 'deed', fromStatus: 'open', toStatus: 'won' },
    ]);
  });

  it('no change records nothing', () => {
    expect(phaseTransitions({ phase: 'financing', status: 'open' }, derivePhase(RESERVATION_DONE))).toEqual([]);
  });

  it('move back records one step', () => {
    const after = derivePhase({ ...FINANCING_DONE, lender: null });

    expect(phaseTransitions({ phase: 'deed', status: 'open' }, after)).toEqual([
      { fromPhase: 'deed', toPhase: 'financing', fromStatus: 'open', toStatus: 'open' },
    ]);
  });

  it('creation in need', () => {
    expect(phaseTransitions(null, derivePhase(EMPTY))).toEqual([
      { fromPhase: null, toPhase: 'need', fromStatus: null, toStatus: 'open' },
    ]);
  });

  it('creation past several phases', () => {
    expect(phaseTransitions(null, derivePhase(COMMERCIAL_ACTIONS_DONE))).toEqual([
      { fromPhase: null, toPhase: 'need', fromStatus: null, toStatus: 'open' },
      { fromPhase: 'need', toPhase: 'commercial_actions', fromStatus: 'open', toStatus: 'open' },
      { fromPhase: 'commercial_actions', toPhase: 'reservation', fromStatus: 'open', toStatus: 'open' },
    ]);
  });

  it('creation of won négo ends won', () => {
    const transitions = phaseTransitions(null, derivePhase(DEED_DONE));

    expect(transitions).toHaveLength(5);
    expect(transitions[4]).toEqual({ fromPhase: 'financing', toPhase: 'deed', fromStatus: 'open', toStatus: 'won' });
  });

  it('close action records status change', () => {
    const after = derivePhase({ ...NEED_DONE, status: 'closed', phase: 'commercial_actions' });

    expect(phaseTransitions({ phase: 'commercial_actions', status: 'open' }, after)).toEqual([
      { fromPhase: 'commercial_actions', toPhase: 'commercial_actions', fromStatus: 'open', toStatus: 'closed' },
    ]);
  });

  it('reopen action records steps forward', () => {
    const after = derivePhase({ ...RESERVATION_DONE, status: 'open', phase: 'commercial_actions' });

    expect(phaseTransitions({ phase: 'commercial_actions', status: 'closed' }, after)).toEqual([
      { fromPhase: 'commercial_actions', toPhase: 'reservation', fromStatus: 'closed', toStatus: 'open' },
      { fromPhase: 'reservation', toPhase: 'financing', fromStatus: 'open', toStatus: 'open' },
    ]);
  });
});

describe('checkStatusAction', () => {
  it('close open négo', () => {
    expect(checkStatusAction('close', 'open')).toBeNull();
  });

  it.each(['won', 'lost', 'closed'] as const)('close %s négo rejected', (status) => {
    expect(checkStatusAction('close', status)?.code).toBe('NEGOTIATION_NOT_OPEN');
  });

  it('close won négo message', () => {
    expect(checkStatusAction('close', 'won')?.message).toBe(
      'Seule une négo ouverte peut être fermée : cette négo est conclue.',
    );
  });

  it('reopen closed négo', () => {
    expect(checkStatusAction('reopen', 'closed')).toBeNull();
  });

  it.each(['open', 'won', 'lost'] as const)('reopen %s négo rejected', (status) => {
    expect(checkStatusAction('reopen', status)?.code).toBe('NEGOTIATION_NOT_CLOSED');
  });

  it('reopen lost négo message', () => {
    expect(checkStatusAction('reopen', 'lost')?.message).toBe(
      'Seule une négo fermée peut être rouverte : cette négo est perdue.',
    );
  });
});

describe('phase and status labels', () => {
  it('phase order', () => {
    expect(PHASE_ORDER).toEqual(['need', 'commercial_actions', 'reservation', 'financing', 'deed', 'withdrawal']);
  });

  it('French phase labels', () => {
    expect(PHASE_ORDER.map((phase) => PHASE_LABELS_FR[phase])).toEqual([
      'Besoin',
      'Actions commerciales',
      'Réservation',
      'Suivi du financement',
      'Acte',
      'Désistement',
    ]);
  });

  it('French status labels', () => {
    expect(STATUS_LABELS_FR).toEqual({ open: 'ouverte', won: 'conclue', lost: 'perdue', closed: 'fermée' });
  });

  it('phase guard', () => {
    expect(isNegotiationPhase('financing')).toBe(true);
    expect(isNegotiationPhase('acte')).toBe(false);
    expect(isNegotiationPhase(3)).toBe(false);
  });

  it('status guard', () => {
    expect(isNegotiationStatus('won')).toBe(true);
    expect(isNegotiationStatus('conclue')).toBe(false);
  });

  it('switch missing a phase fails to compile', () => {
    function labelWithoutWithdrawal(phase: NegotiationPhase): string {
      switch (phase) {
        case 'need':
        case 'commercial_actions':
        case 'reservation':
        case 'financing':
        case 'deed':
          return PHASE_LABELS_FR[phase];
        default:
          // @ts-expect-error 'withdrawal' reaches assertNever, so the argument is not `never`.
          return assertNever(phase, 'negotiation phase');
      }
    }

    expect(() => labelWithoutWithdrawal('withdrawal')).toThrow('Unhandled negotiation phase: "withdrawal"');
  });
});
