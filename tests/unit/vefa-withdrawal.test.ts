import { depositRefund, WITHDRAWAL_REASON_LABELS, WITHDRAWAL_REASONS, WithdrawalReason } from '../../src/domain/vefa';

describe('withdrawal reasons', () => {
  it('labels every reason', () => {
    expect(WITHDRAWAL_REASONS.map((reason) => WITHDRAWAL_REASON_LABELS[reason])).toEqual([
      'Rétractation',
      'Refus de prêt',
      'Condition du contrat de réservation non remplie',
      "Convenance personnelle de l'acquéreur",
      'Autre motif',
    ]);
  });
});

describe('depositRefund', () => {
  const retractionEnd = '2026-03-16';

  it.each<[string, WithdrawalReason, string, string | null, boolean, string]>([
    ['retraction within period', 'retraction', '2026-03-10', retractionEnd, true, 'art. L271-1 et L271-2 du CCH'],
    ['retraction on last day', 'retraction', '2026-03-16', retractionEnd, true, 'art. L271-1 et L271-2 du CCH'],
    ['retraction after period', 'retraction', '2026-03-17', retractionEnd, false, 'art. L261-15 et R261-31 du CCH'],
    ['retraction before notification', 'retraction', '2026-03-17', null, true, 'art. L271-1 et L271-2 du CCH'],
    ['loan refused', 'loan_refused', '2026-06-01', retractionEnd, true, 'art. L313-41 du Code de la consommation'],
    ['condition not met', 'condition_not_met', '2026-09-01', retractionEnd, true, 'art. R261-31 du CCH'],
    ['convenience after period', 'buyer_convenience', '2026-04-01', retractionEnd, false, 'art. L261-15 et R261-31 du CCH'],
    ['convenience within period', 'buyer_convenience', '2026-03-12', retractionEnd, true, 'art. L271-1 et L271-2 du CCH'],
    ['other after period', 'other', '2026-04-01', retractionEnd, false, 'art. L261-15 du CCH'],
  ])('%s', (_case, reason, withdrawalDate, end, refundable, article) => {
    const refund = depositRefund({ reason, withdrawalDate, retractionEnd: end });

    expect(refund.refundable).toBe(refundable);
    expect(refund.explanation).toContain(article);
  });

  it('explains a retraction in time', () => {
    const refund = depositRefund({ reason: 'retraction', withdrawalDate: '2026-03-10', retractionEnd });

    expect(refund.explanation).toBe(
      'Désistement le 10/03/2026, dans le délai de rétractation qui court jusqu\'au 16/03/2026 : le dépôt de garantie ' +
        "est restitué intégralement ; s'il a été versé à un professionnel mandaté, celui-ci le restitue dans les 21 jours " +
        'à compter du lendemain de la rétractation (art. L271-1 et L271-2 du CCH).',
    );
  });

  it('explains a late retraction', () => {
    const refund = depositRefund({ reason: 'retraction', withdrawalDate: '2026-03-17', retractionEnd });

    expect(refund.explanation).toBe(
      'Rétractation tardive : hors délai, hors refus de prêt et hors condition du contrat non remplie, le dépôt de ' +
        'garantie reste acquis au vendeur (art. L261-15 et R261-31 du CCH). Le délai de rétractation a pris fin ' +
        'le 16/03/2026, avant ce désistement du 17/03/2026.',
    );
  });

  it('asks for a letter on convenience within period', () => {
    const refund = depositRefund({ reason: 'buyer_convenience', withdrawalDate: '2026-03-12', retractionEnd });

    expect(refund.explanation).toContain(
      "Ce désistement vaut rétractation s'il est notifié par lettre recommandée avec accusé de réception",
    );
  });
});
