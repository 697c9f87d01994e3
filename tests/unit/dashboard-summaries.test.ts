import {
  countByPhase,
  frenchMonthLabel,
  monthsUpTo,
  parisDay,
  pipelineByPhaseAndOwner,
  pipelineByProgramme,
  reservationsByMonth,
  splitDueActivities,
} from '../../src/domain/dashboard';

// 10:00 in Paris on 4 December 2026 (UTC+1 in winter).
const NOW = new Date('2026-12-04T09:00:00Z');

describe('parisDay', () => {
  it('uses Paris midnight, not UTC', () => {
    expect(parisDay(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(parisDay(new Date('2026-07-04T22:30:00Z'))).toBe('2026-07-05');
  });
});

describe('splitDueActivities', () => {
  const activity = (id: string, dueAt: string | null, status = 'todo') => ({ id, dueAt: dueAt === null ? null : new Date(dueAt), status });

  it('splits overdue and today', () => {
    const { overdue, today } = splitDueActivities(
      [
        activity('late-2', '2026-12-03T16:00:00Z'),
        activity('late-1', '2026-11-20T09:00:00Z'),
        activity('today-late-evening', '2026-12-04T22:30:00Z'),
        activity('today-early', '2026-12-03T23:30:00Z'),
        activity('tomorrow', '2026-12-04T23:30:00Z'),
        activity('undated', null),
      ],
      NOW,
    );
    expect(overdue.map((item) => item.id)).toEqual(['late-1', 'late-2']);
    expect(today.map((item) => item.id)).toEqual(['today-early', 'today-late-evening']);
  });

  it('ignores done and cancelled activities', () => {
    const { overdue, today } = splitDueActivities(
      [activity('done', '2026-12-01T09:00:00Z', 'done'), activity('cancelled', '2026-12-04T09:00:00Z', 'cancelled'), activity('doing', '2026-12-04T09:00:00Z', 'in_progress')],
      NOW,
    );
    expect(overdue).toHaveLength(0);
    expect(today.map((item) => item.id)).toEqual(['doing']);
  });
});

describe('countByPhase', () => {
  it('lists every sales phase in order', () => {
    const counts = countByPhase([{ phase: 'need' }, { phase: 'need' }, { phase: 'financing' }, { phase: 'withdrawal' }]);
    expect(counts.map((row) => [row.label, row.count])).toEqual([
      ['Besoin', 2],
      ['Actions commerciales', 0],
      ['Réservation', 0],
      ['Suivi du financement', 1],
      ['Acte', 0],
    ]);
  });
});

describe('pipelineByPhaseAndOwner', () => {
  it('counts per négociateur', () => {
    const rows = pipelineByPhaseAndOwner([
      { phase: 'need', ownerName: 'Claire Martin' },
      { phase: 'need', ownerName: 'Julien Bernard' },
      { phase: 'need', ownerName: 'Claire Martin' },
    ]);
    expect(rows[0]).toEqual({ phase: 'need', label: 'Besoin', total: 3, byOwner: { 'Claire Martin': 2, 'Julien Bernard': 1 } });
    expect(rows[1].total).toBe(0);
  });
});

describe('pipelineByProgramme', () => {
  it('sorts by count and puts négos without programme last', () => {
    const rows = pipelineByProgramme(
      [{ programmeName: 'Zazpi' }, { programmeName: null }, { programmeName: 'Alaia' }, { programmeName: 'Zazpi' }, { programmeName: 'Bixia' }],
      'Sans programme',
    );
    expect(rows).toEqual([
      { programme: 'Zazpi', count: 2 },
      { programme: 'Alaia', count: 1 },
      { programme: 'Bixia', count: 1 },
      { programme: 'Sans programme', count: 1 },
    ]);
  });
});

describe('monthsUpTo', () => {
  it('crosses the year', () => {
    expect(monthsUpTo('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('frenchMonthLabel', () => {
  it('is short and French', () => {
    expect(frenchMonthLabel('2026-12')).toBe('déc. 2026');
  });
});

describe('reservationsByMonth', () => {
  it('counts by signature month, else creation month', () => {
    const rows = reservationsByMonth(
      [
        { signatureDate: '2026-12-02', createdAt: new Date('2026-12-02T10:00:00Z'), contractPrice: 285000 },
        { signatureDate: null, createdAt: new Date('2026-11-30T23:30:00Z'), contractPrice: 199000.5 },
        { signatureDate: '2026-10-15', createdAt: new Date('2026-12-01T10:00:00Z'), contractPrice: null },
        { signatureDate: '2026-01-15', createdAt: new Date('2026-01-15T10:00:00Z'), contractPrice: 100000 },
      ],
      NOW,
      3,
    );
    expect(rows.map((row) => [row.month, row.count, row.amount, row.isCurrentMonth])).toEqual([
      ['2026-10', 1, 0, false],
      ['2026-11', 0, 0, false],
      ['2026-12', 2, 484000.5, true],
    ]);
  });
});
