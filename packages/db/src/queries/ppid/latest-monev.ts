import type { Pool } from '../../connection.ts';

export interface LatestMonev {
  opdId: string;
  year: number;
  score: number;
  band: string;
}

/** Each OPD's latest Komisi Informasi monev score and band. */
export async function latestMonev(pool: Pool, opdId?: string): Promise<LatestMonev[]> {
  const { rows } = await pool.query<{ opd_id: string; year: number; score: string; band: string }>(
    `SELECT DISTINCT ON (opd_id) opd_id, year, score::text, band FROM ppid_monev
     WHERE ($1::text IS NULL OR opd_id = $1) ORDER BY opd_id, year DESC`,
    [opdId ?? null],
  );
  return rows.map((r) => ({ opdId: r.opd_id, year: r.year, score: Number(r.score), band: r.band }));
}
