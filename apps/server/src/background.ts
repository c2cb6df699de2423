import { startLaporConnector } from './connectors/lapor/lapor-connector.ts';
import { startDeadlineWatcher } from './deadlines/watcher.ts';
import { startCalendarSync } from './deadlines/calendar-sync.ts';
import { startDemoFeed } from './demo/demo-feed.ts';
import { startPpidSocialDemoFeed } from './demo/demo-feed-ppid-social.ts';
import { startDemoIncident } from './demo/demo-incident.ts';
import { startLive } from './live/index.ts';
import { startSocialConnectors } from './connectors/social/service.ts';
import { startPpidDeadlineWatcher } from './deadlines/ppid-deadline-watcher.ts';
import { startRetention } from './retention/retention.ts';
import { startNotificationSender } from './notifications/service.ts';
import type { BackgroundStarter } from './service-context.ts';

// notifications/service.ts still names its type through this module; the re-export keeps it compiling
// until it imports from service-context.ts (.dependency-cruiser.cjs excuses that one cycle meanwhile).
export type { BackgroundContext, BackgroundService, BackgroundStarter } from './service-context.ts';

/**
 * The background services every node starts after it listens, in order. Leader-only work elects itself
 * inside its starter (`runAsLeader`), so every node can start every service. Add one line per service.
 */
export const backgroundStarters: BackgroundStarter[] = [startLive, startDemoFeed, startDeadlineWatcher];
backgroundStarters.push(startSocialConnectors);
backgroundStarters.push(startPpidDeadlineWatcher);
backgroundStarters.push(startLaporConnector);
backgroundStarters.push(startPpidSocialDemoFeed);
backgroundStarters.push(startDemoIncident);
backgroundStarters.push(startCalendarSync);
backgroundStarters.push(startRetention);
backgroundStarters.push(startNotificationSender);
