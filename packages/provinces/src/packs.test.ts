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

      it(`parses with the schema and has ${want.regencies} kabupaten/kota under code ${want.code}`, () => {
        expect(pack.code).toBe(want.code);
        expect(pack.regencies).toHaveLength(want.regencies);
        expect(pack.regencies.every((r) => r.code.startsWith(`${want.code}.`))).toBe(true);
        expect(new Set(pack.regencies.map((r) => r.code)).size).toBe(want.regencies);
        expect(pack.capitalRegencyCode).toBe(want.capital);
      });

      it(`runs in ${want.tz} (${want.label}), a zone Intl accepts`, () => {
        expect(pack.timeZone).toBe(want.tz);
        expect(pack.timeZoneLabel).toBe(want.label);
        expect(() => new Intl.DateTimeFormat('id-ID', { timeZone: pack.timeZone })).not.toThrow();
      });

      it('has every calendar date inside a loaded year, as a real date', () => {
        const years = new Set(pack.calendar.years.map((y) => y.year));
        expect([...years].sort()).toEqual([2023, 2024, 2025, 2026]);
        for (const d of pack.calendar.days) {
          expect(years.has(Number(d.date.slice(0, 4)))).toBe(true);
          expect(new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d.date); // no 31 Feb
        }
      });

      it('never repeats an OPD short name or id', () => {
        const short = pack.opds.map((o) => o.shortName.toLowerCase());
        expect(new Set(short).size).toBe(short.length);
        expect(new Set(pack.opds.map((o) => o.id)).size).toBe(pack.opds.length);
        expect(pack.opds.length).toBeGreaterThanOrEqual(30);
      });

      it('gives every OPD at least one demo social account, each handle once per platform', () => {
        for (const o of pack.opds) expect(pack.socialAccounts.some((a) => a.opdId === o.id)).toBe(true);
        const keys = pack.socialAccounts.map((a) => `${a.platform}:${a.handle}`);
        expect(new Set(keys).size).toBe(keys.length);
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

  it('has 17 libur nasional and 8 cuti bersama in 2026', () => {
    const days = loadProvincePack('kalbar').calendar.days.filter((d) => d.date.startsWith('2026'));
    expect(days.filter((d) => d.kind === 'libur_nasional')).toHaveLength(17);
    expect(days.filter((d) => d.kind === 'cuti_bersama')).toHaveLength(8);
  });

  it('uses the Lapor Paman keyword for Kalsel SMS complaints to 1708', () => {
    expect(loadProvincePack('kalsel').sms).toEqual({ keyword: 'LAPORPAMAN', number: '1708' });
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

    it('a calendar day outside the loaded years', () => {
      const bad = copy('kalteng');
      bad.calendar.days.push({
        date: '2027-01-01',
        kind: 'libur_nasional',
        name: 'Tahun Baru 2027',
        legalBasis: 'belum ada SKB',
      });
      expect(issuePaths(bad)).toContain(`calendar.days.${bad.calendar.days.length - 1}.date`);
    });
  });

  it('refuses an unknown province, naming the known ones', () => {
    expect(() => loadProvincePack('nope')).toThrow(/kalteng, kalsel, kalbar/);
  });
});
