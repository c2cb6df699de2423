import type { ProvincePackInput } from '../schema.ts';

type Calendar = ProvincePackInput['calendar'];
type Day = Calendar['days'][number];

/**
 * The national working-day calendar (libur nasional and cuti bersama), the same in every province.
 * Source: the yearly SKB 3 Menteri (Menag, Menaker, MenPAN-RB) and Keppres on ad-hoc holidays, as
 * compiled in the team's DOMAIN.md §6.1. Editable data: an admin can add a day at any time (the 2025
 * amendment added 18 Aug), and a province may add its own libur_daerah.
 */
// 2023: the SKB was amended twice during the year (in March: Idul Fitri cuti bersama moved, Waisak cuti
// added; in June: Idul Adha cuti bersama added). The amendments' numbers are UNCONFIRMED (SKB 327/2023 for
// March is from memory), so the basis only says "as amended".
const SKB_2023 = 'SKB 1066/2022, 3/2022, 3/2022 (as amended)';
const SKB_2024 = 'SKB 855/2023, 3/2023, 4/2023';
const SKB_2025 = 'SKB 1017/2024, 2/2024, 2/2024';
const SKB_2025_AMENDMENT = 'SKB 933/2025, 1/2025, 3/2025';
const SKB_2026 = 'SKB 1497/2025, 2/2025, 5/2025';
const SKB_2027 = 'SKB Menag 1205, Menaker 3, MenPAN-RB 2 Tahun 2026';

const libur = (date: string, name: string, legalBasis: string): Day => ({
  date,
  kind: 'libur_nasional',
  name,
  legalBasis,
});
const cuti = (date: string, name: string, legalBasis: string): Day => ({
  date,
  kind: 'cuti_bersama',
  name,
  legalBasis,
});

// 2023: DOMAIN.md confirms only Waisak 4 Jun (+ cuti 2 Jun) and Idul Adha 29 Jun. Fixed-date holidays are
// certain; every other date is the published SKB list from general knowledge, UNCONFIRMED against the SKB
// text (marked "unsure" below where the date moved between versions or could be off by a day).
const days2023: Day[] = [
  libur('2023-01-01', 'Tahun Baru 2023 Masehi', SKB_2023),
  libur('2023-01-22', 'Tahun Baru Imlek 2574 Kongzili', SKB_2023), // unsure
  libur('2023-02-18', 'Isra Mikraj Nabi Muhammad SAW', SKB_2023), // unsure
  libur('2023-03-22', 'Hari Suci Nyepi Tahun Baru Saka 1945', SKB_2023), // unsure
  libur('2023-04-07', 'Wafat Isa Al Masih', SKB_2023), // Good Friday, computed
  libur('2023-04-22', 'Hari Raya Idul Fitri 1444 H', SKB_2023), // unsure (isbat)
  libur('2023-04-23', 'Hari Raya Idul Fitri 1444 H', SKB_2023), // unsure (isbat)
  libur('2023-05-01', 'Hari Buruh Internasional', SKB_2023),
  libur('2023-05-18', 'Kenaikan Isa Al Masih', SKB_2023), // Easter + 39, computed
  libur('2023-06-01', 'Hari Lahir Pancasila', SKB_2023),
  libur('2023-06-04', 'Hari Raya Waisak 2567 BE', SKB_2023),
  libur('2023-06-29', 'Hari Raya Idul Adha 1444 H', SKB_2023),
  libur('2023-07-19', 'Tahun Baru Islam 1445 H', SKB_2023), // unsure
  libur('2023-08-17', 'Hari Kemerdekaan Republik Indonesia', SKB_2023),
  libur('2023-09-28', 'Maulid Nabi Muhammad SAW', SKB_2023), // unsure
  libur('2023-12-25', 'Hari Raya Natal', SKB_2023),
  cuti('2023-01-23', 'Cuti bersama Tahun Baru Imlek', SKB_2023), // unsure
  cuti('2023-03-23', 'Cuti bersama Hari Suci Nyepi', SKB_2023), // unsure
  // Idul Fitri cuti bersama as moved by the March 2023 amendment (unsure: the original SKB had other days).
  cuti('2023-04-19', 'Cuti bersama Idul Fitri 1444 H', SKB_2023),
  cuti('2023-04-20', 'Cuti bersama Idul Fitri 1444 H', SKB_2023),
  cuti('2023-04-21', 'Cuti bersama Idul Fitri 1444 H', SKB_2023),
  cuti('2023-04-24', 'Cuti bersama Idul Fitri 1444 H', SKB_2023),
  cuti('2023-04-25', 'Cuti bersama Idul Fitri 1444 H', SKB_2023),
  cuti('2023-06-02', 'Cuti bersama Hari Raya Waisak', SKB_2023),
  // Added by the June 2023 amendment (unsure: 28 and 30 Jun around Idul Adha).
  cuti('2023-06-28', 'Cuti bersama Idul Adha 1444 H', SKB_2023),
  cuti('2023-06-30', 'Cuti bersama Idul Adha 1444 H', SKB_2023),
  cuti('2023-12-26', 'Cuti bersama Hari Raya Natal', SKB_2023),
];

const days2024: Day[] = [
  // DOMAIN.md confirms Isra Mikraj, Imlek, Nyepi (+ cuti 12 Mar), Wafat, Idul Fitri, 1 May, Kenaikan,
  // Waisak (+ cuti), Idul Adha (+ cuti), 1 Muharam, Maulid and cuti Natal 26 Dec.
  libur('2024-01-01', 'Tahun Baru 2024 Masehi', SKB_2024),
  libur('2024-02-08', 'Isra Mikraj Nabi Muhammad SAW', SKB_2024),
  libur('2024-02-10', 'Tahun Baru Imlek 2575 Kongzili', SKB_2024),
  // Election day, declared a national holiday outside the SKB (decree number UNCONFIRMED).
  libur('2024-02-14', 'Hari Pemungutan Suara Pemilu 2024', 'Keppres 10/2024 (UNCONFIRMED number)'),
  libur('2024-03-11', 'Hari Suci Nyepi Tahun Baru Saka 1946', SKB_2024),
  libur('2024-03-29', 'Wafat Isa Al Masih', SKB_2024),
  libur('2024-03-31', 'Hari Paskah', SKB_2024), // Easter Sunday, computed; on the list from 2024 (DOMAIN §6.1)
  libur('2024-04-10', 'Hari Raya Idul Fitri 1445 H', SKB_2024),
  libur('2024-04-11', 'Hari Raya Idul Fitri 1445 H', SKB_2024),
  libur('2024-05-01', 'Hari Buruh Internasional', SKB_2024),
  libur('2024-05-09', 'Kenaikan Isa Al Masih', SKB_2024),
  libur('2024-05-23', 'Hari Raya Waisak 2568 BE', SKB_2024),
  libur('2024-06-01', 'Hari Lahir Pancasila', SKB_2024),
  libur('2024-06-17', 'Hari Raya Idul Adha 1445 H', SKB_2024),
  libur('2024-07-07', 'Tahun Baru Islam 1446 H', SKB_2024),
  libur('2024-08-17', 'Hari Kemerdekaan Republik Indonesia', SKB_2024),
  libur('2024-09-16', 'Maulid Nabi Muhammad SAW', SKB_2024),
  // Pilkada serentak: an ad-hoc national holiday (UNCONFIRMED in DOMAIN.md; decree number unverified).
  libur('2024-11-27', 'Hari Pemungutan Suara Pilkada Serentak 2024', 'Keppres 33/2024 (UNCONFIRMED)'),
  libur('2024-12-25', 'Hari Raya Natal', SKB_2024),
  cuti('2024-02-09', 'Cuti bersama Tahun Baru Imlek', SKB_2024), // unsure
  cuti('2024-03-12', 'Cuti bersama Hari Suci Nyepi', SKB_2024),
  // Idul Fitri cuti bersama 8, 9, 12, 15 Apr: unsure (general knowledge, not in DOMAIN.md).
  cuti('2024-04-08', 'Cuti bersama Idul Fitri 1445 H', SKB_2024),
  cuti('2024-04-09', 'Cuti bersama Idul Fitri 1445 H', SKB_2024),
  cuti('2024-04-12', 'Cuti bersama Idul Fitri 1445 H', SKB_2024),
  cuti('2024-04-15', 'Cuti bersama Idul Fitri 1445 H', SKB_2024),
  cuti('2024-05-10', 'Cuti bersama Kenaikan Isa Al Masih', SKB_2024), // unsure
  cuti('2024-05-24', 'Cuti bersama Hari Raya Waisak', SKB_2024),
  cuti('2024-06-18', 'Cuti bersama Idul Adha 1445 H', SKB_2024),
  cuti('2024-12-26', 'Cuti bersama Hari Raya Natal', SKB_2024),
];

// 2025 and 2026: exactly as DOMAIN.md §6.1 lists them (SKB texts as reported by the cited pages).
const days2025: Day[] = [
  libur('2025-01-01', 'Tahun Baru 2025 Masehi', SKB_2025),
  libur('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW', SKB_2025),
  libur('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili', SKB_2025),
  libur('2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947', SKB_2025),
  libur('2025-03-31', 'Hari Raya Idul Fitri 1446 H', SKB_2025),
  libur('2025-04-01', 'Hari Raya Idul Fitri 1446 H', SKB_2025),
  libur('2025-04-18', 'Wafat Yesus Kristus', SKB_2025),
  libur('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)', SKB_2025),
  libur('2025-05-01', 'Hari Buruh Internasional', SKB_2025),
  libur('2025-05-12', 'Hari Raya Waisak 2569 BE', SKB_2025),
  libur('2025-05-29', 'Kenaikan Yesus Kristus', SKB_2025),
  libur('2025-06-01', 'Hari Lahir Pancasila', SKB_2025),
  libur('2025-06-06', 'Hari Raya Idul Adha 1446 H', SKB_2025),
  libur('2025-06-27', 'Tahun Baru Islam 1447 H', SKB_2025),
  libur('2025-08-17', 'Hari Kemerdekaan Republik Indonesia', SKB_2025),
  libur('2025-09-05', 'Maulid Nabi Muhammad SAW', SKB_2025),
  libur('2025-12-25', 'Hari Raya Natal', SKB_2025),
  cuti('2025-01-28', 'Cuti bersama Tahun Baru Imlek', SKB_2025),
  cuti('2025-03-28', 'Cuti bersama Hari Suci Nyepi', SKB_2025),
  cuti('2025-04-02', 'Cuti bersama Idul Fitri 1446 H', SKB_2025),
  cuti('2025-04-03', 'Cuti bersama Idul Fitri 1446 H', SKB_2025),
  cuti('2025-04-04', 'Cuti bersama Idul Fitri 1446 H', SKB_2025),
  cuti('2025-04-07', 'Cuti bersama Idul Fitri 1446 H', SKB_2025),
  cuti('2025-05-13', 'Cuti bersama Hari Raya Waisak', SKB_2025),
  cuti('2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus', SKB_2025),
  cuti('2025-06-09', 'Cuti bersama Idul Adha 1446 H', SKB_2025),
  cuti('2025-08-18', 'Cuti bersama Hari Kemerdekaan RI', SKB_2025_AMENDMENT),
  cuti('2025-12-26', 'Cuti bersama Hari Raya Natal', SKB_2025),
];

const days2026: Day[] = [
  libur('2026-01-01', 'Tahun Baru 2026 Masehi', SKB_2026),
  libur('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', SKB_2026),
  libur('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', SKB_2026),
  libur('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', SKB_2026),
  libur('2026-03-21', 'Hari Raya Idul Fitri 1447 H', SKB_2026),
  libur('2026-03-22', 'Hari Raya Idul Fitri 1447 H', SKB_2026),
  libur('2026-04-03', 'Wafat Yesus Kristus', SKB_2026),
  libur('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', SKB_2026),
  libur('2026-05-01', 'Hari Buruh Internasional', SKB_2026),
  libur('2026-05-14', 'Kenaikan Yesus Kristus', SKB_2026),
  libur('2026-05-27', 'Hari Raya Idul Adha 1447 H', SKB_2026),
  libur('2026-05-31', 'Hari Raya Waisak 2570 BE', SKB_2026),
  libur('2026-06-01', 'Hari Lahir Pancasila', SKB_2026),
  libur('2026-06-16', 'Tahun Baru Islam 1448 H', SKB_2026),
  libur('2026-08-17', 'Hari Kemerdekaan Republik Indonesia', SKB_2026),
  libur('2026-08-25', 'Maulid Nabi Muhammad SAW', SKB_2026),
  libur('2026-12-25', 'Hari Raya Natal', SKB_2026),
  cuti('2026-02-16', 'Cuti bersama Tahun Baru Imlek', SKB_2026),
  cuti('2026-03-18', 'Cuti bersama Hari Suci Nyepi', SKB_2026),
  cuti('2026-03-20', 'Cuti bersama Idul Fitri 1447 H', SKB_2026),
  cuti('2026-03-23', 'Cuti bersama Idul Fitri 1447 H', SKB_2026),
  cuti('2026-03-24', 'Cuti bersama Idul Fitri 1447 H', SKB_2026),
  cuti('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', SKB_2026),
  cuti('2026-05-28', 'Cuti bersama Idul Adha 1447 H', SKB_2026),
  cuti('2026-12-24', 'Cuti bersama Hari Raya Natal', SKB_2026),
];

// 2027: exactly as DOMAIN.md §6.1 lists the SKB of 15 September 2026 (18 libur nasional, 8 cuti bersama;
// Isra Mikraj falls twice). The Islamic dates await the sidang isbat: an admin moves a day in the console
// with the decree that changed it, and every open deadline is recomputed.
const days2027: Day[] = [
  libur('2027-01-01', 'Tahun Baru 2027 Masehi', SKB_2027),
  libur('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW 1448 H', SKB_2027),
  libur('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', SKB_2027),
  libur('2027-03-08', 'Hari Suci Nyepi Tahun Baru Saka 1949', SKB_2027),
  libur('2027-03-10', 'Hari Raya Idulfitri 1448 H', SKB_2027),
  libur('2027-03-11', 'Hari Raya Idulfitri 1448 H', SKB_2027),
  libur('2027-03-26', 'Wafat Yesus Kristus', SKB_2027),
  libur('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', SKB_2027),
  libur('2027-05-01', 'Hari Buruh Internasional', SKB_2027),
  libur('2027-05-06', 'Kenaikan Yesus Kristus', SKB_2027),
  libur('2027-05-17', 'Hari Raya Iduladha 1448 H', SKB_2027),
  libur('2027-05-20', 'Hari Raya Waisak 2571 BE', SKB_2027),
  libur('2027-06-01', 'Hari Lahir Pancasila', SKB_2027),
  libur('2027-06-06', 'Tahun Baru Islam 1449 H', SKB_2027),
  libur('2027-08-15', 'Maulid Nabi Muhammad SAW', SKB_2027),
  libur('2027-08-17', 'Hari Kemerdekaan Republik Indonesia', SKB_2027),
  libur('2027-12-25', 'Hari Raya Natal', SKB_2027),
  libur('2027-12-26', 'Isra Mikraj Nabi Muhammad SAW 1449 H', SKB_2027),
  cuti('2027-02-05', 'Cuti bersama Tahun Baru Imlek', SKB_2027),
  cuti('2027-03-09', 'Cuti bersama Idulfitri 1448 H', SKB_2027),
  cuti('2027-03-12', 'Cuti bersama Idulfitri 1448 H', SKB_2027),
  cuti('2027-03-15', 'Cuti bersama Idulfitri 1448 H', SKB_2027),
  cuti('2027-03-25', 'Cuti bersama Wafat Yesus Kristus', SKB_2027),
  cuti('2027-05-18', 'Cuti bersama Iduladha 1448 H', SKB_2027),
  cuti('2027-05-19', 'Cuti bersama Hari Raya Waisak', SKB_2027),
  cuti('2027-12-24', 'Cuti bersama Hari Raya Natal', SKB_2027),
];

export const nationalCalendar: Calendar = {
  years: [
    { year: 2023, legalBasis: SKB_2023 },
    { year: 2024, legalBasis: SKB_2024 },
    { year: 2025, legalBasis: `${SKB_2025} as amended by ${SKB_2025_AMENDMENT}` },
    { year: 2026, legalBasis: SKB_2026 },
    { year: 2027, legalBasis: SKB_2027 },
  ],
  days: [...days2023, ...days2024, ...days2025, ...days2026, ...days2027],
};
