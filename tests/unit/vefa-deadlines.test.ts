import { checkNegotiation, computeDeadlines, Deadline, DeadlineCode, NegotiationDeadlineInput } from '../../src/domain/vefa';

/** Reservation signed on Monday 2 March 2026 in Paris. Alice was notified on the 4th, Bruno by hand. */
const reservation: NegotiationDeadlineInput = {
  reservationSignatureDate: '2026-03-02',
  buyers: [
    { contactId: 'alice', name: 'Alice Martin', notificationDate: '2026-03-04', notificationMethod: 'registered_letter' },
    { contactId: 'bruno', name: 'Bruno Martin', notificationDate: '2026-03-02', notificationMethod: 'hand_delivery' },
  ],
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

function find(deadlines: Deadline[], code: DeadlineCode, contactId?: string): Deadline {
  const deadline = deadlines.find((item) => item.code === code && (contactId === undefined || item.contactId === contactId));
  if (deadline === undefined) {
    throw new Error(`No ${code} deadline in ${JSON.stringify(deadlines)}`);
  }
  return deadline;
}

describe('computeDeadlines', () => {
  it('lists deadlines of a signed reservation', () => {
    const deadlines = computeDeadlines(reservation, '2026-03-10');

    expect(deadlines.map((deadline) => [deadline.code, deadline.contactId ?? null, deadline.dueDate])).toEqual([
      ['RETRACTION', 'alice', '2026-03-16'],
      ['RETRACTION', 'bruno', null],
      ['LOAN_CONDITION', null, '2026-04-15'],
      ['DRAFT_DEED_NOTICE', null, '2026-08-31'],
    ]);
  });

  it('returns nothing before the reservation', () => {
    const deadlines = computeDeadlines({ ...reservation, reservationSignatureDate: null, plannedDeedDate: null }, '2026-03-10');

    expect(deadlines).toEqual([]);
  });

  it('warns without buyers', () => {
    const deadline = find(computeDeadlines({ ...reservation, buyers: [] }, '2026-03-10'), 'RETRACTION');

    expect(deadline.dueDate).toBeNull();
    expect(deadline.warnings).toEqual([
      "Aucun acquéreur n'est renseigné : le délai de rétractation ne peut pas être calculé.",
    ]);
  });

  it('rejects an invalid today', () => {
    expect(() => computeDeadlines(reservation, '10/03/2026')).toThrow(RangeError);
  });

  it.each([
    ['2026-03-15', 'upcoming', 'à venir'],
    ['2026-03-16', 'today', "aujourd'hui"],
    ['2026-03-17', 'met', 'respectée'],
  ])('retraction on %s is %s', (today, state, stateLabel) => {
    const deadline = find(computeDeadlines(reservation, today), 'RETRACTION', 'alice');

    expect(deadline.state).toBe(state);
    expect(deadline.stateLabel).toBe(stateLabel);
  });

  it('describes retraction in French', () => {
    const deadline = find(computeDeadlines(reservation, '2026-03-10'), 'RETRACTION', 'alice');

    expect(deadline.label).toBe('Fin du délai de rétractation (Alice Martin)');
    expect(deadline.explanation).toBe(
      'Délai de rétractation de 10 jours à compter du lendemain de la première présentation de la lettre recommandée, ' +
        "prolongé jusqu'au premier jour ouvrable s'il finit un samedi, un dimanche ou un jour férié " +
        '(art. L271-1 du CCH, art. 642 du Code de procédure civile).',
    );
    expect(deadline.warnings).toEqual([]);
  });

  it('warns on hand-delivered buyer', () => {
    const deadline = find(computeDeadlines(reservation, '2026-03-20'), 'RETRACTION', 'bruno');

    expect(deadline.state).toBe('upcoming');
    expect(deadline.warnings).toHaveLength(1);
    expect(deadline.warnings[0]).toContain('Contrat remis en main propre à Bruno Martin le 02/03/2026');
  });

  it('uses programme department', () => {
    const alsace = {
      ...reservation,
      department: '67',
      buyers: [{ ...reservation.buyers[0], notificationDate: '2025-12-16' }],
    };

    expect(find(computeDeadlines(alsace, '2025-12-20'), 'RETRACTION').dueDate).toBe('2025-12-29');
  });

  describe('after withdrawal', () => {
    const withdrawn: NegotiationDeadlineInput = {
      ...reservation,
      withdrawalDate: '2026-03-12',
    };

    it('keeps only retraction', () => {
      const codes = computeDeadlines(withdrawn, '2026-03-20').map((deadline) => deadline.code);

      expect(codes).toEqual(['RETRACTION', 'RETRACTION']);
    });

    it('marks retraction met', () => {
      const deadline = find(computeDeadlines(withdrawn, '2026-03-13'), 'RETRACTION', 'alice');

      expect(deadline.state).toBe('met');
      expect(deadline.warnings).toEqual(['Désistement enregistré le 12/03/2026, dans le délai de rétractation.']);
    });

    it('notes a late withdrawal', () => {
      const late = { ...withdrawn, withdrawalDate: '2026-03-20' };
      const deadline = find(computeDeadlines(late, '2026-03-20'), 'RETRACTION', 'alice');

      expect(deadline.warnings).toEqual(['Désistement enregistré le 20/03/2026, après la fin du délai de rétractation.']);
    });

    it('notes withdrawal before notification', () => {
      const deadline = find(computeDeadlines(withdrawn, '2026-03-13'), 'RETRACTION', 'bruno');

      expect(deadline.warnings[1]).toBe(
        'Désistement enregistré le 12/03/2026, avant le début du délai de rétractation : il vaut rétractation.',
      );
    });
  });

  describe('loan condition', () => {
    it.each([
      ['2026-04-14', 'upcoming'],
      ['2026-04-15', 'today'],
      ['2026-04-16', 'overdue'],
    ])('on %s is %s', (today, state) => {
      expect(find(computeDeadlines(reservation, today), 'LOAN_CONDITION').state).toBe(state);
    });

    it('is met by an offer in time', () => {
      const financed = { ...reservation, loanOfferReceivedDate: '2026-04-10' };

      expect(find(computeDeadlines(financed, '2026-04-20'), 'LOAN_CONDITION').state).toBe('met');
    });

    it('is overdue with a late offer', () => {
      const late = { ...reservation, loanOfferReceivedDate: '2026-04-20' };
      const deadline = find(computeDeadlines(late, '2026-04-21'), 'LOAN_CONDITION');

      expect(deadline.state).toBe('overdue');
      expect(deadline.warnings).toEqual([
        "Offre de prêt reçue le 20/04/2026, après l'échéance de la condition suspensive du 15/04/2026 : " +
          "sauf prorogation convenue par écrit, la condition n'est pas réalisée.",
      ]);
    });

    it('warns when too short', () => {
      const short = { ...reservation, loanConditionDeadline: '2026-03-20' };
      const deadline = find(computeDeadlines(short, '2026-03-10'), 'LOAN_CONDITION');

      expect(deadline.warnings[0]).toContain('soit jusqu\'au 02/04/2026 au plus tôt');
    });

    it('warns when missing', () => {
      const missing = { ...reservation, loanConditionDeadline: null };
      const deadline = find(computeDeadlines(missing, '2026-03-10'), 'LOAN_CONDITION');

      expect(deadline.dueDate).toBeNull();
      expect(deadline.state).toBe('upcoming');
      expect(deadline.warnings).toHaveLength(1);
    });

    it('is absent for cash purchase', () => {
      const cash = { ...reservation, cashPurchase: true };
      const codes = computeDeadlines(cash, '2026-03-10').map((deadline) => deadline.code);

      expect(codes).not.toContain('LOAN_CONDITION');
    });
  });

  describe('loan offer', () => {
    // Received 1 April: acceptance allowed from 12 April, offer kept until 1 May at least.
    const offered: NegotiationDeadlineInput = { ...reservation, loanOfferReceivedDate: '2026-04-01' };

    it('computes both dates', () => {
      const deadlines = computeDeadlines(offered, '2026-04-05');

      expect(find(deadlines, 'LOAN_OFFER_ACCEPTANCE').dueDate).toBe('2026-04-12');
      expect(find(deadlines, 'LOAN_OFFER_EXPIRY').dueDate).toBe('2026-05-01');
    });

    it.each([
      ['2026-04-11', 'upcoming', 'upcoming'],
      ['2026-04-12', 'today', 'upcoming'],
      ['2026-04-20', 'met', 'upcoming'],
      ['2026-05-01', 'met', 'today'],
      ['2026-05-02', 'met', 'overdue'],
    ])('without acceptance on %s', (today, reflectionState, expiryState) => {
      const deadlines = computeDeadlines(offered, today);

      expect(find(deadlines, 'LOAN_OFFER_ACCEPTANCE').state).toBe(reflectionState);
      expect(find(deadlines, 'LOAN_OFFER_EXPIRY').state).toBe(expiryState);
    });

    it('is met by acceptance on day 11', () => {
      const accepted = { ...offered, loanOfferAcceptanceDate: '2026-04-12' };
      const deadlines = computeDeadlines(accepted, '2026-05-10');

      expect(find(deadlines, 'LOAN_OFFER_ACCEPTANCE').state).toBe('met');
      expect(find(deadlines, 'LOAN_OFFER_EXPIRY').state).toBe('met');
    });

    it('ignores an early acceptance', () => {
      const early = { ...offered, loanOfferAcceptanceDate: '2026-04-05' };
      const deadlines = computeDeadlines(early, '2026-05-02');

      expect(find(deadlines, 'LOAN_OFFER_ACCEPTANCE').warnings[0]).toContain('avant la fin du délai de réflexion');
      expect(find(deadlines, 'LOAN_OFFER_EXPIRY').state).toBe('overdue');
    });

    it('warns on acceptance after 30 days', () => {
      const late = { ...offered, loanOfferAcceptanceDate: '2026-05-04' };
      const deadline = find(computeDeadlines(late, '2026-05-05'), 'LOAN_OFFER_EXPIRY');

      expect(deadline.state).toBe('met');
      expect(deadline.warnings).toEqual([
        "Offre acceptée le 04/05/2026, après les 30 jours de validité minimale (jusqu'au 01/05/2026) : " +
          "vérifiez la durée de validité indiquée dans l'offre.",
      ]);
    });
  });

  describe('draft deed notice', () => {
    it.each([
      ['2026-08-30', 'upcoming'],
      ['2026-08-31', 'today'],
      ['2026-09-01', 'overdue'],
    ])('unsent on %s is %s', (today, state) => {
      expect(find(computeDeadlines(reservation, today), 'DRAFT_DEED_NOTICE').state).toBe(state);
    });

    it('is met on the last day', () => {
      const sent = { ...reservation, draftDeedNotifiedDate: '2026-08-31' };

      expect(find(computeDeadlines(sent, '2026-09-10'), 'DRAFT_DEED_NOTICE').state).toBe('met');
    });

    it('is overdue one day late', () => {
      const late = { ...reservation, draftDeedNotifiedDate: '2026-09-01' };
      const deadline = find(computeDeadlines(late, '2026-09-10'), 'DRAFT_DEED_NOTICE');

      expect(deadline.state).toBe('overdue');
      expect(deadline.warnings[0]).toContain('il devait l\'être le 31/08/2026 au plus tard');
    });
  });
});

describe('checkNegotiation', () => {
  it('finds nothing on valid data', () => {
    expect(checkNegotiation(reservation)).toEqual([]);
  });

  it('lists every violation', () => {
    const faulty: NegotiationDeadlineInput = {
      ...reservation,
      deposit: 13000,
      loanConditionDeadline: '2026-03-20',
      loanOfferReceivedDate: '2026-04-01',
      loanOfferAcceptanceDate: '2026-04-05',
      draftDeedNotifiedDate: '2026-09-15',
    };

    expect(checkNegotiation(faulty).map((problem) => problem.code)).toEqual([
      'DEPOSIT_ABOVE_CEILING',
      'LOAN_CONDITION_TOO_SHORT',
      'LOAN_OFFER_ACCEPTED_TOO_EARLY',
      'DRAFT_DEED_NOTICE_TOO_SHORT',
    ]);
  });

  it('skips loan condition for cash purchase', () => {
    const cash = { ...reservation, cashPurchase: true, loanConditionDeadline: '2026-03-20' };

    expect(checkNegotiation(cash)).toEqual([]);
  });
});
