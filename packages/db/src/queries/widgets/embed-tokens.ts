import type { Pool } from '../../connection.ts';

export interface EmbedTokenRow {
  id: string;
  label: string;
  kinds: string[];
  opds: string[];
  ttlMinutes: number;
  issuedBy: string;
  issuedAt: string;
  lastRenewedAt: string | null;
  revokedAt: string | null;
}

const COLUMNS = `id, label, kinds, opds, ttl_minutes, issued_by, issued_at, last_renewed_at, revoked_at`;
const toRow = (r: Record<string, unknown>): EmbedTokenRow => ({
  id: r.id as string,
  label: r.label as string,
  kinds: r.kinds as string[],
  opds: r.opds as string[],
  ttlMinutes: r.ttl_minutes as number,
  issuedBy: r.issued_by as string,
  issuedAt: (r.issued_at as Date).toISOString(),
  lastRenewedAt: r.last_renewed_at ? (r.last_renewed_at as Date).toISOString() : null,
  revokedAt: r.revoked_at ? (r.revoked_at as Date).toISOString() : null,
});

export async function insertEmbedToken(
  pool: Pool,
  t: { id: string; label: string; kinds: string[]; opds: string[]; ttlMinutes: number; issuedBy: string },
): Promise<EmbedTokenRow> {
  const { rows } = await pool.query(
    `INSERT INTO embed_token (id, label, kinds, opds, ttl_minutes, issued_by) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${COLUMNS}`,
    [t.id, t.label, t.kinds, t.opds, t.ttlMinutes, t.issuedBy],
  );
  return toRow(rows[0]);
}

export async function listEmbedTokens(pool: Pool): Promise<EmbedTokenRow[]> {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM embed_token ORDER BY issued_at DESC, id`);
  return rows.map(toRow);
}

/** The token's record if it exists and is not revoked; a renewal also stamps it. */
export async function activeEmbedToken(pool: Pool, id: string, renewing = false): Promise<EmbedTokenRow | null> {
  const { rows } = renewing
    ? await pool.query(
        `UPDATE embed_token SET last_renewed_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
        [id],
      )
    : await pool.query(`SELECT ${COLUMNS} FROM embed_token WHERE id = $1 AND revoked_at IS NULL`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

export async function revokeEmbedToken(pool: Pool, id: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE embed_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
    [id],
  );
  return (rowCount ?? 0) > 0;
}
