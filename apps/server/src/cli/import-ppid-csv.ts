// `pnpm --filter @pantau/server exec tsx src/cli/import-ppid-csv.ts <register.csv> [source-id]`: imports
// an OPD's PPID register (one row per request; columns in docs/api/ppid-social.md) through the same
// in-process ingest as the HTTP API, with a progress bar on stderr. Re-running it is safe: every event's
// id comes from its column, so only new information is added.
import { readFile } from 'node:fs/promises';
import { createPool, loadWorkingCalendar } from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { loadEnv } from '../env.ts';
import { ppidCsvRowToItems, progressBar, readPpidCsv } from '../ingest/ppid-csv.ts';
import { ingestPpidBatch } from '../ingest/ppid-ingest.ts';

const [file, source = 'csv-import'] = process.argv.slice(2);
if (!file || !/^[a-z0-9_-]{1,64}$/.test(source)) {
  process.stderr.write('usage: import-ppid-csv.ts <register.csv> [source-id: a-z 0-9 _ -]\n');
  process.exit(2);
}
const env = loadEnv();
if (!env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to the database of the running Pantau.\n');
  process.exit(2);
}
let read: ReturnType<typeof readPpidCsv>;
try {
  read = readPpidCsv(await readFile(file, 'utf8'));
} catch (err) {
  process.stderr.write(`${file}: ${(err as Error).message}
`);
  process.exit(2);
}
const { rows, unknownColumns } = read;
if (unknownColumns.length > 0) process.stderr.write(`ignoring unknown columns: ${unknownColumns.join(', ')}\n`);

const pack = loadProvincePack(env.PANTAU_PROVINCE);
const pool = createPool({ connectionString: env.DATABASE_URL, max: 2, application: 'pantau-import-ppid' });
const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
const ctx = { pack, calendar: () => calendar };
const tty = process.stderr.isTTY;
const totals = { accepted: 0, duplicate: 0, rejected: 0 };
const problems: string[] = [];
const ROWS_PER_BATCH = 100;
try {
  for (let start = 0; start < rows.length; start += ROWS_PER_BATCH) {
    const chunk = rows.slice(start, start + ROWS_PER_BATCH);
    const items: unknown[] = [];
    const rowOfItem: number[] = [];
    chunk.forEach((row, i) => {
      for (const item of ppidCsvRowToItems(row)) {
        items.push(item);
        rowOfItem.push(start + i + 2); // line number in the file (line 1 is the header)
      }
    });
    const results = await ingestPpidBatch(pool, ctx, source, items, `import:${file}`);
    for (const r of results) {
      totals[r.status] += 1;
      if (r.status === 'rejected')
        problems.push(
          `line ${rowOfItem[r.index]}: ${r.error?.field.replace(/^items\.\d+\./, '')}: ${r.error?.message}`,
        );
    }
    const done = Math.min(rows.length, start + ROWS_PER_BATCH);
    const line = `${progressBar(done, rows.length)}  accepted ${totals.accepted}, duplicate ${totals.duplicate}, rejected ${totals.rejected}`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  }
  if (tty) process.stderr.write('\n');
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(`${JSON.stringify({ rows: rows.length, ...totals })}\n`);
} finally {
  await pool.end();
}
process.exit(totals.rejected > 0 ? 1 : 0);
