import type { Pool, PoolClient } from '../../connection.ts';

export interface SocialAccountRow {
  id: string;
  opdId: string;
  platform: string;
  handle: string;
  platformAccountId: string | null;
  demo: boolean;
}

const toRow = (r: {
  id: string;
  opd_id: string;
  platform: string;
  handle: string;
  platform_account_id: string | null;
  demo: boolean;
}): SocialAccountRow => ({
  id: r.id,
  opdId: r.opd_id,
  platform: r.platform,
  handle: r.handle,
  platformAccountId: r.platform_account_id,
  demo: r.demo,
});

/** Registered accounts by `platform\0lower(handle)`, for resolving what sources name. */
export async function resolveSocialAccounts(
  client: Pick<PoolClient, 'query'>,
  refs: Array<{ platform: string; handle: string }>,
): Promise<Map<string, SocialAccountRow>> {
  if (refs.length === 0) return new Map();
  const { rows } = await client.query(
    `SELECT a.id, a.opd_id, a.platform, a.handle, a.platform_account_id, a.demo FROM social_account a
     JOIN jsonb_to_recordset($1::jsonb) AS r(platform text, handle text)
       ON a.platform = r.platform AND lower(a.handle) = lower(r.handle)`,
    [JSON.stringify(refs)],
  );
  return new Map(rows.map((r) => [`${r.platform}\u0000${String(r.handle).toLowerCase()}`, toRow(r)]));
}

/** Accounts a connector polls: real (not demo) accounts of a platform with the platform's own id set. */
export async function pollableSocialAccounts(pool: Pool, platform: string): Promise<SocialAccountRow[]> {
  const { rows } = await pool.query(
    `SELECT id, opd_id, platform, handle, platform_account_id, demo FROM social_account
     WHERE platform = $1 AND NOT demo AND platform_account_id IS NOT NULL ORDER BY id`,
    [platform],
  );
  return rows.map(toRow);
}

/** Links an account to the platform's own id (ig-user-id, page id, channel id, X user id). */
export async function setSocialPlatformAccountId(
  pool: Pool,
  accountId: string,
  platformAccountId: string | null,
  demo = false,
): Promise<void> {
  await pool.query('UPDATE social_account SET platform_account_id = $2, demo = $3 WHERE id = $1', [
    accountId,
    platformAccountId,
    demo,
  ]);
}
