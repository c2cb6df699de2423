import type { ProvincePack } from '@pantau/provinces';
import { withTransaction, type Pool } from '../connection.ts';

export interface SeedResult {
  regencies: number;
  opds: number;
  calendarDays: number;
  socialAccounts: number;
  /** Whether the working-day calendar (its active days or loaded years) differs from before the seed. */
  calendarChanged: boolean;
}

/** A fingerprint of the calendar that deadlines are computed on. */
const CALENDAR_FINGERPRINT = `SELECT md5(
    coalesce((SELECT string_agg(day::text || kind, ',' ORDER BY day, kind) FROM calendar_day
              WHERE province_code = $1 AND active), '') || '|' ||
    coalesce((SELECT string_agg(year::text, ',' ORDER BY year) FROM calendar_year WHERE province_code = $1), '')
  ) AS fp`;

/**
 * Seeds or updates the database from a province pack, idempotently, in one transaction. Rows that admins
 * added, edited or removed (calendar days with source 'admin') are kept as the admin left them; pack rows
 * are upserted; pack calendar days that the pack no longer lists are removed so a corrected pack corrects
 * the database. Says whether the calendar changed, so the caller recomputes open deadlines.
 */
export async function seedProvincePack(pool: Pool, pack: ProvincePack): Promise<SeedResult> {
  return withTransaction(pool, async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('pantau:seed:' || current_schema()))`);
    await c.query(
      `INSERT INTO province (code, slug, name, time_zone, capital_regency_code, sms_keyword, sms_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
         capital_regency_code = EXCLUDED.capital_regency_code, sms_keyword = EXCLUDED.sms_keyword,
         sms_number = EXCLUDED.sms_number, updated_at = now()`,
      [pack.code, pack.slug, pack.name, pack.timeZone, pack.capitalRegencyCode, pack.sms.keyword, pack.sms.number],
    );
    await c.query(
      `INSERT INTO regency (code, province_code, name, kind, capital, lat, lon)
       SELECT r.code, $1, r.name, r.kind, r.capital, r.lat, r.lon
       FROM jsonb_to_recordset($2::jsonb) AS r(code text, name text, kind text, capital text, lat float8, lon float8)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, capital = EXCLUDED.capital,
         lat = EXCLUDED.lat, lon = EXCLUDED.lon`,
      [pack.code, JSON.stringify(pack.regencies)],
    );
    await c.query(
      `INSERT INTO opd (id, province_code, name, short_name, type, aliases, active_from, active_to)
       SELECT o.id, $1, o.name, o."shortName", o.type,
              ARRAY(SELECT jsonb_array_elements_text(o.aliases)), o."activeFrom", o."activeTo"
       FROM jsonb_to_recordset($2::jsonb)
         AS o(id text, name text, "shortName" text, type text, aliases jsonb, "activeFrom" date, "activeTo" date)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, type = EXCLUDED.type,
         aliases = EXCLUDED.aliases, active_from = EXCLUDED.active_from, active_to = EXCLUDED.active_to,
         updated_at = now()`,
      [pack.code, JSON.stringify(pack.opds)],
    );
    const before = await c.query<{ fp: string }>(CALENDAR_FINGERPRINT, [pack.code]);
    await c.query(
      `INSERT INTO calendar_year (province_code, year, legal_basis)
       SELECT $1, y.year, y."legalBasis" FROM jsonb_to_recordset($2::jsonb) AS y(year int, "legalBasis" text)
       ON CONFLICT (province_code, year) DO UPDATE SET legal_basis = EXCLUDED.legal_basis
       WHERE calendar_year.source = 'pack'`,
      [pack.code, JSON.stringify(pack.calendar.years)],
    );
    await c.query(
      `DELETE FROM calendar_day d WHERE d.province_code = $1 AND d.source = 'pack'
         AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(date date, kind text)
                         WHERE x.date = d.day AND x.kind = d.kind)`,
      [pack.code, JSON.stringify(pack.calendar.days)],
    );
    await c.query(
      `INSERT INTO calendar_day (province_code, day, kind, name, legal_basis, source)
       SELECT $1, x.date, x.kind, x.name, x."legalBasis", 'pack'
       FROM jsonb_to_recordset($2::jsonb) AS x(date date, kind text, name text, "legalBasis" text)
       ON CONFLICT (province_code, day, kind) DO UPDATE SET name = EXCLUDED.name, legal_basis = EXCLUDED.legal_basis
       WHERE calendar_day.source = 'pack'`,
      [pack.code, JSON.stringify(pack.calendar.days)],
    );
    const after = await c.query<{ fp: string }>(CALENDAR_FINGERPRINT, [pack.code]);
    await c.query(
      `INSERT INTO social_account (id, opd_id, platform, handle, decree, demo)
       SELECT a."opdId" || ':' || a.platform || ':' || a.handle, a."opdId", a.platform, a.handle, a.decree, a.demo
       FROM jsonb_to_recordset($1::jsonb) AS a("opdId" text, platform text, handle text, decree text, demo boolean)
       ON CONFLICT (platform, handle) DO UPDATE SET opd_id = EXCLUDED.opd_id, decree = EXCLUDED.decree, demo = EXCLUDED.demo`,
      [JSON.stringify(pack.socialAccounts)],
    );
    return {
      regencies: pack.regencies.length,
      opds: pack.opds.length,
      calendarDays: pack.calendar.days.length,
      socialAccounts: pack.socialAccounts.length,
      calendarChanged: before.rows[0]?.fp !== after.rows[0]?.fp,
    };
  });
}
