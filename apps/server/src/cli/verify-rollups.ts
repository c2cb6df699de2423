// `DATABASE_URL=… pnpm cli verify-rollups`: the invariant check.
// Folds every complaint's event log again and compares it with the rollups and open stock maintained
// incrementally, and checks the escalation ladder (no step raised on a complaint already closed, each
// level equal to the ladder of its current deadline, every step audited). Read-only: one repeatable-read
// snapshot, safe on a live database. Exit code 0 when everything holds, 1 otherwise.
import { createPool, loadWorkingCalendar } from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { loadComplaintSettings } from '../deadlines/complaint-settings.ts';
import { loadEnv } from '../env.ts';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { verifyComplaintRollups } from '../ingest/verify-rollups.ts';

const env = loadEnv();
if (!env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to the database to verify.\n');
  process.exit(2);
}
const pool = createPool({ connectionString: env.DATABASE_URL, max: 2, application: 'pantau-verify-rollups' });
try {
  const pack = loadProvincePack(env.PANTAU_PROVINCE);
  const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
  const ctx: ComplaintContext = { pack, calendar: () => calendar };
  await loadComplaintSettings(pool, ctx);
  const v = await verifyComplaintRollups(pool, ctx);
  const out = [`complaints folded: ${v.complaints}`];
  if (v.ok) out.push('rollups, stock and escalations hold');
  for (const d of v.differences.slice(0, 50)) out.push(`DIFFERS ${d}`);
  for (const n of v.negativeStock.slice(0, 50)) out.push(`NEGATIVE complaint_stock ${n}`);
  for (const e of v.escalations)
    out.push(
      `ESCALATION complaint ${e.complaintId} level ${e.level} (${e.deadlineAt?.toISOString() ?? '-'}): ${e.problem}`,
    );
  process.stdout.write(out.join('\n') + '\n');
  if (!v.ok) process.exitCode = 1;
} finally {
  await pool.end();
}
