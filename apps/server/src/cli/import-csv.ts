// `pnpm --filter @pantau/server exec tsx src/cli/import-csv.ts <export.csv> [source]`: imports a LAPOR
// CSV export with a progress bar on stderr, resumable and idempotent; prints a summary of the rows
// accepted and rejected (line, column, reason). Exit code 1 when any row was rejected.
import { createPool, loadWorkingCalendar } from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { loadEnv } from '../env.ts';
import { importComplaintCsv } from '../ingest/csv-import.ts';

const [file, source] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: import-csv.ts <export.csv> [source-id]\n');
  process.exit(2);
}
const env = loadEnv();
if (!env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to the database of the running Pantau.\n');
  process.exit(2);
}
const pack = loadProvincePack(env.PANTAU_PROVINCE);
const pool = createPool({ connectionString: env.DATABASE_URL, max: 2 });
const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
let lastDraw = 0;
const bar = (done: number, total: number) => {
  const now = Date.now();
  if (now - lastDraw < 100 && done < total) return;
  lastDraw = now;
  const width = 30;
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} baris`);
};
const summary = await importComplaintCsv(pool, { pack, calendar: () => calendar }, file, { source, onProgress: bar });
await pool.end();
process.stderr.write('\n');
process.stdout.write(
  `rows ${summary.rows} (already imported ${summary.skippedBeforeCheckpoint}), events accepted ${summary.accepted}, duplicates ${summary.duplicate}, rejected rows/events ${summary.rejected.length}\n`,
);
for (const r of summary.rejected) process.stdout.write(`  line ${r.line}: ${r.field}: ${r.message}\n`);
process.exit(summary.rejected.length > 0 ? 1 : 0);
