// `pnpm --filter @pantau/server exec tsx src/cli/source-key.ts <source-id> [label]`: creates an ingest
// source (or gives it a new key) and prints its API key once.
import { createPool, issueSourceKey } from '@pantau/db';
import { loadEnv } from '../env.ts';

const [id, label] = process.argv.slice(2);
if (!id || !/^[a-z0-9_-]{1,64}$/.test(id)) {
  process.stderr.write('usage: source-key.ts <source-id: a-z 0-9 _ -> [label]\n');
  process.exit(2);
}
const env = loadEnv();
if (!env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to the database of the running Pantau.\n');
  process.exit(2);
}
const pool = createPool({ connectionString: env.DATABASE_URL, max: 1 });
const key = await issueSourceKey(pool, id, label ?? id);
await pool.end();
process.stdout.write(`${key}\n`);
