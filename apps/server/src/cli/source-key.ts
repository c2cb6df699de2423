// API keys of ingest sources (the LAPOR connector, the SMS gateway, an import job, a simulator):
//
//   pnpm cli source-key add <source-id> [label]   prints a new key once
//   pnpm cli source-key list                      sources, keys, freshness
//   pnpm cli source-key revoke <source-id>        its next request gets 401
//
// `add` on an existing source replaces its key (rotation). Only the key's SHA-256 is stored. The older
// form `source-key.ts <source-id> [label]` still means `add`.
import { createPool, issueSourceKey, listIngestSources, revokeSourceKey } from '@pantau/db';
import { loadEnv } from '../env.ts';

const USAGE = 'usage: source-key.ts add <source-id: a-z 0-9 _ -> [label] | list | revoke <source-id>\n';
const SOURCE_ID = /^[a-z0-9_-]{1,64}$/;

const args = process.argv.slice(2);
if (args[0] !== undefined && !['add', 'list', 'revoke'].includes(args[0])) args.unshift('add');
const [command, id, label] = args;
if (
  !(command === 'list' && !id) &&
  !((command === 'add' || command === 'revoke') && id !== undefined && SOURCE_ID.test(id))
) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const env = loadEnv();
if (!env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to the database of the running Pantau.\n');
  process.exit(2);
}
const pool = createPool({ connectionString: env.DATABASE_URL, max: 1, application: 'pantau-source-key' });
try {
  if (command === 'add') {
    process.stdout.write(`${await issueSourceKey(pool, id!, label ?? id!)}\n`);
    process.stderr.write(`Key for source "${id}" — shown once; send it as "Authorization: Bearer <key>".\n`);
  } else if (command === 'revoke') {
    if (!(await revokeSourceKey(pool, id!))) {
      process.stderr.write(`no source "${id}"\n`);
      process.exitCode = 1;
    } else process.stdout.write(`key of "${id}" revoked\n`);
  } else {
    for (const s of await listIngestSources(pool)) {
      const last = s.lastDeliveryAt ? s.lastDeliveryAt.toISOString() : 'never';
      process.stdout.write(
        `${s.id}\t${s.hasKey ? 'key' : 'no key'}\tlast delivery ${last}${s.lastError ? `\tlast error: ${s.lastError}` : ''}\t${s.label}\n`,
      );
    }
  }
} finally {
  await pool.end();
}
