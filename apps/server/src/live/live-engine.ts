import type { HeartbeatMessage } from '@pantau/contracts';
import { currentSchema, findWallDevice, sourceFreshness, type Pool, type TopicBuilder } from '@pantau/db';
import type { Server } from 'socket.io';
import type { Logger } from '../logger.ts';
import { metricsFor } from '../metrics/node-metrics.ts';
import { createGateway, type Gateway, type LivePrincipal } from './gateway.ts';
import { startPublisher, type Publisher } from './publisher.ts';
import { startTailer, type Tailer } from './tailer.ts';

export interface LiveEngineOptions {
  io: Server;
  pool: Pool;
  connectionString: string;
  logger: Logger;
  build: TopicBuilder;
  build_id?: string;
  hz?: number;
  heartbeatMs?: number;
  refreshMs?: number;
  retainSeconds?: number;
  /** Resolves a user session (added by the console); device tokens are handled here. */
  authenticateUser?: (auth: Record<string, unknown>, headers: Record<string, unknown>) => Promise<LivePrincipal | null>;
  /** Re-reads a user's session now (every subscribe); null when it ended or the account changed. */
  refreshUser?: (principal: Extract<LivePrincipal, { kind: 'user' }>) => Promise<LivePrincipal | null>;
  canRead?: (principal: LivePrincipal, topic: string) => boolean;
  /** Origins allowed to open `/live` besides the server's own. */
  allowedOrigins?: readonly string[];
  /** Whether a topic exists; unknown ones are refused before anything is written. */
  isKnownTopic?: (topic: string) => boolean;
  /** Take a `/public` client's address from X-Forwarded-For. */
  trustProxy?: boolean;
}

export interface LiveEngine {
  publisher: Publisher;
  tailer: Tailer;
  gateway: Gateway;
  stop(): Promise<void>;
}

/** Starts the live engine on one node: publisher (leader only), tailer and socket.io gateway. */
export async function startLiveEngine(options: LiveEngineOptions): Promise<LiveEngine> {
  const schema = await currentSchema(options.pool);
  const gateway = createGateway({
    io: options.io,
    pool: options.pool,
    logger: options.logger,
    canRead: options.canRead,
    allowedOrigins: options.allowedOrigins,
    isKnownTopic: options.isKnownTopic,
    trustProxy: options.trustProxy,
    authenticate: async (auth, headers) => {
      const token = typeof auth.deviceToken === 'string' ? auth.deviceToken : null;
      if (token) {
        const device = await findWallDevice(options.pool, token);
        return device ? { kind: 'device', id: device.id, token } : null;
      }
      return options.authenticateUser ? options.authenticateUser(auth, headers) : null;
    },
    refresh: async (principal) => {
      if (principal.kind === 'device')
        return principal.token && (await findWallDevice(options.pool, principal.token)) ? principal : null;
      if (principal.kind === 'user') return options.refreshUser ? options.refreshUser(principal) : principal;
      return principal;
    },
  });
  const tailer = await startTailer({
    pool: options.pool,
    connectionString: options.connectionString,
    schema,
    logger: options.logger,
    emit: (d) => gateway.emit(d),
  });
  gateway.attach(tailer);
  metricsFor(options.pool).attachLive({ emittedSeq: () => tailer.head });
  const publisher = startPublisher({
    pool: options.pool,
    connectionString: options.connectionString,
    schema,
    build: options.build,
    logger: options.logger,
    hz: options.hz,
    refreshMs: options.refreshMs,
    retainSeconds: options.retainSeconds,
  });
  const build = options.build_id ?? 'dev';
  const beat = async () => {
    try {
      const msg: HeartbeatMessage = {
        serverTime: new Date().toISOString(),
        headSeq: tailer.head,
        sources: await sourceFreshness(options.pool),
        build,
      };
      gateway.heartbeat(msg);
    } catch (err) {
      options.logger.warn({ err }, 'heartbeat failed');
    }
  };
  const heartbeatTimer = setInterval(() => void beat(), options.heartbeatMs ?? 5000);
  return {
    publisher,
    tailer,
    gateway,
    async stop() {
      clearInterval(heartbeatTimer);
      await publisher.stop();
      await tailer.stop();
    },
  };
}
