import { addDays, addMonths, checkDraftDeedNotice, compareDates, latestDraftDeedNoticeDate } from '../../src/domain/vefa';

describe('latestDraftDeedNoticeDate', () => {
  it.each([
    ['2026-04-15', '2026-03-15'],
    ['2026-01-10', '2025-12-10'],
    ['2026-03-31', '2026-02-28'],
    ['2028-03-31', '2028-02-29'],
    ['2026-03-30', '2026-02-28'],
    ['2026-04-30', '2026-03-31'],
    ['2026-02-28', '2026-01-31'],
    ['2026-09-30', '2026-08-31'],
  ])('deed %s: %s', (plannedDeedDate, expected) => {
    expect(latestDraftDeedNoticeDate(plannedDeedDate)).toBe(expected);
  });

  it('is the last date one month before', () => {
    for (let plannedDeedDate = '2026-01-01'; plannedDeedDate <= '2028-12-31'; plannedDeedDate = addDays(plannedDeedDate, 1)) {
      const latest = latestDraftDeedNoticeDate(plannedDeedDate);

      expect([plannedDeedDate, compareDates(addMonths(latest, 1), plannedDeedDate) <= 0]).toEqual([plannedDeedDate, true]);
      expect([plannedDeedDate, compareDates(addMonths(addDays(latest, 1), 1), plannedDeedDate) > 0]).toEqual([
        plannedDeedDate,
        true,
      ]);
    }
  });
});

describe('checkDraftDeedNotice', () => {
  it('accepts exactly one month', () => {
    expect(checkDraftDeedNotice({ draftDeedNotifiedDate: '2026-03-15', plannedDeedDate: '2026-04-15' })).toBeNull();
  });

  it('accepts 31 March for 30 April', () => {
    expect(checkDraftDeedNotice({ draftDeedNotifiedDate: '2026-03-31', plannedDeedDate: '2026-04-30' })).toBeNull();
  });

  it('rejects one day late', () => {
    const problem = checkDraftDeedNotice({ draftDeedNotifiedDate: '2026-03-16', plannedDeedDate: '2026-04-15' });

    expect(problem?.code).toBe('DRAFT_DEED_NOTICE_TOO_SHORT');
  });

  it('rejects 1 March for 31 March', () => {
    const problem = checkDraftDeedNotice({ draftDeedNotifiedDate: '2026-03-01', plannedDeedDate: '2026-03-31' });

    expect(problem?.code).toBe('DRAFT_DEED_NOTICE_TOO_SHORT');
  });

  it('states the dates in French', () => {
    const problem = checkDraftDeedNotice({ draftDeedNotifiedDate: '2026-03-20', plannedDeedDate: '2026-04-15' });

    expect(problem?.message).toBe(
      "Le projet d'acte notifié le 20/03/2026 l'a été moins d'un mois avant la signature prévue le 15/04/2026 : " +
        "il devait l'être le 15/03/2026 au plus tard (art. R261-30 du CCH). Reportez la signature au 20/04/2026 au plus tôt.",
    );
  });
});
