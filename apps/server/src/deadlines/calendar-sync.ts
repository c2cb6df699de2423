import { calendarChannel, listen } from '@pantau/db';
import type { BackgroundStarter } from '../background.ts';

export interface CalendarSyncOptions {
  /** Re-read anyway this often, because a NOTIFY sent while the listener reconnects is lost. @default 60000 */
  pollMs?: number;
}

/**
 * Keeps this node's working-day calendar in step with the table: an admin's edit on any node notifies
 * every node at commit, and each re-reads its calendar (the table is a few hundred rows). Runs on every
 * node, not only the leader, because every node computes deadlines when it ingests.
 */
export function calendarSync(options: CalendarSyncOptions = {}): BackgroundStarter {
  return async (ctx) => {
    const log = ctx.logger.child({ component: 'calendar-sync' });
    const reload = () => {
      ctx.reloadCalendar().catch((err: unknown) => log.warn({ err }, 'calendar reload failed'));
    };
    const listener = listen(ctx.databaseUrl, await calendarChannel(ctx.pool), reload, (err) =>
      log.warn({ err }, 'calendar listener lost its connection; reconnecting'),
    );
    const timer = setInterval(reload, options.pollMs ?? 60_000);
    timer.unref();
    return {
      name: 'calendar-sync',
      async stop() {
        clearInterval(timer);
        await listener.close();
      },
    };
  };
}

export const startCalendarSync: BackgroundStarter = calendarSync();
