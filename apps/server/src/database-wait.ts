import { isTransientDbError } from './ingest/transient.ts';
import type { Logger } from './logger.ts';

export interface DatabaseWaitOptions {
  /** First pause between attempts. @default 500 */
  initialMs?: number;
  /** Longest pause between attempts. @default 10000 */
  maxMs?: number;
  /** Told why the last attempt failed (for `/healthz` and `/readyz` meanwhile). */
  onWaiting?: (reason: string) => void;
}

/**
 * Runs `step` (migrations, seeding, the first reads) until it succeeds, waiting with exponential
 * back-off and jitter while the database is unreachable or refusing for a passing reason, and logging
 * why at each attempt. A node started before its database (a host reboot, a rolling restart) thus comes
 * up by itself when the database does. An error that is not transient (a wrong password, a bad
 * migration) is thrown at once: waiting would not fix it.
 */
export async function untilDatabaseReady<T>(
  logger: Logger,
  step: () => Promise<T>,
  options: DatabaseWaitOptions = {},
): Promise<T> {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 10_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (!isTransientDbError(err)) throw err;
      const reason = (err as Error).message || String(err);
      const pause = Math.min(max, initial * 2 ** (attempt - 1));
      const retryInMs = Math.round(pause / 2 + (Math.random() * pause) / 2);
      options.onWaiting?.(reason);
      logger.warn({ attempt, retryInMs, reason }, 'waiting for the database');
      await new Promise((r) => setTimeout(r, retryInMs));
    }
  }
}
