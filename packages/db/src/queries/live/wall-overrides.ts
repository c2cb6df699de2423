import type { WallOverrideView } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';

/** What an operator sent to a screen: the wire type of the `wall` topic's `screens`. */
export type WallOverride = WallOverrideView;

/** Sets or clears (override null) what a screen shows; false when there is no such active screen. */
export async function setWallOverride(
  pool: Pool,
  id: string,
  override: Omit<WallOverride, 'until'> | null,
  until: Date | null,
): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE wall_device SET override = $2, override_until = $3 WHERE id = $1 AND revoked_at IS NULL',
    [id, override === null ? null : JSON.stringify(override), override === null ? null : until],
  );
  return (rowCount ?? 0) > 0;
}

/** The overrides in force, by screen id (the `wall` live topic). */
export async function wallOverrides(pool: Pool): Promise<Record<string, WallOverride>> {
  const { rows } = await pool.query<{ id: string; override: Omit<WallOverride, 'until'>; override_until: Date | null }>(
    `SELECT id, override, override_until FROM wall_device
     WHERE revoked_at IS NULL AND override IS NOT NULL AND (override_until IS NULL OR override_until > now())`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, { ...r.override, until: r.override_until?.toISOString() ?? null }]));
}
