// `pnpm cli verify-audit`: checks the audit log's hash chain and
// names the first broken entry. Exit code 0 when intact, 1 when broken.
import { createPool, verifyAuditChain } from '@pantau/db';
import { loadEnv } from '../env.ts';

const env = loadEnv();
if (!env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to the database to verify.\n');
  process.exit(2);
}
const pool = createPool({ connectionString: env.DATABASE_URL, max: 1 });
const verdict = await verifyAuditChain(pool);
await pool.end();
if (verdict.ok) {
  process.stdout.write(`audit log intact: ${verdict.entries} entries\n`);
} else {
  process.stdout.write(`audit log BROKEN at entry ${verdict.brokenAt} of ${verdict.entries}: ${verdict.reason}\n`);
  process.exitCode = 1;
}
