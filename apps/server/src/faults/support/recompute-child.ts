// A node that recomputes open deadlines after a rule change, run as a child process so a fault test can
// SIGKILL it mid-way. Env: DATABASE_URL (with the test schema on its search_path), PAGE_SIZE.
import { createPool, loadWorkingCalendar } from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { loadComplaintSettings } from '../../deadlines/complaint-settings.ts';
import { recomputeOpenDeadlines } from '../../deadlines/recompute.ts';
import type { ComplaintContext } from '../../ingest/complaint-ingest.ts';

const pool = createPool({ connectionString: process.env.DATABASE_URL!, schema: process.env.SCHEMA, max: 2 });
const pack = loadProvincePack('kalsel');
const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
const ctx: ComplaintContext = { pack, calendar: () => calendar };
await loadComplaintSettings(pool, ctx);
process.stdout.write('recomputing\n');
await recomputeOpenDeadlines(pool, ctx, new Date(process.env.NOW!), Number(process.env.PAGE_SIZE ?? 50));
process.stdout.write('done\n');
await pool.end();
