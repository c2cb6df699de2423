import { recordSourceOutages, touchTopics, withTransaction, type Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';

/**
 * The live topics whose trends show an annotation of `scope`: a province-wide one explains every OPD's
 * and kabupaten/kota's figures too.
 */
export function annotationTopics(pack: ProvincePack, scope: string): string[] {
  return scope === 'province'
    ? ['province', ...pack.opds.map((o) => `opd:${o.id}`), ...pack.regencies.map((r) => `regency:${r.code}`)]
    : [scope];
}

/**
 * Marks source outages on the trends without anyone typing them: a gap in the figures then explains
 * itself ("Sumber data terputus: LAPOR! Kalteng") instead of reading as a quiet day. Run by the leader
 * beside the stale-source notifications; each silent episode is one annotation, closed at the source's
 * first delivery after it (to within one pass).
 */
export async function annotateSourceOutages(
  pool: Pool,
  pack: ProvincePack,
  now: Date,
): Promise<{ opened: number; closed: number }> {
  return withTransaction(pool, async (client) => {
    const changed = await recordSourceOutages(client, now);
    if (changed.opened + changed.closed > 0) await touchTopics(client, annotationTopics(pack, 'province'));
    return changed;
  });
}
