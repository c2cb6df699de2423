// A live-engine node for multi-node tests: an HTTP server with socket.io and the real live engine
// (publisher, tailer, gateway) over a test schema. Its topic builder reads a small counter table, so
// the tests exercise the engine itself. Run as a child process so a test can kill it for real.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Server } from 'socket.io';
import { createPool, type Pool } from '@pantau/db';
import type { JsonObject } from '@pantau/domain';
import { createLogger } from '../../../apps/server/src/logger.ts';
import { startLiveEngine, type LiveEngine } from '../../../apps/server/src/live/live-engine.ts';

export interface LiveNode {
  url: string;
  port: number;
  engine: LiveEngine;
  close(): Promise<void>;
}

/** Topic state: `{ total, counters: { <name>: n } }` for `province`, one counter for `opd:<id>`. */
export async function counterBuilder(pool: Pool, topic: string): Promise<JsonObject | null> {
  if (topic === 'province' || topic === 'public:province') {
    const { rows } = await pool.query<{ name: string; n: number }>(
      'SELECT name, n FROM live_test_counter ORDER BY name',
    );
    return { total: rows.reduce((a, r) => a + r.n, 0), counters: Object.fromEntries(rows.map((r) => [r.name, r.n])) };
  }
  if (topic.startsWith('opd:')) {
    const { rows } = await pool.query<{ n: number }>('SELECT n FROM live_test_counter WHERE name = $1', [
      topic.slice(4),
    ]);
    return { n: rows[0]?.n ?? 0 };
  }
  return null;
}

export async function startLiveNode(options: {
  url: string;
  schema: string;
  port?: number;
  hz?: number;
}): Promise<LiveNode> {
  const pool = createPool({
    connectionString: options.url,
    schema: options.schema,
    max: 5,
    application: `pantau-node-${options.schema}`,
  });
  const logger = createLogger(process.env.LIVE_NODE_LOG ?? 'silent');
  const http: HttpServer = createServer();
  const io = new Server(http, { serveClient: false });
  // The adapter holds a LISTEN connection for its lifetime: a pool of its own, so closing never waits on it.
  const adapterPool = createPool({
    connectionString: options.url,
    schema: options.schema,
    max: 2,
    application: `pantau-node-${options.schema}`,
  });
  io.adapter(
    createAdapter(adapterPool, { channelPrefix: `pantau_sio:${options.schema}`, errorHandler: () => undefined }),
  );
  const engine = await startLiveEngine({
    io,
    pool,
    connectionString: options.url,
    logger,
    build: counterBuilder,
    hz: options.hz ?? 20,
    heartbeatMs: 500,
    refreshMs: 3_600_000,
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    engine,
    async close() {
      await engine.stop();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await pool.end();
      await Promise.race([adapterPool.end(), new Promise((r) => setTimeout(r, 2000))]);
    },
  };
}

// As a child process: `tsx live-node.ts <databaseUrl> <schema> [port]`, prints `READY <port>`.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [url, schema, port] = process.argv.slice(2);
  const node = await startLiveNode({ url: url!, schema: schema!, port: port ? Number(port) : 0 });
  process.stdout.write(`READY ${node.port}\n`);
  process.on('SIGTERM', () => void node.close().then(() => process.exit(0)));
}
