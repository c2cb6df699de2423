import { calendarChannel, listen } from '@pantau/db';
import type { BackgroundStarter } from '../service-context.ts';
import { loadComplaintSettings } from './complaint-settings.ts';

export interface CalendarSyncOptions {
  /** Re-read anyway this often, because a NOTIFY sent while the listener reconnects is lost. @default 60000 */
  pollMs?: number;
}

/**
 * Keeps this node's complaint configuration — the working-day calendar and the province's complaint
 * rules — in step with the tables: an admin's edit on any node notifies every node at commit, and each
 * re-reads both (a few hundred rows). Runs on every node, not only the leader, because every node
 * computes deadlines when it ingests.
 */
export function calendarSync(options: CalendarSyncOptions = {}): BackgroundStarter {
  return async (ctx) => {
    const log = ctx.logger.child({ component: 'calendar-sync' });
    const reload = async () => {
      await ctx.reloadCalendar();
      const { problem } = await loadComplaintSettings(ctx.pool, ctx.complaints);
      if (problem) log.warn(problem);
    };
    const reloadLogged = () => {
      reload().catch((err: unknown) => log.warn({ err }, 'complaint configuration reload failed'));
    };
    await reload();
    const listener = listen(ctx.databaseUrl, await calendarChannel(ctx.pool), reloadLogged, (err) =>
      log.warn({ err }, 'calendar listener lost its connection; reconnecting'),
    );
    const timer = setInterval(reloadLogged, options.pollMs ?? 60_000);
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
