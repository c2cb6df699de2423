import type { Pool, PoolClient } from './connection.ts';

export interface LeaderHandle {
  /** True while this node holds the lock. */
  readonly isLeader: boolean;
  /** Releases leadership (if held) and stops trying. */
  stop(): Promise<void>;
}

export interface LeaderOptions {
  /** Lock name; one leader per name per schema. */
  name: string;
  /** How often a follower retries, and a leader checks its session is alive. @default 1000 */
  intervalMs?: number;
  /** Called when this node becomes leader; resolve with a function that stops the leader's work. */
  onElected: () => Promise<() => Promise<void>> | (() => Promise<void>);
  onError?: (err: unknown) => void;
}

/**
 * Leader election on a PostgreSQL session advisory lock: one node per (schema, name) runs the work.
 * The lock lives as long as the dedicated connection, so when a leader's process dies its session
 * ends, PostgreSQL releases the lock and another node takes over within one interval.
 */
export function runAsLeader(pool: Pool, options: LeaderOptions): LeaderHandle {
  const interval = options.intervalMs ?? 1000;
  let client: PoolClient | null = null;
  let stopWork: (() => Promise<void>) | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onError = options.onError ?? (() => undefined);

  const demote = async () => {
    const work = stopWork;
    stopWork = null;
    if (work) await work().catch(onError);
    const c = client;
    client = null;
    if (c) {
      await c
        .query(`SELECT pg_advisory_unlock(hashtext($1 || current_schema()))`, [`pantau:leader:${options.name}:`])
        .catch(() => undefined);
      c.off('error', onError);
      c.release(true);
    }
  };

  const tick = async () => {
    if (stopped) return;
    try {
      if (client) {
        await client.query('SELECT 1'); // still connected → still leader
      } else {
        const c = await pool.connect();
        c.on('error', onError);
        // Destroy rather than pool a connection that failed, or that won the lock while stopping: a
        // pooled session would keep the advisory lock and no node could lead again.
        let keep = false;
        let destroy = true;
        try {
          const { rows } = await c.query<{ ok: boolean }>(
            `SELECT pg_try_advisory_lock(hashtext($1 || current_schema())) AS ok`,
            [`pantau:leader:${options.name}:`],
          );
          const won = rows[0]?.ok === true;
          keep = won && !stopped;
          destroy = won && !keep;
          if (keep) {
            client = c;
            stopWork = await options.onElected();
          }
        } finally {
          if (!keep) {
            // The pool hands this same connection out again at the next try: a listener left on it
            // would pile up once per interval for as long as this node follows (and fire all at once
            // on error).
            c.off('error', onError);
            c.release(destroy);
          }
        }
      }
    } catch (err) {
      onError(err);
      await demote();
    }
    if (!stopped) timer = setTimeout(() => void tick(), interval);
  };
  void tick();

  return {
    get isLeader() {
      return client !== null;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await demote();
    },
  };
}
