import type { Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import type { Server as SocketServer } from 'socket.io';
import type { Env } from './env.ts';
import type { ComplaintContext } from './ingest/complaint-ingest.ts';
import type { Logger } from './logger.ts';

// The contract between the composition root (`background.ts`, which lists the services) and each
// service. It lives apart from that list so a service can name its own type without importing every
// other service through it.

/** What a background service (watcher, publisher, connector, simulator) gets when the node starts. */
export interface BackgroundContext {
  env: Env;
  pool: Pool;
  pack: ProvincePack;
  io: SocketServer;
  logger: Logger;
  /** The connection string of `pool` (for LISTEN connections). */
  databaseUrl: string;
  /** Identifies the deployed build; walls reload when it changes. */
  buildId: string;
  complaints: ComplaintContext;
  /** Re-reads the working-day calendar after an admin edit. */
  reloadCalendar: () => Promise<void>;
  /** Whether this node feeds the demo (simulator). */
  demo: boolean;
}

/** A started background service; `stop()` ends its timers and releases any leadership it holds. */
export interface BackgroundService {
  name: string;
  stop(): Promise<void>;
}

export type BackgroundStarter = (ctx: BackgroundContext) => Promise<BackgroundService | null>;
