import { describe, expect, it } from 'vitest';
import { loadProvincePack, packSources, provincePackSchema, provinceSlugs, type ProvincePackInput } from './index.ts';

const expected = {
  kalteng: { code: '62', regencies: 14, tz: 'Asia/Pontianak', label: 'WIB', capital: '62.71' },
  kalsel: { code: '63', regencies: 13, tz: 'Asia/Makassar', label: 'WITA', capital: '63.72' },
  kalbar: { code: '61', regencies: 14, tz: 'Asia/Pontianak', label: 'WIB', capital: '61.71' },
} as const;

const copy = (slug: string): ProvincePackInput => structuredClone(packSources[slug]!);

describe('province packs', () => {
  it('ships exactly Kalteng, Kalsel and Kalbar', () => {
    expect([...provinceSlugs].sort()).toEqual(['kalbar', 'kalsel', 'kalteng']);
  });

  for (const [slug, want] of Object.entries(expected)) {
    describe(slug, () => {
      const pack = loadProvincePack(slug);

      it('parses with provincePackSchema', () => {
        expect(provincePackSchema.safeParse(packSources[slug]).success).toBe(true);
      });

      it(`has ${want.regencies} kabupaten/kota under code ${want.code}`, () => {
        expect(pack.code).toBe(want.code);
        expect(pack.regencies).toHaveLength(want.regencies);
        expect(pack.regencies.every((r) => r.code.startsWith(`${want.code}.`))).toBe(true);
        expect(new Set(pack.regencies.map((r) => r.code)).size).toBe(want.regencies);
        expect(pack.capitalRegencyCode).toBe(want.capital);
      });

      it('names every regency with its full Kabupaten/Kota prefix, matching its kind', () => {
        for (const r of pack.regencies) {
          expect(r.name.startsWith(r.kind === 'kota' ? 'Kota ' : 'Kabupaten ')).toBe(true);
          expect(r.code.slice(3) >= '71').toBe(r.kind === 'kota'); // Kemendagri: 71+ are kota
        }
      });

      it(`runs in ${want.tz} (${want.label}), a zone Intl accepts`, () => {
        expect(pack.timeZone).toBe(want.tz);
        expect(pack.timeZoneLabel).toBe(want.label);
        expect(() => new Intl.DateTimeFormat('id-ID', { timeZone: pack.timeZone })).not.toThrow();
      });

      it('has every calendar date inside a loaded year, as a real date, each year with its decree', () => {
        const years = new Set(pack.calendar.years.map((y) => y.year));
        expect([...years].sort()).toEqual([2023, 2024, 2025, 2026, 2027]);
        for (const y of pack.calendar.years) expect(y.legalBasis).toMatch(/^SKB /);
        for (const d of pack.calendar.days) {
          expect(years.has(Number(d.date.slice(0, 4)))).toBe(true);
          expect(new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d.date); // no 31 Feb
        }
      });

      it('puts cuti bersama only on weekdays', () => {
        for (const d of pack.calendar.days.filter((x) => x.kind === 'cuti_bersama')) {
          expect([0, 6], d.date).not.toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
        }
      });

      it('never repeats an OPD short name or id, and seeds 30–45 OPDs with ids <slug>.<kebab>', () => {
        const short = pack.opds.map((o) => o.shortName.toLowerCase());
        expect(new Set(short).size).toBe(short.length);
        expect(new Set(pack.opds.map((o) => o.id)).size).toBe(pack.opds.length);
        expect(pack.opds.length).toBeGreaterThanOrEqual(30);
        expect(pack.opds.length).toBeLessThanOrEqual(45);
        for (const o of pack.opds) expect(o.id).toMatch(new RegExp(`^${slug}\\.[a-z0-9]+(-[a-z0-9]+)*$`));
      });

      it('gives every OPD a demo Instagram account and one more platform, each handle once per platform', () => {
        for (const o of pack.opds) {
          const mine = pack.socialAccounts.filter((a) => a.opdId === o.id);
          expect(mine.map((a) => a.platform)).toContain('instagram');
          expect(mine.some((a) => a.platform !== 'instagram')).toBe(true);
        }
        const keys = pack.socialAccounts.map((a) => `${a.platform}:${a.handle}`);
        expect(new Set(keys).size).toBe(keys.length);
      });

      it('marks every social account as an invented demo with no decree', () => {
        for (const a of pack.socialAccounts) {
          expect(a.demo).toBe(true);
          expect(a.decree).toBeUndefined();
          expect(a.handle).toMatch(/demo/);
        }
      });

      it('simulates a real province by default: 1–5 complaints and a few PPID requests a day (DOMAIN.md §2)', () => {
        const r = pack.demoRates;
        // Kalsel province-wide: 60–170 a month; Kalteng Pemprov alone 115 a year.
        expect(r.complaintsPerDay * 30).toBeGreaterThanOrEqual(30);
        expect(r.complaintsPerDay * 30).toBeLessThanOrEqual(170);
        // "A few a week per busy OPD": between one and three a day in all.
        expect(r.ppidRequestsPerDay).toBeGreaterThanOrEqual(1);
        expect(r.ppidRequestsPerDay).toBeLessThanOrEqual(3);
        expect(r.socialActivity).toBe(1);
      });
    });
  }

  it('carries the mid-2025 amendment: cuti bersama on 18 Aug 2025 under SKB 933/2025', () => {
    const day = loadProvincePack('kalteng').calendar.days.find((d) => d.date === '2025-08-18');
    expect(day?.kind).toBe('cuti_bersama');
    expect(day?.legalBasis).toMatch(/933\/2025/);
  });

  it('has Idul Fitri 2025 (31 Mar, 1 Apr) with its cuti bersama (2, 3, 4, 7 Apr)', () => {
    const days = loadProvincePack('kalsel').calendar.days;
    const on = (date: string) => days.find((d) => d.date === date)?.kind;
    expect([on('2025-03-31'), on('2025-04-01')]).toEqual(['libur_nasional', 'libur_nasional']);
    expect(['2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07'].map(on)).toEqual(Array(4).fill('cuti_bersama'));
  });

  it('shares one national calendar across the three packs', () => {
    const [a, b, c] = provinceSlugs.map((slug) => loadProvincePack(slug).calendar);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('has 17 libur nasional and 10 + 1 (18 Aug amendment) cuti bersama in 2025', () => {
    const days = loadProvincePack('kalteng').calendar.days.filter((d) => d.date.startsWith('2025'));
    expect(days.filter((d) => d.kind === 'libur_nasional')).toHaveLength(17);
    expect(days.filter((d) => d.kind === 'cuti_bersama')).toHaveLength(11);
    expect(days.find((d) => d.date === '2025-04-20')?.kind).toBe('libur_nasional'); // Paskah
  });

  it('counts the 2024 election day (14 Feb) and Pilkada (27 Nov) as national holidays outside the SKB', () => {
    const days = loadProvincePack('kalteng').calendar.days;
    for (const date of ['2024-02-14', '2024-11-27']) {
      const day = days.find((d) => d.date === date);
      expect(day?.kind).toBe('libur_nasional');
      expect(day?.legalBasis).toMatch(/^Keppres/);
    }
  });

  it('has 17 libur nasional and 8 cuti bersama in 2026', () => {
    const days = loadProvincePack('kalbar').calendar.days.filter((d) => d.date.startsWith('2026'));
    expect(days.filter((d) => d.kind === 'libur_nasional')).toHaveLength(17);
    expect(days.filter((d) => d.kind === 'cuti_bersama')).toHaveLength(8);
  });

  it('uses the Lapor Paman keyword for Kalsel SMS complaints to 1708, the national channel elsewhere', () => {
    expect(loadProvincePack('kalsel').sms).toEqual({ keyword: 'LAPORPAMAN', number: '1708' });
    expect(loadProvincePack('kalsel').laporBrand).toBe('Lapor Paman');
    for (const slug of ['kalteng', 'kalbar']) {
      expect(loadProvincePack(slug).sms).toEqual({ keyword: 'LAPOR', number: '1708' });
      expect(loadProvincePack(slug).laporBrand).toBe('SP4N-LAPOR!');
    }
  });

  it('names the confirmed Kalteng bodies as the province calls them', () => {
    const byShort = (s: string) => loadProvincePack('kalteng').opds.find((o) => o.shortName === s);
    expect(byShort('Diskominfosantik')?.name).toBe('Dinas Komunikasi, Informatika, Persandian dan Statistik');
    expect(byShort('BPBPK')?.aliases).toContain('BPBD Provinsi Kalimantan Tengah');
    expect(byShort('Diskominfosantik')?.id).toBe('kalteng.diskominfosantik');
  });

  it('keeps renamed bodies findable by their old names', () => {
    const bapperida = loadProvincePack('kalteng').opds.find((o) => o.shortName === 'Bapperida');
    expect(bapperida?.aliases).toContain('Bappedalitbang');
    expect(loadProvincePack('kalsel').opds.find((o) => o.shortName === 'BRIDA')?.aliases).toContain('Balitbangda');
  });

  describe('rejects broken packs, naming the field', () => {
    const issuePaths = (pack: ProvincePackInput) => {
      const r = provincePackSchema.safeParse(pack);
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => i.path.join('.'));
    };

    it('a repeated OPD short name', () => {
      const bad = copy('kalteng');
      bad.opds.push({ ...bad.opds[0]!, id: 'kalteng.other' });
      expect(issuePaths(bad)).toContain(`opds.${bad.opds.length - 1}.shortName`);
    });

    it('a misspelled time zone ("Asia/Makasar")', () => {
      const bad = copy('kalsel');
      bad.timeZone = 'Asia/Makasar';
      expect(issuePaths(bad)).toContain('timeZone');
    });

    it('a regency code of another province', () => {
      const bad = copy('kalbar');
      bad.regencies[0]!.code = '62.01';
      expect(issuePaths(bad)).toContain('regencies.0.code');
    });

    it('a calendar date that does not exist (30 Feb)', () => {
      const bad = copy('kalsel');
      bad.calendar.days.push({ date: '2025-02-30', kind: 'cuti_bersama', name: 'Tidak ada', legalBasis: 'uji' });
      expect(issuePaths(bad)).toContain(`calendar.days.${bad.calendar.days.length - 1}.date`);
    });

    it('a calendar day outside the loaded years', () => {
      const bad = copy('kalteng');
      bad.calendar.days.push({
        date: '2028-01-01',
        kind: 'libur_nasional',
        name: 'Tahun Baru 2028',
        legalBasis: 'belum ada SKB',
      });
      expect(issuePaths(bad)).toContain(`calendar.days.${bad.calendar.days.length - 1}.date`);
    });
  });

  it('refuses an unknown province, naming the known ones', () => {
    expect(() => loadProvincePack('nope')).toThrow(/kalteng, kalsel, kalbar/);
  });
});
