import type { PlaylistEntry } from '@pantau/contracts';
import type { Pool, PoolClient } from '../../connection.ts';

/** A step of a rotation: the wire type (the route validated the scene before it was stored). */
export type PlaylistEntryRow = PlaylistEntry;

/** A wall rotation as an admin set it, for all screens (`screen` '*') or for one. */
export interface WallPlaylistRow {
  screen: string;
  entries: PlaylistEntryRow[];
  /** The OPDs the OPD scene rotates over, in order; null: every OPD of the pack. */
  opdIds: string[] | null;
  /** An OPD's overdue count that interrupts the rotation with its alert; null: the wall's default. */
  lateAlertAt: number | null;
  updatedBy: string;
  updatedAt: Date;
}

/** Every playlist an admin set, by screen ('*' for all screens). */
export async function wallPlaylists(db: Pool | PoolClient): Promise<Record<string, WallPlaylistRow>> {
  const { rows } = await db.query<{
    screen_id: string;
    entries: PlaylistEntryRow[];
    opd_ids: string[] | null;
    late_alert_at: number | null;
    updated_by: string;
    updated_at: Date;
  }>('SELECT screen_id, entries, opd_ids, late_alert_at, updated_by, updated_at FROM wall_playlist ORDER BY screen_id');
  return Object.fromEntries(
    rows.map((r) => [
      r.screen_id,
      {
        screen: r.screen_id,
        entries: r.entries,
        opdIds: r.opd_ids,
        lateAlertAt: r.late_alert_at,
        updatedBy: r.updated_by,
        updatedAt: r.updated_at,
      },
    ]),
  );
}

/** The playlist for all screens, or null when the built-in one applies. */
export async function wallPlaylist(pool: Pool): Promise<PlaylistEntryRow[] | null> {
  return (await wallPlaylists(pool))['*']?.entries ?? null;
}

export async function saveWallPlaylist(
  client: PoolClient,
  entries: PlaylistEntryRow[],
  by: string,
  options: { screen?: string; opdIds?: string[] | null; lateAlertAt?: number | null } = {},
): Promise<void> {
  await client.query(
    `INSERT INTO wall_playlist (screen_id, entries, updated_by, opd_ids, late_alert_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (screen_id) DO UPDATE SET entries = EXCLUDED.entries, updated_by = EXCLUDED.updated_by,
       opd_ids = EXCLUDED.opd_ids, late_alert_at = EXCLUDED.late_alert_at, updated_at = now()`,
    [options.screen ?? '*', JSON.stringify(entries), by, options.opdIds ?? null, options.lateAlertAt ?? null],
  );
}

/** Drops a screen's own playlist (it follows the one for all screens again); returns whether there was one. */
export async function deleteWallPlaylist(client: PoolClient, screen: string): Promise<boolean> {
  const { rowCount } = await client.query('DELETE FROM wall_playlist WHERE screen_id = $1', [screen]);
  return (rowCount ?? 0) > 0;
}
