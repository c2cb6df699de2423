import { OPD_ID_PATTERN, REGENCY_CODE_PATTERN } from '@pantau/contracts/constants';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** An IANA zone that this Node's Intl accepts ("Asia/Makasar" with one s does not). */
export const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown IANA time zone');

export const regencySchema = z.object({
  /** Kemendagri code `NN.NN`, e.g. `62.71`. */
  code: z.string().regex(REGENCY_CODE_PATTERN),
  name: z.string().min(3),
  kind: z.enum(['kabupaten', 'kota']),
  capital: z.string().min(2),
  lat: z.number().min(-11).max(6),
  lon: z.number().min(94).max(142),
});

export const opdTypeSchema = z.enum([
  'dinas',
  'badan',
  'biro',
  'inspektorat',
  'rsud',
  'satpol',
  'sekretariat',
  'lainnya',
]);

export const opdSchema = z.object({
  /** Stable id, `<province slug>.<short name in kebab-case>`; never reused for another body. */
  id: z.string().regex(OPD_ID_PATTERN),
  name: z.string().min(5),
  shortName: z.string().min(2),
  type: opdTypeSchema,
  /** Earlier names of the same body (renames such as Bappedalitbang → Bapperida). */
  aliases: z.array(z.string()).default([]),
  activeFrom: isoDate.optional(),
  activeTo: isoDate.optional(),
});

export const calendarDaySchema = z.object({
  date: isoDate,
  kind: z.enum(['libur_nasional', 'cuti_bersama', 'libur_daerah']),
  name: z.string().min(3),
  /** The decree that set the day (SKB number, Keppres), so an operator can check it. */
  legalBasis: z.string().min(3),
});

export const calendarYearSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  legalBasis: z.string().min(3),
});

export const socialAccountSchema = z.object({
  opdId: z.string(),
  platform: z.enum(['instagram', 'facebook', 'x', 'youtube', 'tiktok']),
  handle: z.string().min(2),
  /** The SK that designates the account as the OPD's official one, when known. */
  decree: z.string().optional(),
  /** Demo accounts are invented for the simulator and never polled. */
  demo: z.boolean().default(true),
});

/**
 * What the demo feed simulates when no rate is set (PANTAU_DEMO_PER_DAY): the province's realistic
 * volumes from public figures (docs: DOMAIN.md §2), so the wall shows what a governor's staff would see.
 */
export const demoRatesSchema = z.object({
  /** Complaints a calendar day across the province (LAPOR, every channel). */
  complaintsPerDay: z.number().positive(),
  /** PPID requests a calendar day across every OPD. */
  ppidRequestsPerDay: z.number().positive(),
  /** The social simulator's activity (1 = about 240 interactions a day over the demo accounts). */
  socialActivity: z.number().positive(),
});

export const provincePackSchema = z
  .object({
    slug: z.string().regex(/^[a-z]+$/),
    code: z.string().regex(/^\d{2}$/),
    name: z.string().min(5),
    shortName: z.string().min(3),
    timeZone: timeZoneSchema,
    /** WIB / WITA / WIT, shown beside every clock. */
    timeZoneLabel: z.enum(['WIB', 'WITA', 'WIT']),
    capitalRegencyCode: z.string().regex(REGENCY_CODE_PATTERN),
    /** How citizens complain by SMS: `<keyword> <isi aduan>` to `number`. */
    sms: z.object({ keyword: z.string().regex(/^[A-Z]+$/), number: z.string().regex(/^\d+$/) }),
    /** The brand of the LAPOR channel in this province, e.g. "Lapor Paman" in Kalsel. */
    laporBrand: z.string().min(3),
    regencies: z.array(regencySchema).min(1),
    opds: z.array(opdSchema).min(1),
    calendar: z.object({ years: z.array(calendarYearSchema), days: z.array(calendarDaySchema) }),
    socialAccounts: z.array(socialAccountSchema),
    /** A pack without figures of its own gets the middle of DOMAIN.md's range. */
    demoRates: demoRatesSchema.default({ complaintsPerDay: 3, ppidRequestsPerDay: 2, socialActivity: 1 }),
  })
  .superRefine((pack, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    pack.regencies.forEach((r, i) => {
      if (!r.code.startsWith(`${pack.code}.`)) issue(['regencies', i, 'code'], `must start with ${pack.code}.`);
    });
    if (!pack.regencies.some((r) => r.code === pack.capitalRegencyCode)) {
      issue(['capitalRegencyCode'], 'must name one of the regencies');
    }
    const shortNames = new Set<string>();
    const ids = new Set<string>();
    pack.opds.forEach((o, i) => {
      const key = o.shortName.toLowerCase();
      if (shortNames.has(key)) issue(['opds', i, 'shortName'], `repeats: ${o.shortName}`);
      shortNames.add(key);
      if (ids.has(o.id)) issue(['opds', i, 'id'], `repeats: ${o.id}`);
      ids.add(o.id);
      if (!o.id.startsWith(`${pack.slug}.`)) issue(['opds', i, 'id'], `must start with ${pack.slug}.`);
    });
    const years = new Set(pack.calendar.years.map((y) => y.year));
    pack.calendar.days.forEach((d, i) => {
      const year = Number(d.date.slice(0, 4));
      if (!years.has(year)) issue(['calendar', 'days', i, 'date'], `year ${year} is not among calendar.years`);
      // Date.parse alone accepts 30 and 31 Feb (it rolls over), so compare the round trip.
      const t = Date.parse(`${d.date}T00:00:00Z`);
      if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== d.date) {
        issue(['calendar', 'days', i, 'date'], 'not a real date');
      }
    });
    pack.socialAccounts.forEach((a, i) => {
      if (!ids.has(a.opdId)) issue(['socialAccounts', i, 'opdId'], `unknown OPD ${a.opdId}`);
    });
  });

export type ProvincePackInput = z.input<typeof provincePackSchema>;
export type ProvincePack = z.output<typeof provincePackSchema>;
export type Regency = z.output<typeof regencySchema>;
export type Opd = z.output<typeof opdSchema>;
export type CalendarDay = z.output<typeof calendarDaySchema>;
export type SocialAccount = z.output<typeof socialAccountSchema>;
export type DemoRates = z.output<typeof demoRatesSchema>;
