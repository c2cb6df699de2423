import type { HeartbeatMessage } from '@pantau/contracts';

export type Stream = 'complaints' | 'ppid' | 'social';

/**
 * How old a stream's data is: the newest delivery among its sources, and whether every source is past
 * its freshness target (then the panel is hatched and says so). No source yet → unknown, not stale.
 */
export function freshnessOf(
  heartbeat: Pick<HeartbeatMessage, 'sources'> | null,
  stream: Stream,
  now: Date,
): { ageSeconds: number | null; stale: boolean } {
  const sources = heartbeat?.sources.filter((s) => s.stream === stream) ?? [];
  let newest: number | null = null;
  let fresh = false;
  for (const s of sources) {
    if (!s.lastDeliveryAt) continue;
    const age = (now.getTime() - Date.parse(s.lastDeliveryAt)) / 1000;
    newest = newest === null ? age : Math.min(newest, age);
    if (age <= s.freshnessTargetSeconds) fresh = true;
  }
  return { ageSeconds: newest === null ? null : Math.max(0, Math.round(newest)), stale: newest !== null && !fresh };
}
