import {
  checkSaleRules,
  collectReservationBuyers,
  describeDepositRefund,
  introducedBlockingProblems,
  isBlockingProblem,
  latestRetractionEnd,
  markLegacyNotification,
  NegotiationDeadlineInput,
  ProblemCode,
  RetractionPeriod,
} from '../../src/domain/vefa';

/** Reservation signed on 2 March 2026, deed planned within a year: the deposit ceiling is 5 %. */
const signed: NegotiationDeadlineInput = {
  reservationSignatureDate: '2026-03-02',
  buyers: [],
  price: 250000,
  deposit: 12500,
  plannedDeedDate: '2026-09-30',
  cashPurchase: false,
  loanConditionDeadline: '2026-04-15',
  loanOfferReceivedDate: null,
  loanOfferAcceptanceDate: null,
  draftDeedNotifiedDate: null,
  department: '75',
  withdrawalDate: null,
};

describe('isBlockingProblem', () => {
  it.each<[ProblemCode, boolean]>([
    ['DEPOSIT_ABOVE_CEILING', true],
    ['LOAN_CONDITION_TOO_SHORT', true],
    ['LOAN_OFFER_ACCEPTED_TOO_EARLY', true],
    ['DRAFT_DEED_NOTICE_TOO_SHORT', false],
  ])('%s blocks: %s', (code, blocking) => {
    expect(isBlockingProblem(code)).toBe(blocking);
  });
});

describe('checkSaleRules', () => {
  it('accepts a deposit at the ceiling', () => {
    expect(checkSaleRules(signed)).toEqual([]);
  });

  it('checks a deposit against 5 % without a deed date', () => {
    const problems = checkSaleRules({ ...signed, plannedDeedDate: null, deposit: 12500.01 });

    expect(problems.map((problem) => problem.code)).toEqual(['DEPOSIT_ABOVE_CEILING']);
    expect(problems[0].message).toContain('plafond légal de 5 % du prix, soit 12 500,00 €');
  });

  it('checks a deposit against 5 % without any contract date', () => {
    const problems = checkSaleRules({ ...signed, reservationSignatureDate: null, plannedDeedDate: null, deposit: 13000 });

    expect(problems.map((problem) => problem.code)).toEqual(['DEPOSIT_ABOVE_CEILING']);
  });

  it('applies the 2 % ceiling of a later deed', () => {
    const problems = checkSaleRules({ ...signed, plannedDeedDate: '2027-09-30', deposit: 6000 });

    expect(problems[0].message).toContain('plafond légal de 2 % du prix, soit 5 000,00 €');
  });
});

describe('introducedBlockingProblems', () => {
  const tooHigh = { ...signed, deposit: 20000 };

  it('reports a new violation', () => {
    expect(introducedBlockingProblems(null, tooHigh).map((problem) => problem.code)).toEqual(['DEPOSIT_ABOVE_CEILING']);
  });

  it('ignores a violation the save leaves as it is', () => {
    expect(introducedBlockingProblems(tooHigh, { ...tooHigh, withdrawalDate: '2026-03-20' })).toEqual([]);
  });

  it('reports a violation the save changes', () => {
    expect(introducedBlockingProblems(tooHigh, { ...tooHigh, deposit: 19000 }).map((problem) => problem.code)).toEqual([
      'DEPOSIT_ABOVE_CEILING',
    ]);
  });

  it('does not report a late draft deed', () => {
    const late = { ...signed, draftDeedNotifiedDate: '2026-09-15' };

    expect(checkSaleRules(late).map((problem) => problem.code)).toEqual(['DRAFT_DEED_NOTICE_TOO_SHORT']);
    expect(introducedBlockingProblems(signed, late)).toEqual([]);
  });

  it('reports a loan condition made relevant again', () => {
    const short = { ...signed, loanConditionDeadline: '2026-03-20' };

    const problems = introducedBlockingProblems({ ...short, cashPurchase: true }, short);

    expect(problems.map((problem) => problem.code)).toEqual(['LOAN_CONDITION_TOO_SHORT']);
  });
});

describe('collectReservationBuyers', () => {
  const camille = { contactId: 'camille', name: 'Camille Durand' };
  const louis = { contactId: 'louis', name: 'Louis Durand' };

  it('lists every buyer with its notifications', () => {
    const { buyers, legacyContactId } = collectReservationBuyers({
      mainBuyer: camille,
      coBuyers: [louis],
      notifications: [{ contact: louis, notificationDate: '2026-03-04', notificationMethod: 'registered_letter' }],
      legacyNotificationDate: '2026-03-03',
    });

    expect(buyers).toEqual([
      { contactId: 'camille', name: 'Camille Durand', notificationDate: null, notificationMethod: null },
      { contactId: 'louis', name: 'Louis Durand', notificationDate: '2026-03-04', notificationMethod: 'registered_letter' },
    ]);
    expect(legacyContactId).toBeNull();
  });

  it('counts a record without contact for the main buyer', () => {
    const { buyers } = collectReservationBuyers({
      mainBuyer: camille,
      coBuyers: [],
      notifications: [{ contact: null, notificationDate: '2026-03-04', notificationMethod: 'hand_delivery' }],
      legacyNotificationDate: null,
    });

    expect(buyers).toEqual([{ contactId: 'camille', name: 'Camille Durand', notificationDate: '2026-03-04', notificationMethod: 'hand_delivery' }]);
  });

  it('adds a notified contact missing from the négo', () => {
    const { buyers } = collectReservationBuyers({
      mainBuyer: camille,
      coBuyers: [],
      notifications: [{ contact: louis, notificationDate: '2026-03-04', notificationMethod: 'registered_letter' }],
      legacyNotificationDate: null,
    });

    expect(buyers.map((buyer) => buyer.contactId)).toEqual(['camille', 'louis']);
  });

  it('falls back on the legacy date for the main buyer', () => {
    const { buyers, legacyContactId } = collectReservationBuyers({
      mainBuyer: camille,
      coBuyers: [louis],
      notifications: [],
      legacyNotificationDate: '2026-03-03',
    });

    expect(buyers).toEqual([
      { contactId: 'camille', name: 'Camille Durand', notificationDate: '2026-03-03', notificationMethod: 'registered_letter' },
      { contactId: 'louis', name: 'Louis Durand', notificationDate: null, notificationMethod: null },
    ]);
    expect(legacyContactId).toBe('camille');
  });

  it('warns on the legacy retraction only', () => {
    const base = { stateLabel: 'à venir', label: 'Fin', explanation: 'Délai.', warnings: [] };
    const deadlines = markLegacyNotification(
      [
        { ...base, code: 'RETRACTION', contactId: 'camille', dueDate: '2026-03-13', state: 'upcoming' },
        { ...base, code: 'RETRACTION', contactId: 'louis', dueDate: null, state: 'upcoming' },
      ],
      'camille',
      '2026-03-03',
    );

    expect(deadlines[0].warnings).toEqual([
      "Notification reprise du champ « Date de notification » de la réservation (03/03/2026) et comptée comme la première " +
        "présentation d'une lettre recommandée : saisissez la notification de chaque acquéreur pour confirmer la date et le mode de notification.",
    ]);
    expect(deadlines[1].warnings).toEqual([]);
  });
});

describe('deposit refund decision', () => {
  function period(contactId: string, endDate: string | null): RetractionPeriod {
    return { contactId, name: contactId, notificationDate: null, startDate: null, endDate, warnings: [] };
  }

  it.each<[string, RetractionPeriod[], string | null]>([
    ['no buyer', [], null],
    ['latest end', [period('a', '2026-03-16'), period('b', '2026-03-18')], '2026-03-18'],
    ['one period not started', [period('a', '2026-03-16'), period('b', null)], null],
  ])('latestRetractionEnd: %s', (_case, periods, expected) => {
    expect(latestRetractionEnd(periods)).toBe(expected);
  });

  it('is empty without a withdrawal', () => {
    expect(describeDepositRefund({ withdrawalDate: null, reason: 'retraction', periods: [], deposit: 5000 })).toBeNull();
  });

  it('asks for the reason', () => {
    expect(describeDepositRefund({ withdrawalDate: '2026-03-10', reason: null, periods: [], deposit: 5000 })).toBe(
      'Motif du désistement non renseigné : choisissez-le pour savoir si le dépôt de garantie est restitué.',
    );
  });

  it('refunds a retraction in time with its amount', () => {
    const text = describeDepositRefund({
      withdrawalDate: '2026-03-10',
      reason: 'retraction',
      periods: [period('a', '2026-03-16')],
      deposit: 12500,
    });

    expect(text).toMatch(/^Dépôt de garantie de 12 500,00 €\. Désistement le 10\/03\/2026, dans le délai de rétractation/);
  });

  it('keeps a late convenience withdrawal', () => {
    const text = describeDepositRefund({
      withdrawalDate: '2026-04-01',
      reason: 'buyer_convenience',
      periods: [period('a', '2026-03-16')],
      deposit: 12500,
    });

    expect(text).toContain('le dépôt de garantie reste acquis au vendeur (art. L261-15 et R261-31 du CCH)');
  });

  it('says when no deposit is recorded', () => {
    const text = describeDepositRefund({ withdrawalDate: '2026-04-01', reason: 'loan_refused', periods: [], deposit: null });

    expect(text).toMatch(/^Aucun dépôt de garantie n'est enregistré sur la réservation\. Prêt refusé/);
  });
});
