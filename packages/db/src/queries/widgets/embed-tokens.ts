import type { EmbedTokenView } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';

/** A restricted-widget token as the admin API lists it (the wire type, in contracts). */
export type EmbedTokenRow = EmbedTokenView;

const COLUMNS = `id, label, kinds, opds, ttl_minutes, issued_by, issued_at, last_renewed_at, revoked_at, origins,
  site_key_expires_at`;
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
  origins: (r.origins as string[] | null) ?? [],
  siteKeyExpiresAt: r.site_key_expires_at ? (r.site_key_expires_at as Date).toISOString() : null,
});

export async function insertEmbedToken(
  pool: Pool,
  t: {
    id: string;
    label: string;
    kinds: string[];
    opds: string[];
    ttlMinutes: number;
    issuedBy: string;
    origins?: string[];
    siteKeyHash?: string | null;
    siteKeyExpiresAt?: Date | null;
  },
): Promise<EmbedTokenRow> {
  const { rows } = await pool.query(
    `INSERT INTO embed_token (id, label, kinds, opds, ttl_minutes, issued_by, origins, site_key_hash, site_key_expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING ${COLUMNS}`,
    [
      t.id,
      t.label,
      t.kinds,
      t.opds,
      t.ttlMinutes,
      t.issuedBy,
      t.origins ?? [],
      t.siteKeyHash ?? null,
      t.siteKeyExpiresAt ?? null,
    ],
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

/** The active record a site key belongs to (by the key's hash), if it is neither revoked nor expired. */
export async function embedTokenBySiteKey(pool: Pool, keyHash: string): Promise<EmbedTokenRow | null> {
  const { rows } = await pool.query(
    `UPDATE embed_token SET last_renewed_at = now()
     WHERE site_key_hash = $1 AND revoked_at IS NULL AND (site_key_expires_at IS NULL OR site_key_expires_at > now())
     RETURNING ${COLUMNS}`,
    [keyHash],
  );
  return rows[0] ? toRow(rows[0]) : null;
}
