import { addWorkingDays, createWorkingCalendar, type WorkingCalendar } from '@pantau/domain';
import { describe, expect, it } from 'vitest';
import { loadProvincePack } from './index.ts';

/** The working calendar a province pack seeds, as the server builds it from the tables. */
function calendarOf(slug: string): WorkingCalendar {
  const pack = loadProvincePack(slug);
  return createWorkingCalendar({
    timeZone: pack.timeZone,
    holidays: pack.calendar.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    loadedYears: pack.calendar.years.map((y) => y.year),
  });
}

const kalteng = calendarOf('kalteng'); // WIB
const kalsel = calendarOf('kalsel'); // WITA

// Every expected date below is counted by hand on the SKB 2027 list (DOMAIN.md §6.1): the day of the
// event never counts; weekends, libur nasional and cuti bersama are skipped.
describe('deadlines that reach into 2027 follow the SKB of 15 September 2026', () => {
  const due = (cal: WorkingCalendar, at: string, n: number) => addWorkingDays(cal, new Date(at), n);

  it('skips New Year 2027: Thu 31 Dec 2026 + 1 HK is Mon 4 Jan, not Fri 1 Jan', () => {
    const r = due(kalteng, '2026-12-31T10:00:00+07:00', 1);
    expect(r.dueDate).toBe('2027-01-04');
    expect(r.warnings).toEqual([]);
  });

  it('skips Isra Mikraj on Tue 5 Jan 2027: Mon 4 Jan + 1 HK is Wed 6 Jan', () => {
    expect(due(kalteng, '2027-01-04T09:00:00+07:00', 1).dueDate).toBe('2027-01-06');
  });

  it('skips the Imlek cuti bersama on Fri 5 Feb 2027: Thu 4 Feb + 1 HK is Mon 8 Feb', () => {
    expect(due(kalsel, '2027-02-04T09:00:00+08:00', 1).dueDate).toBe('2027-02-08');
  });

  it('skips Nyepi, Idulfitri and their cuti bersama (8–12 and 15 Mar 2027): Fri 5 Mar + 1 HK is Tue 16 Mar', () => {
    expect(due(kalteng, '2027-03-05T14:00:00+07:00', 1).dueDate).toBe('2027-03-16');
    expect(due(kalsel, '2027-03-05T14:00:00+08:00', 5).dueDate).toBe('2027-03-22');
  });

  it('counts 20 HK from Fri 19 Feb 2027 across Nyepi–Idulfitri and Wafat Yesus to Wed 31 Mar', () => {
    // 22–26 Feb (5), 1–5 Mar (10), 8–15 Mar off, 16–19 (14), 22–24 (17), 25–26 off, 29–31 (20).
    expect(due(kalsel, '2027-02-19T11:00:00+08:00', 20).dueDate).toBe('2027-03-31');
  });

  it('puts a 60-HK tier set on 2 Dec 2026 on Wed 3 Mar 2027, not on Fri 26 Feb as Monday–Friday would', () => {
    // Dec: 3–4 (2), 7–11 (7), 14–18 (12), 21–23 (15), 24–25 off, 28–31 (19); Jan: 1 off, 4 (20), 5 off,
    // 6–8 (23), 11–15 (28), 18–22 (33), 25–29 (38); Feb: 1–4 (42), 5 off, 8–12 (47), 15–19 (52),
    // 22–26 (57); Mar: 1–3 (60).
    const r = due(kalsel, '2026-12-02T10:00:00+08:00', 60);
    expect(r.dueDate).toBe('2027-03-03');
    expect(r.warnings).toEqual([]);
  });

  it('skips the Natal cuti bersama on Fri 24 Dec 2027: Wed 22 Dec + 2 HK is Mon 27 Dec', () => {
    expect(due(kalteng, '2027-12-22T09:00:00+07:00', 2).dueDate).toBe('2027-12-27');
  });

  it('counts from the local day: 23:30 WIB on Thu 4 Mar 2027 is already Fri 5 Mar in WITA', () => {
    const at = '2027-03-04T16:30:00Z';
    const wib = due(kalteng, at, 1);
    const wita = due(kalsel, at, 1);
    expect(wib.dueDate).toBe('2027-03-05'); // from Thu 4 Mar (WIB): Fri 5 Mar
    expect(wib.deadline.toISOString()).toBe('2027-03-05T16:59:59.999Z');
    expect(wita.dueDate).toBe('2027-03-16'); // from Fri 5 Mar (WITA): past 8–15 Mar, Tue 16 Mar
    expect(wita.deadline.toISOString()).toBe('2027-03-16T15:59:59.999Z');
  });

  it('loads 18 libur nasional and 8 cuti bersama for 2027 in every pack, with the SKB as source', () => {
    for (const slug of ['kalteng', 'kalsel', 'kalbar']) {
      const pack = loadProvincePack(slug);
      const days = pack.calendar.days.filter((d) => d.date.startsWith('2027-'));
      expect(days.filter((d) => d.kind === 'libur_nasional')).toHaveLength(18);
      expect(days.filter((d) => d.kind === 'cuti_bersama')).toHaveLength(8);
      expect(pack.calendar.years.find((y) => y.year === 2027)?.legalBasis).toMatch(/1205.*3.*2 Tahun 2026/);
      const weekdaysLost = new Set(
        days.filter((d) => ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay())).map((d) => d.date),
      );
      expect(weekdaysLost.size).toBe(19);
    }
  });
});
