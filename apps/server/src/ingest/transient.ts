import { withTransaction, type Pool, type PoolClient } from '@pantau/db';

/**
 * The store could not be reached or kept refusing for a reason that passes (outage, deadlock,
 * serialization failure) even after retries. Never a verdict on the data: routes answer 503 with
 * `Retry-After`, and a source retries the whole request later.
 */
export class StoreUnavailableError extends Error {
  constructor(
    override readonly cause: unknown,
    /** Seconds a client should wait before retrying. */
    readonly retryAfterSeconds = 5,
  ) {
    super(`the database is unavailable: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StoreUnavailableError';
  }
}

/** Thrown inside a transaction that found its view outdated (a row created by a concurrent batch): retry it. */
export class ConcurrentChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConcurrentChangeError';
  }
}

// SQLSTATE classes and codes that say "try again", not "this data is wrong".
const TRANSIENT_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57014', // query_canceled (statement timeout under load)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
]);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

/** Whether an error from the database layer is worth retrying (and never a per-item rejection). */
export function isTransientDbError(err: unknown): boolean {
  if (err instanceof StoreUnavailableError || err instanceof ConcurrentChangeError) return true;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (TRANSIENT_CODES.has(code) || code.startsWith('08') || TRANSIENT_NODE_CODES.has(code)) return true;
  // AggregateError from net (IPv4 and IPv6 both refused).
  if (Array.isArray(e.errors) && e.errors.some(isTransientDbError)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(
    message,
  );
}

export interface RetryOptions {
  /** Attempts in all, the first included. @default 5 */
  attempts?: number;
  /** First back-off in milliseconds, doubled each time, with jitter. @default 40 */
  baseMs?: number;
}

/**
 * Runs `fn` in a transaction, retrying it from the start on a transient error (a deadlock victim, a
 * serialization failure, a dropped connection). Once the attempts are spent, throws
 * `StoreUnavailableError`; any other error is thrown as it is, at once.
 */
export async function withRetriedTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseMs ?? 40;
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(pool, fn);
    } catch (err) {
      if (!isTransientDbError(err)) throw err;
      if (attempt >= attempts) throw err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err);
      const wait = base * 2 ** (attempt - 1);
      await new Promise((r) => setTimeout(r, wait / 2 + Math.random() * wait));
    }
  }
}

/** The answer to a request that met a transient store failure: 503, `Retry-After`, and why. */
export function storeUnavailableResponse(err: unknown): Response {
  const retryAfter = err instanceof StoreUnavailableError ? err.retryAfterSeconds : 5;
  return new Response(
    JSON.stringify({
      error: {
        message: 'the database is unavailable; nothing was stored, send the same request again later',
        retryAfterSeconds: retryAfter,
      },
    }),
    { status: 503, headers: { 'content-type': 'application/json', 'retry-after': String(retryAfter) } },
  );
}
