import { BuyerNotification, computeRetractionPeriods, retractionPeriodEnd } from '../../src/domain/vefa';

describe('retractionPeriodEnd', () => {
  it.each([
    ['ordinary Thursday', '2026-03-02', null, '2026-03-12'],
    ['ending on Saturday', '2026-03-04', null, '2026-03-16'],
    ['ending on Sunday', '2026-03-05', null, '2026-03-16'],
    ['ending on 14 July', '2026-07-04', null, '2026-07-15'],
    ['ending on Easter Monday', '2027-03-19', null, '2027-03-30'],
    ['ending on Saturday before Easter Monday', '2027-03-17', null, '2027-03-30'],
    ['ending on Ascension', '2026-05-04', null, '2026-05-15'],
    ['ending on Whit Monday', '2026-05-15', null, '2026-05-26'],
    ['ending on 1 January', '2026-12-22', null, '2027-01-04'],
    ['across the new year', '2026-12-28', null, '2027-01-07'],
    ['notified on 14 July', '2026-07-14', null, '2026-07-24'],
    ['notified on a Sunday', '2026-03-01', null, '2026-03-11'],
    ['ending on 26 December in 67', '2025-12-16', '67', '2025-12-29'],
    ['ending on 26 December in 75', '2025-12-16', '75', '2025-12-26'],
    ['ending on Good Friday in 57', '2027-03-16', '57', '2027-03-30'],
    ['ending on Good Friday in 68', '2027-03-16', '68', '2027-03-30'],
    ['ending on Good Friday in 13', '2027-03-16', '13', '2027-03-26'],
  ])('%s: notified %s in %p ends %s', (_case, notificationDate, department, expected) => {
    expect(retractionPeriodEnd(notificationDate, { department })).toBe(expected);
  });
});

describe('computeRetractionPeriods', () => {
  const alice: BuyerNotification = {
    contactId: 'alice',
    name: 'Alice Martin',
    notificationDate: '2026-03-02',
    notificationMethod: 'registered_letter',
  };
  const bruno: BuyerNotification = {
    contactId: 'bruno',
    name: 'Bruno Martin',
    notificationDate: '2026-03-05',
    notificationMethod: 'electronic_registered_letter',
  };

  it('counts each co-buyer separately', () => {
    const periods = computeRetractionPeriods([alice, bruno]);

    expect(periods.map((period) => period.contactId)).toEqual(['alice', 'bruno']);
    expect(periods[0].endDate).toBe('2026-03-12');
    expect(periods[1].endDate).toBe('2026-03-16');
  });

  it('starts the day after notification', () => {
    const [period] = computeRetractionPeriods([alice]);

    expect(period.notificationDate).toBe('2026-03-02');
    expect(period.startDate).toBe('2026-03-03');
    expect(period.warnings).toEqual([]);
  });

  it('uses the department holidays', () => {
    const notice = { ...alice, notificationDate: '2025-12-16' };

    expect(computeRetractionPeriods([notice], { department: '67' })[0].endDate).toBe('2025-12-29');
  });

  it('warns on hand delivery only', () => {
    const handed: BuyerNotification = { ...bruno, notificationMethod: 'hand_delivery', notificationDate: '2026-03-02' };
    const [, period] = computeRetractionPeriods([alice, handed]);

    expect(period.endDate).toBeNull();
    expect(period.startDate).toBeNull();
    expect(period.warnings).toEqual([
      'Contrat remis en main propre à Bruno Martin le 02/03/2026 : une remise par le vendeur ne fait pas courir le délai ' +
        'de rétractation. Notifiez le contrat par lettre recommandée avec accusé de réception ou par lettre recommandée ' +
        'électronique (art. L271-1 du CCH).',
    ]);
  });

  it('ignores hand delivery before a letter', () => {
    const handed: BuyerNotification = { ...alice, notificationMethod: 'hand_delivery', notificationDate: '2026-02-27' };
    const [period] = computeRetractionPeriods([handed, alice]);

    expect(period.endDate).toBe('2026-03-12');
    expect(period.warnings).toEqual([]);
  });

  it('uses the earliest letter', () => {
    const resent: BuyerNotification = { ...alice, notificationDate: '2026-03-09' };
    const [period] = computeRetractionPeriods([resent, alice]);

    expect(period.notificationDate).toBe('2026-03-02');
    expect(period.endDate).toBe('2026-03-12');
  });

  it('warns on letter without date', () => {
    const [period] = computeRetractionPeriods([{ ...alice, notificationDate: null }]);

    expect(period.endDate).toBeNull();
    expect(period.warnings).toEqual([
      "Notification du contrat à Alice Martin : la date de première présentation de la lettre n'est pas renseignée, " +
        'le délai de rétractation ne peut pas être calculé.',
    ]);
  });

  it('warns on date without method', () => {
    const [period] = computeRetractionPeriods([{ ...alice, notificationMethod: null }]);

    expect(period.endDate).toBeNull();
    expect(period.warnings).toEqual([
      "Notification du contrat à Alice Martin le 02/03/2026 : le mode de notification n'est pas renseigné, " +
        'le délai de rétractation ne peut pas être calculé.',
    ]);
  });

  it('warns when not notified', () => {
    const [period] = computeRetractionPeriods([{ ...alice, notificationDate: null, notificationMethod: null }]);

    expect(period.endDate).toBeNull();
    expect(period.warnings).toEqual([
      "Contrat de réservation non encore notifié à Alice Martin : le délai de rétractation n'a pas commencé (art. L271-1 du CCH).",
    ]);
  });

  it('returns nothing without buyers', () => {
    expect(computeRetractionPeriods([])).toEqual([]);
  });
});
