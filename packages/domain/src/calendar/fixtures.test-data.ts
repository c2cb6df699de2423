import { createWorkingCalendar, type Holiday } from './working-calendar.ts';

// The official 2025 and 2026 lists (SKB 3 Menteri; 2025 with the 18 Aug amendment), for tests only.
const L = (date: string): Holiday => ({ date, kind: 'libur_nasional', name: date });
const C = (date: string): Holiday => ({ date, kind: 'cuti_bersama', name: date });

export const HOLIDAYS_2025: Holiday[] = [
  ...[
    '01-01',
    '01-27',
    '01-29',
    '03-29',
    '03-31',
    '04-01',
    '04-18',
    '04-20',
    '05-01',
    '05-12',
    '05-29',
    '06-01',
    '06-06',
    '06-27',
    '08-17',
    '09-05',
    '12-25',
  ].map((d) => L(`2025-${d}`)),
  ...['01-28', '03-28', '04-02', '04-03', '04-04', '04-07', '05-13', '05-30', '06-09', '08-18', '12-26'].map((d) =>
    C(`2025-${d}`),
  ),
];
export const HOLIDAYS_2026: Holiday[] = [
  ...[
    '01-01',
    '01-16',
    '02-17',
    '03-19',
    '03-21',
    '03-22',
    '04-03',
    '04-05',
    '05-01',
    '05-14',
    '05-27',
    '05-31',
    '06-01',
    '06-16',
    '08-17',
    '08-25',
    '12-25',
  ].map((d) => L(`2026-${d}`)),
  ...['02-16', '03-18', '03-20', '03-23', '03-24', '05-15', '05-28', '12-24'].map((d) => C(`2026-${d}`)),
];

export const wita = createWorkingCalendar({
  timeZone: 'Asia/Makassar',
  holidays: [...HOLIDAYS_2025, ...HOLIDAYS_2026],
  loadedYears: [2025, 2026],
});
export const wib = createWorkingCalendar({
  timeZone: 'Asia/Pontianak',
  holidays: [...HOLIDAYS_2025, ...HOLIDAYS_2026],
  loadedYears: [2025, 2026],
});

/** An instant given as local wall time in WITA (+08:00) or WIB (+07:00). */
export const at = (local: string, zone: 'WITA' | 'WIB') => new Date(`${local}${zone === 'WITA' ? '+08:00' : '+07:00'}`);
