import type { Pool } from '../../connection.ts';
import type { WallDevice } from '@pantau/contracts';

/** The wire's wall device (contracts). */
export type WallDeviceRow = WallDevice;

/** Every wall screen ever issued, newest first (no token: only its hash is stored). */
export async function listWallDevices(pool: Pool): Promise<WallDeviceRow[]> {
  const { rows } = await pool.query<{ id: string; name: string; last_seen_at: Date | null; revoked_at: Date | null }>(
    'SELECT id, name, last_seen_at, revoked_at FROM wall_device ORDER BY revoked_at NULLS FIRST, name, id',
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    lastSeenAt: r.last_seen_at ? r.last_seen_at.toISOString() : null,
    revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
  }));
}
