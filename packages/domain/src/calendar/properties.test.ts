import fc from 'fast-check';
import { describe, it } from 'vitest';
import { addWorkingDaysWithPauses, type Pause } from './deadline.ts';
import { endOfLocalDay, localDateOf } from './local-date.ts';
import { addWorkingDays, createWorkingCalendar, isWorkingDay, workingDaysBetween } from './working-calendar.ts';

// Random holiday sets in both provinces' zones, events anywhere from mid-2024 to mid-2027.
const zone = fc.constantFrom('Asia/Makassar', 'Asia/Pontianak');
const instant = fc.date({
  min: new Date('2024-06-01T00:00:00Z'),
  max: new Date('2027-06-01T00:00:00Z'),
  noInvalidDate: true,
});
const holidays = fc.uniqueArray(
  fc
    .date({ min: new Date('2024-06-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  { maxLength: 40 },
);
const calendar = fc.tuple(zone, holidays).map(([tz, days]) =>
  createWorkingCalendar({
    timeZone: tz,
    holidays: days.map((date) => ({ date, kind: 'libur_nasional' as const, name: 'x' })),
    loadedYears: [2024, 2025, 2026, 2027],
  }),
);
const n = fc.integer({ min: 1, max: 80 });
const closedPause = fc
  .tuple(instant, fc.integer({ min: 1, max: 30 * 24 * 60 }))
  .map(([s, minutes]): Pause => ({ start: s, end: new Date(s.getTime() + minutes * 60_000) }));

describe('hari kerja properties', () => {
  it('the result of adding N working days is a working day', () => {
    fc.assert(fc.property(calendar, instant, n, (cal, t, k) => isWorkingDay(cal, addWorkingDays(cal, t, k).dueDate)));
  });

  it('counting back from the deadline gives N', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        n,
        (cal, t, k) => workingDaysBetween(cal, t, addWorkingDays(cal, t, k).deadline).days === k,
      ),
    );
  });

  it('is strictly monotonic in N', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        n,
        (cal, t, k) => addWorkingDays(cal, t, k + 1).deadline > addWorkingDays(cal, t, k).deadline,
      ),
    );
  });

  it('counting between two instants is antisymmetric', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        instant,
        (cal, a, b) => workingDaysBetween(cal, a, b).days === -workingDaysBetween(cal, b, a).days,
      ),
    );
  });

  it('the deadline falls at 23:59:59.999 local on its due date, after the event', () => {
    fc.assert(
      fc.property(calendar, instant, n, (cal, t, k) => {
        const r = addWorkingDays(cal, t, k);
        return (
          r.deadline > t &&
          localDateOf(r.deadline, cal.timeZone) === r.dueDate &&
          localDateOf(new Date(r.deadline.getTime() + 1), cal.timeZone) !== r.dueDate
        );
      }),
    );
  });

  it('the end of an instant’s local day is never before the instant and on the same local day', () => {
    fc.assert(
      fc.property(zone, instant, (tz, t) => {
        const end = endOfLocalDay(localDateOf(t, tz), tz);
        return end >= t && end.getTime() - t.getTime() < 86_400_000 && localDateOf(end, tz) === localDateOf(t, tz);
      }),
    );
  });

  it('pauses only ever push a deadline later, onto an unpaused working day', () => {
    fc.assert(
      fc.property(calendar, instant, n, fc.array(closedPause, { maxLength: 3 }), (cal, t, k, pauses) => {
        const plain = addWorkingDays(cal, t, k);
        const paused = addWorkingDaysWithPauses(cal, t, k, pauses);
        return paused.deadline !== null && paused.deadline >= plain.deadline && isWorkingDay(cal, paused.dueDate);
      }),
    );
  });

  it('adding one more pause never moves a deadline earlier', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        n,
        fc.array(closedPause, { maxLength: 3 }),
        closedPause,
        (cal, t, k, ps, extra) => {
          const before = addWorkingDaysWithPauses(cal, t, k, ps).deadline;
          const after = addWorkingDaysWithPauses(cal, t, k, [...ps, extra]).deadline;
          return before !== null && after !== null && after >= before;
        },
      ),
    );
  });

  it('any open pause, before or after the anchor, leaves the deadline undefined', () => {
    fc.assert(
      fc.property(calendar, instant, n, fc.array(closedPause, { maxLength: 2 }), instant, (cal, t, k, ps, openedAt) => {
        const r = addWorkingDaysWithPauses(cal, t, k, [...ps, { start: openedAt, end: null }]);
        return r.deadline === null && r.reason === 'paused';
      }),
    );
  });
});
