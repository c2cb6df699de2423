import type { Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import type { Server as SocketServer } from 'socket.io';
import type { Env } from './env.ts';
import { startLaporConnector } from './connectors/lapor/lapor-connector.ts';
import { startDeadlineWatcher } from './deadlines/watcher.ts';
import { startCalendarSync } from './deadlines/calendar-sync.ts';
import { startDemoFeed } from './demo/demo-feed.ts';
import { startPpidSocialDemoFeed } from './demo/demo-feed-ppid-social.ts';
import { startLive } from './live/index.ts';
import { startSocialConnectors } from './connectors/social/service.ts';
import { startPpidDeadlineWatcher } from './ingest/ppid-deadline-watcher.ts';
import type { ComplaintContext } from './ingest/complaint-ingest.ts';
import type { Logger } from './logger.ts';
import { startRetention } from './retention/retention.ts';
import { startNotificationSender } from './notifications/service.ts';

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

/**
 * The background services every node starts after it listens, in order. Leader-only work elects itself
 * inside its starter (`runAsLeader`), so every node can start every service. Add one line per service.
 */
export const backgroundStarters: BackgroundStarter[] = [startLive, startDemoFeed, startDeadlineWatcher];
backgroundStarters.push(startSocialConnectors);
backgroundStarters.push(startPpidDeadlineWatcher);
backgroundStarters.push(startLaporConnector);
backgroundStarters.push(startPpidSocialDemoFeed);
backgroundStarters.push(startCalendarSync);
backgroundStarters.push(startRetention);
backgroundStarters.push(startNotificationSender);
