import type { Pool } from '../../connection.ts';

export interface DipCategorySummary {
  opdId: string;
  category: string;
  entries: number;
  downloads: number;
}

/** DIP entries and downloads per OPD and category (aggregates only: safe for public routes). */
export async function dipSummary(pool: Pool, opdId?: string): Promise<DipCategorySummary[]> {
  const { rows } = await pool.query<{ opd_id: string; category: string; entries: number; downloads: number }>(
    `SELECT opd_id, category, count(*)::int AS entries, coalesce(sum(downloads), 0)::bigint AS downloads
     FROM dip_entry WHERE ($1::text IS NULL OR opd_id = $1) GROUP BY opd_id, category ORDER BY opd_id, category`,
    [opdId ?? null],
  );
  return rows.map((r) => ({
    opdId: r.opd_id,
    category: r.category,
    entries: r.entries,
    downloads: Number(r.downloads),
  }));
}
