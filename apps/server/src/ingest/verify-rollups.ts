import { complaintEvent, type ComplaintEvent } from '@pantau/contracts';
import {
  complaintsWithEvents,
  escalationAnomalies,
  RollupBatch,
  storedComplaintRollups,
  type EscalationAnomaly,
  type Pool,
} from '@pantau/db';
import { complaintFacts, foldEvents } from '@pantau/domain';
import type { ComplaintContext } from './complaint-ingest.ts';

export interface RollupVerdict {
  ok: boolean;
  complaints: number;
  /** Rollup and stock rows where the incremental value differs from a rebuild, as `table key: stored ≠ rebuilt`. */
  differences: string[];
  /** Stock rows below zero (a complaint moved out of a bucket it was not in). */
  negativeStock: string[];
  escalations: EscalationAnomaly[];
}

const DAY_COUNTERS = [
  'received',
  'verified',
  'followed_up',
  'completed',
  'deleted',
  'followed_up_on_time',
  'follow_up_hk_sum',
  'verify_seconds_sum',
] as const;
const HOUR_COUNTERS = ['received', 'verified', 'followed_up', 'completed', 'deleted'] as const;

function counters(c: Partial<Record<string, number>>, names: readonly string[]): string | null {
  const values = names.map((n) => Number(c[n] ?? 0));
  return values.every((v) => v === 0) ? null : values.join(',');
}

/** Compares two keyed tables where a missing row and an all-zero row mean the same. */
function compare(
  table: string,
  stored: Map<string, string | null>,
  rebuilt: Map<string, string | null>,
  out: string[],
): void {
  for (const key of new Set([...stored.keys(), ...rebuilt.keys()])) {
    const a = stored.get(key) ?? null;
    const b = rebuilt.get(key) ?? null;
    if (a !== b) out.push(`${table} ${key}: stored ${a ?? 'nothing'} ≠ rebuilt ${b ?? 'nothing'}`);
  }
}

/**
 * The invariant check behind `verify-rollups`: folds every complaint's event log again, in memory, and
 * compares the result with the rollups and the open stock that ingest, the watcher, recompute and the
 * console maintained incrementally. Reads one consistent snapshot (repeatable read, read only), so it
 * can run against a live database without blocking anyone. Also checks the escalation ladder (see
 * `escalationAnomalies`).
 */
export async function verifyComplaintRollups(pool: Pool, ctx: ComplaintContext): Promise<RollupVerdict> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const stored = await storedComplaintRollups(client);
    const batch = new RollupBatch(ctx.pack.timeZone);
    let complaints = 0;
    let after = 0;
    for (;;) {
      const page = await complaintsWithEvents(client, after, 2000);
      if (page.length === 0) break;
      for (const c of page) {
        const events: ComplaintEvent[] = c.events.map((e) =>
          complaintEvent.parse(e.type === 'submitted' ? { body: '', ...e } : e),
        );
        const folded = foldEvents(events, ctx.labels);
        if (folded.ok) batch.add(null, complaintFacts(folded.state, ctx.calendar(), c, ctx.rules));
        after = c.id;
      }
      complaints += page.length;
    }
    const escalations = await escalationAnomalies(client);
    await client.query('COMMIT');

    const differences: string[] = [];
    compare(
      'complaint_rollup_day',
      new Map([...stored.days].map(([k, c]) => [k, counters(c, DAY_COUNTERS)])),
      new Map([...batch.rollups].map(([k, r]) => [k, counters(r.c, DAY_COUNTERS)])),
      differences,
    );
    compare(
      'complaint_stock',
      new Map([...stored.stock].map(([k, n]) => [k, n === 0 ? null : String(n)])),
      new Map([...batch.stock].map(([k, r]) => [k, r.n === 0 ? null : String(r.n)])),
      differences,
    );
    const iso = (k: string) => {
      const i = k.lastIndexOf('|');
      return `${k.slice(0, i)}|${new Date(k.slice(i + 1)).toISOString()}`;
    };
    compare(
      'complaint_rollup_hour',
      new Map([...stored.hours].map(([k, c]) => [k, counters(c, HOUR_COUNTERS)])),
      new Map([...batch.hours].map(([k, h]) => [iso(k), counters(h.c, HOUR_COUNTERS)])),
      differences,
    );
    const since = stored.minuteSince.getTime();
    compare(
      'complaint_rollup_minute',
      new Map([...stored.minutes].map(([k, n]) => [k, n === 0 ? null : String(n)])),
      new Map(
        [...batch.minutes.values()]
          .filter((m) => new Date(m.bucket).getTime() >= since)
          .map((m) => [`${m.scope}|${new Date(m.bucket).toISOString()}`, m.received === 0 ? null : String(m.received)]),
      ),
      differences,
    );
    const negativeStock = [...stored.stock].filter(([, n]) => n < 0).map(([k, n]) => `${k}: ${n}`);
    return {
      ok: differences.length === 0 && negativeStock.length === 0 && escalations.length === 0,
      complaints,
      differences,
      negativeStock,
      escalations,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
