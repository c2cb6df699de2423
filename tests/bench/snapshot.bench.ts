import { complaintOverview, seedProvincePack } from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { benchDatabase, fmt, summarize, type BenchResult } from './support.ts';

const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 5_000_000);
const RUNS = 15;

/**
 * Province overview and one OPD drilldown over COMPLAINTS complaints spread over three years: Pantau's
 * snapshot (rollups + open rows) against the equivalent GROUP BY over the raw complaint table.
 */
export async function snapshotBench(): Promise<BenchResult> {
  const db = await benchDatabase('snapshot');
  const pack = loadProvincePack('kalteng');
  await seedProvincePack(db.pool, pack);
  const now = new Date();
  const started = performance.now();
  // Raw rows: submitted over ~3 years, most closed; those of the last ~3 weeks still open.
  await db.pool.query(
    `INSERT INTO complaint (source, external_id, tracking_id, status, opd_id, regency_code, channel, classification, topic, title,
        submitted_at, verified_at, first_follow_up_at, closed_at, deadline_state, escalation_level, state, version)
     SELECT 'bench', 'b' || g, g::text,
       CASE WHEN age < interval '20 days' THEN (ARRAY['belum_diverifikasi','terverifikasi_didisposisi','ditindaklanjuti'])[1 + g % 3] ELSE 'selesai' END,
       opds[1 + g % array_length(opds, 1)], regs[1 + (g / 7) % array_length(regs, 1)],
       (ARRAY['web','app','sms1708','instagram','x','facebook','tatap_muka','manual'])[1 + (g / 3) % 8],
       (ARRAY['pengaduan','aspirasi','permintaan_informasi'])[1 + (g / 11) % 3],
       (ARRAY['Infrastruktur Jalan','Pendidikan','Kesehatan','Bantuan Sosial','Perhubungan'])[1 + (g / 13) % 5],
       'Aduan', $2::timestamptz - age, $2::timestamptz - age + interval '1 day', $2::timestamptz - age + interval '3 days',
       CASE WHEN age < interval '20 days' THEN NULL ELSE $2::timestamptz - age + interval '6 days' END,
       CASE WHEN age < interval '20 days' THEN (ARRAY['on_time','at_risk','overdue'])[1 + g % 3] ELSE 'none' END,
       CASE WHEN age < interval '20 days' AND g % 3 = 2 THEN 1 ELSE 0 END, '{}'::jsonb, 1
     FROM (SELECT g, (g::float8 / $1 * 1095) * interval '1 day' AS age FROM generate_series(1, $1) g) s,
          (SELECT array_agg(id ORDER BY id) AS opds FROM opd) o, (SELECT array_agg(code ORDER BY code) AS regs FROM regency) r`,
    [COMPLAINTS, now],
  );
  // The rollups as ingest maintains them (what a rebuild from the log produces), written in SQL for speed.
  const dims = [
    ['total', "''"],
    ['opd', 'opd_id'],
    ['regency', 'regency_code'],
    ['channel', 'channel'],
    ['topic', 'topic'],
    ['classification', 'classification'],
  ];
  const scopes = [
    ["'province'", 'true'],
    ["'opd:' || opd_id", 'opd_id IS NOT NULL'],
    ["'regency:' || regency_code", 'regency_code IS NOT NULL'],
  ];
  // Milestones in this data sit at fixed offsets from submission (verified +1 day, followed up +3,
  // closed +6), so one pass groups the complaints and the rollups are derived from the groups.
  await db.pool.query(
    `CREATE TEMP TABLE g AS SELECT (submitted_at AT TIME ZONE $1)::date AS d, opd_id, regency_code, channel, topic, classification,
            count(*)::int AS n, count(closed_at)::int AS nc FROM complaint GROUP BY 1, 2, 3, 4, 5, 6`,
    [pack.timeZone],
  );
  for (const [scopeExpr, scopeWhere] of scopes as Array<[string, string]>) {
    for (const [dim, keyExpr] of dims as Array<[string, string]>) {
      if ((dim === 'opd' && scopeExpr.includes('opd_id')) || (dim === 'regency' && scopeExpr.includes('regency_code')))
        continue;
      await db.pool.query(
        `INSERT INTO complaint_rollup_day AS t (day, scope, dim, key, received, verified, followed_up, completed, followed_up_on_time, follow_up_hk_sum)
         SELECT day, scope, dim, key, sum(received), sum(verified), sum(followed_up), sum(completed), sum(followed_up), 2 * sum(followed_up)
         FROM (
           SELECT d AS day, ${scopeExpr} AS scope, '${dim}' AS dim, ${keyExpr} AS key, n AS received, 0 AS verified, 0 AS followed_up, 0 AS completed FROM g WHERE ${scopeWhere}
           UNION ALL SELECT d + 1, ${scopeExpr}, '${dim}', ${keyExpr}, 0, n, 0, 0 FROM g WHERE ${scopeWhere}
           UNION ALL SELECT d + 3, ${scopeExpr}, '${dim}', ${keyExpr}, 0, 0, n, 0 FROM g WHERE ${scopeWhere}
           UNION ALL SELECT d + 6, ${scopeExpr}, '${dim}', ${keyExpr}, 0, 0, 0, nc FROM g WHERE ${scopeWhere}
         ) x WHERE key IS NOT NULL AND day <= ($2::timestamptz AT TIME ZONE $1)::date GROUP BY 1, 2, 3, 4`,
        [pack.timeZone, now],
      );
    }
    for (const [dim, keyExpr] of (dims as Array<[string, string]>).slice(0, 3)) {
      await db.pool.query(
        `INSERT INTO complaint_stock (scope, dim, key, status, deadline_state, escalated, n)
         SELECT ${scopeExpr}, '${dim}', ${keyExpr}, status, deadline_state, escalation_level > 0, count(*)
         FROM complaint WHERE status NOT IN ('selesai', 'diarsipkan', 'dihapus') AND ${scopeWhere} AND ${keyExpr} IS NOT NULL
         GROUP BY 1, 3, 4, 5, 6 ON CONFLICT DO NOTHING`,
      );
    }
  }
  await db.pool.query('ANALYZE');
  const loadSeconds = (performance.now() - started) / 1000;

  const opdId = 'kalteng.pupr';
  const time = async (fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    await fn(); // warm
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    return summarize(samples);
  };
  const pantauProvince = await time(() => complaintOverview(db.pool, { timeZone: pack.timeZone, now }));
  const pantauOpd = await time(() => complaintOverview(db.pool, { timeZone: pack.timeZone, now, opdId }));
  const raw = (opd: string | null) => () =>
    db.pool.query(
      `WITH b AS (SELECT date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS day_start,
                         date_trunc('month', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS month_start),
            c AS (SELECT * FROM complaint WHERE ($3::text IS NULL OR opd_id = $3))
       SELECT
         (SELECT json_build_object('today', count(*) FILTER (WHERE submitted_at >= day_start), 'month', count(*) FILTER (WHERE submitted_at >= month_start),
                 'followed', count(first_follow_up_at) FILTER (WHERE first_follow_up_at >= month_start)) FROM c, b),
         (SELECT json_object_agg(channel, n) FROM (SELECT channel, count(*) n FROM c, b WHERE submitted_at >= month_start GROUP BY channel) x),
         (SELECT json_object_agg(topic, n) FROM (SELECT topic, count(*) n FROM c, b WHERE submitted_at >= month_start GROUP BY topic) x),
         (SELECT json_agg(x) FROM (SELECT (submitted_at AT TIME ZONE $2)::date d, count(*), count(closed_at) FROM c, b
                                   WHERE submitted_at >= day_start - interval '29 days' GROUP BY 1 ORDER BY 1) x),
         (SELECT json_agg(x) FROM (SELECT status, opd_id, regency_code, count(*) FILTER (WHERE deadline_state = 'overdue') o, count(*) n FROM c
                                   WHERE status NOT IN ('selesai','diarsipkan','dihapus') GROUP BY 1, 2, 3) x),
         (SELECT json_agg(x) FROM (SELECT opd_id, count(*), count(first_follow_up_at) FROM c, b WHERE submitted_at >= month_start GROUP BY 1) x)`,
      [now, pack.timeZone, opd],
    );
  const rawProvince = await time(raw(null));
  const rawOpd = await time(raw(opdId));
  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM complaint');
  await db.close();
  return {
    name: `snapshots over ${rows[0]!.n.toLocaleString('en')} complaints`,
    lines: [
      `data generated in ${fmt(loadSeconds, 0)} s; median of ${RUNS} runs after one warm-up`,
      `province  Pantau p50 ${fmt(pantauProvince.p50)} ms  raw GROUP BY p50 ${fmt(rawProvince.p50)} ms  → ${fmt(rawProvince.p50 / pantauProvince.p50, 0)}× faster`,
      `OPD       Pantau p50 ${fmt(pantauOpd.p50)} ms  raw GROUP BY p50 ${fmt(rawOpd.p50)} ms  → ${fmt(rawOpd.p50 / pantauOpd.p50, 0)}× faster`,
      `budget ≥ 50×: province ${rawProvince.p50 / pantauProvince.p50 >= 50 ? 'within' : 'OVER'}, OPD ${rawOpd.p50 / pantauOpd.p50 >= 50 ? 'within' : 'OVER'}`,
    ],
  };
}
