import { listScheduledTimes } from '../../src/domain/gps/schedule';

/** Local day in Paris of an instant, as yyyy-mm-dd. */
function parisDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function parisTime(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(date);
}

describe('nightly schedule in Europe/Paris', () => {
  beforeEach(() => {
    // node-schedule ignores a start date earlier than its clock, so the clock is set before 2027.
    jest.useFakeTimers({ now: new Date('2027-01-01T00:00:00Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('fires once on the spring-forward night', () => {
    const times = listScheduledTimes({ rule: '0 2 * * *', tz: 'Europe/Paris', from: new Date('2027-03-26T12:00:00Z'), count: 4 });
    const days = times.map(parisDay);

    expect(days).toEqual(['2027-03-27', '2027-03-28', '2027-03-29', '2027-03-30']);
    expect(days.filter((day) => day === '2027-03-28')).toHaveLength(1);
    // 02:00 does not exist on 28 March 2027: clocks go from 02:00 CET to 03:00 CEST.
    expect(times[1].toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(parisTime(times[1])).toBe('03:00');
    expect(parisTime(times[2])).toBe('02:00');
  });

  it('fires once on the fall-back night', () => {
    const times = listScheduledTimes({ rule: '0 2 * * *', tz: 'Europe/Paris', from: new Date('2027-10-29T12:00:00Z'), count: 4 });
    const days = times.map(parisDay);

    expect(days).toEqual(['2027-10-30', '2027-10-31', '2027-11-01', '2027-11-02']);
    expect(days.filter((day) => day === '2027-10-31')).toHaveLength(1);
    // 02:00 happens twice on 31 October 2027 (CEST, then CET): the job fires at the first one only.
    expect(times[1].toISOString()).toBe('2027-10-31T00:00:00.000Z');
    expect(parisTime(times[1])).toBe('02:00');
    expect(times[2].toISOString()).toBe('2027-11-01T01:00:00.000Z');
  });

  it('keeps one run per day across a month', () => {
    const times = listScheduledTimes({ rule: '0 2 * * *', tz: 'Europe/Paris', from: new Date('2027-03-14T12:00:00Z'), count: 31 });
    const days = times.map(parisDay);

    expect(new Set(days).size).toBe(31);
    for (let index = 1; index < times.length; index += 1) {
      const hours = (times[index].getTime() - times[index - 1].getTime()) / 3_600_000;
      expect([23, 24, 25]).toContain(hours);
    }
  });

  it('rejects a start in the past', () => {
    expect(() => listScheduledTimes({ rule: '0 2 * * *', tz: 'Europe/Paris', from: new Date('2026-06-01T00:00:00Z'), count: 1 })).toThrow(RangeError);
  });
});
