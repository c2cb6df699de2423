import { describe, expect, it } from 'vitest';
import { dueScheduledPeriod, scheduleSends } from './schedule.ts';

const WITA = 'Asia/Makassar';

describe('scheduled report periods', () => {
  it('sends the week before on Monday at the set time (province time), and the month before on the 1st', () => {
    // Mon 7 Dec 2026, 07:30 WITA: last week (30 Nov – 6 Dec) went out at 07:00.
    const monday = new Date('2026-12-06T23:30:00Z');
    expect(dueScheduledPeriod('weekly', monday, WITA, '07:00')).toEqual({
      period: { kind: 'week', key: '2026-W49', from: '2026-11-30', to: '2026-12-06' },
      sendAt: new Date('2026-12-06T23:00:00Z'),
    });
    // 06:30 WITA the same Monday: still the week before that.
    expect(dueScheduledPeriod('weekly', new Date('2026-12-06T22:30:00Z'), WITA, '07:00').period.key).toBe('2026-W48');
    const first = dueScheduledPeriod('monthly', new Date('2026-12-01T00:00:00Z'), WITA, '07:00');
    expect(first).toMatchObject({ period: { key: '2026-11' }, sendAt: new Date('2026-11-30T23:00:00Z') });
    expect(dueScheduledPeriod('monthly', new Date('2026-12-15T00:00:00Z'), WITA, '07:00').period.key).toBe('2026-11');
  });

  it('starts a new schedule with the first report due after it was made', () => {
    const { sendAt } = dueScheduledPeriod('weekly', new Date('2026-12-09T02:00:00Z'), WITA, '07:00');
    expect(scheduleSends(new Date('2026-12-09T01:00:00Z'), sendAt)).toBe(false);
    expect(scheduleSends(new Date('2026-12-01T00:00:00Z'), sendAt)).toBe(true);
  });
});
