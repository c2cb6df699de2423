// `pnpm --filter @pantau/server exec tsx src/cli/token.ts <id> <role> [opd-id] [label]`: issues an API
// bearer token (admin | duty_officer | opd_admin | viewer) and prints it once, for scripts and other
// programs (people sign in to the console: `pnpm user`). Bearer tokens need no CSRF token.
import { createPool, issueServiceToken, type Role } from '@pantau/db';
import { loadEnv } from '../env.ts';

const [id, role, opdId, label] = process.argv.slice(2);
const roles = ['admin', 'duty_officer', 'opd_admin', 'viewer'];
if (!id || !role || !roles.includes(role) || (role === 'opd_admin') !== Boolean(opdId)) {
  process.stderr.write(`usage: token.ts <id> <${roles.join('|')}> [opd-id, required for opd_admin only] [label]\n`);
  process.exit(2);
}
const env = loadEnv();
if (!env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to the database of the running Pantau.\n');
  process.exit(2);
}
const pool = createPool({ connectionString: env.DATABASE_URL, max: 1 });
const token = await issueServiceToken(pool, id, label ?? id, role as Role, role === 'opd_admin' ? opdId! : null);
await pool.end();
process.stdout.write(`${token}\n`);
