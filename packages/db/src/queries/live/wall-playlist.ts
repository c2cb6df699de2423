import type { Pool, PoolClient } from '../../connection.ts';

export interface PlaylistEntryRow {
  scene: string;
  seconds: number;
}

/** The admin's playlist, or null when the built-in one applies. */
export async function wallPlaylist(pool: Pool): Promise<PlaylistEntryRow[] | null> {
  const { rows } = await pool.query<{ entries: PlaylistEntryRow[] }>('SELECT entries FROM wall_playlist WHERE id = 1');
  return rows[0]?.entries ?? null;
}

export async function saveWallPlaylist(client: PoolClient, entries: PlaylistEntryRow[], by: string): Promise<void> {
  await client.query(
    `INSERT INTO wall_playlist (id, entries, updated_by) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET entries = EXCLUDED.entries, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [JSON.stringify(entries), by],
  );
}
