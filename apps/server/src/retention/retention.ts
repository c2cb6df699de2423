import { pruneDeadSessions, pruneLoginAttempts, type Pool } from '@pantau/db';
import type { BackgroundStarter } from '../service-context.ts';
import { startLeaderLoop } from '../leader-loop.ts';

/**
 * How long each table that grows with time keeps its rows (docs/live.md, "Retention"). Tables not named
 * here are either bounded (one row per OPD, device, topic…) or the record itself, kept for good: the
 * event logs (complaint_event, ppid_event, social_event), the audit log, escalations, daily rollups.
 * Pruned elsewhere: live_delta and complaint_rollup_minute by the live publisher, live_outbox as it is
 * consumed, socket_io_attachments by the socket.io adapter.
 */
export const RETENTION = {
  /** Sign-in attempts: the lockout window is minutes; a month is kept to look into an attack. */
  loginAttemptDays: 30,
} as const;

export interface RetentionResult {
  sessions: number;
  loginAttempts: number;
}

/** One retention pass: deletes what has outlived its retention. */
export async function enforceRetention(pool: Pool, o: { sessionIdleMinutes: number }): Promise<RetentionResult> {
  return {
    sessions: await pruneDeadSessions(pool, Math.ceil(o.sessionIdleMinutes * 60)),
    loginAttempts: await pruneLoginAttempts(pool, RETENTION.loginAttemptDays),
  };
}

/** Runs retention on one node at a time (the leader), at election and then every `intervalMs`. */
export function retention(options: { intervalMs?: number } = {}): BackgroundStarter {
  return async (ctx) =>
    startLeaderLoop(ctx, {
      name: 'retention',
      intervalMs: options.intervalMs ?? 60 * 60_000,
      runOnElection: true,
      pass: async (log) => {
        const r = await enforceRetention(ctx.pool, { sessionIdleMinutes: ctx.env.PANTAU_SESSION_IDLE_MINUTES });
        if (r.sessions + r.loginAttempts > 0) log.info(r, 'retention: old rows deleted');
      },
    });
}

export const startRetention: BackgroundStarter = retention();
