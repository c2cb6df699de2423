import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing.ts';
import { addCalendarDay, removeCalendarDay } from './complaints/calendar-edit.ts';
import { seedProvincePack } from './seed-province-pack.ts';

describe('seeding a province pack', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'seed' });
  });
  afterAll(async () => db.drop());

  const counts = async () => {
    const { rows } = await db.pool.query(
      `SELECT (SELECT count(*) FROM regency)::int AS regencies, (SELECT count(*) FROM opd)::int AS opds,
              (SELECT count(*) FROM calendar_day)::int AS days, (SELECT count(*) FROM social_account)::int AS accounts`,
    );
    return rows[0];
  };

  it('writes the pack, and seeding it again changes nothing', async () => {
    const pack = loadProvincePack('kalsel');
    await seedProvincePack(db.pool, pack);
    const first = await counts();
    expect(first).toEqual({
      regencies: 13,
      opds: pack.opds.length,
      days: pack.calendar.days.length,
      accounts: pack.socialAccounts.length,
    });
    await seedProvincePack(db.pool, pack);
    expect(await counts()).toEqual(first);
    const { rows } = await db.pool.query(
      `SELECT time_zone, sms_keyword, capital_regency_code FROM province WHERE code = '63'`,
    );
    expect(rows[0]).toEqual({ time_zone: 'Asia/Makassar', sms_keyword: 'LAPORPAMAN', capital_regency_code: '63.72' });
  });

  it('keeps a day an admin added, and drops a pack day the pack no longer lists', async () => {
    await db.pool.query(
      `INSERT INTO calendar_day (province_code, day, kind, name, legal_basis, source)
       VALUES ('63', '2026-11-30', 'libur_daerah', 'Hari jadi (contoh)', 'Pergub contoh', 'admin')`,
    );
    const pack = loadProvincePack('kalsel');
    const corrected = {
      ...pack,
      calendar: { ...pack.calendar, days: pack.calendar.days.filter((d) => d.date !== '2026-12-24') },
    };
    await seedProvincePack(db.pool, corrected);
    const days = await db.pool.query<{ day: string }>(
      `SELECT day FROM calendar_day WHERE day IN ('2026-11-30', '2026-12-24')`,
    );
    expect(days.rows.map((r) => r.day)).toEqual(['2026-11-30']);
  });

  it('updates a renamed OPD in place, by its stable id', async () => {
    const pack = loadProvincePack('kalsel');
    const renamed = {
      ...pack,
      opds: pack.opds.map((o) => (o.id === 'kalsel.dishub' ? { ...o, name: 'Dinas Perhubungan (baru)' } : o)),
    };
    await seedProvincePack(db.pool, renamed);
    const { rows } = await db.pool.query(`SELECT name FROM opd WHERE id = 'kalsel.dishub'`);
    expect(rows).toEqual([{ name: 'Dinas Perhubungan (baru)' }]);
  });
});

describe('seeding after an admin ran the calendar', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'seedcal' });
  });
  afterAll(async () => db.drop());

  const activeOn = async (date: string) =>
    (
      await db.pool.query<{ kind: string; active: boolean; source: string }>(
        `SELECT kind, active, source FROM calendar_day WHERE province_code = '62' AND day = $1 ORDER BY kind`,
        [date],
      )
    ).rows;

  it('says the calendar changed when the pack brings a new year, and not when seeded again unchanged', async () => {
    const pack = loadProvincePack('kalteng');
    const without2027 = {
      ...pack,
      calendar: {
        years: pack.calendar.years.filter((y) => y.year !== 2027),
        days: pack.calendar.days.filter((d) => !d.date.startsWith('2027-')),
      },
    };
    expect((await seedProvincePack(db.pool, without2027)).calendarChanged).toBe(true); // first seed
    expect((await seedProvincePack(db.pool, without2027)).calendarChanged).toBe(false);
    expect((await seedProvincePack(db.pool, pack)).calendarChanged).toBe(true); // 2027 arrives
    expect((await seedProvincePack(db.pool, pack)).calendarChanged).toBe(false);
  });

  it('does not bring back a pack day an admin removed, nor overwrite a day an admin renamed', async () => {
    const pack = loadProvincePack('kalteng');
    await removeCalendarDay(db.pool, '62', {
      date: '2027-03-11',
      kind: 'libur_nasional',
      legalBasis: 'KMA contoh/2027',
      reason: 'sidang isbat: Idulfitri hari kedua bergeser',
    });
    await addCalendarDay(db.pool, '62', {
      date: '2027-03-10',
      kind: 'libur_nasional',
      name: 'Idulfitri 1448 H (hasil isbat)',
      legalBasis: 'KMA contoh/2027',
    });
    expect((await seedProvincePack(db.pool, pack)).calendarChanged).toBe(false);
    expect(await activeOn('2027-03-11')).toEqual([{ kind: 'libur_nasional', active: false, source: 'admin' }]);
    const renamed = await db.pool.query(
      `SELECT name FROM calendar_day WHERE province_code = '62' AND day = '2027-03-10'`,
    );
    expect(renamed.rows[0].name).toBe('Idulfitri 1448 H (hasil isbat)');
  });
});
