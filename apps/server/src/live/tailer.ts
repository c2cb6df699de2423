import { headSeq, listen, readDeltas, type DeltaRow, type Pool } from '@pantau/db';
import type { Logger } from '../logger.ts';

export interface TailerOptions {
  pool: Pool;
  connectionString: string;
  schema: string;
  logger: Logger;
  /** Poll interval when no NOTIFY arrives. @default 1000 */
  pollMs?: number;
  /** Called for each delta in seq order, exactly once per seq on this node. */
  emit: (delta: DeltaRow) => void;
}

export interface Tailer {
  /** The last seq this node emitted. */
  readonly head: number;
  /** Runs `fn` with no delta emission in between (subscriptions read and join atomically). */
  exclusive<T>(fn: (head: number) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Every node tails the delta log from the head it saw at start: NOTIFY wakes it, a poll covers missed
 * notifications and reconnects. Emission and subscription setup are serialized on one queue, so a
 * subscriber either gets a delta by replay or by broadcast, never neither.
 */
export async function startTailer(options: TailerOptions): Promise<Tailer> {
  const log = options.logger.child({ component: 'tailer' });
  let head = await headSeq(options.pool);
  let stopped = false;
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: (head: number) => Promise<T>): Promise<T> => {
    const run = queue.then(() => fn(head));
    queue = run.catch(() => undefined);
    return run;
  };
  let draining = false;
  const drain = () => {
    if (draining || stopped) return;
    draining = true;
    void exclusive(async () => {
      try {
        for (;;) {
          const rows = await readDeltas(options.pool, { afterSeq: head, limit: 1000 });
          for (const row of rows) {
            options.emit(row);
            head = row.seq;
          }
          if (rows.length < 1000) break;
        }
      } catch (err) {
        log.warn({ err }, 'tail read failed');
      } finally {
        draining = false;
      }
    });
  };
  const listener = listen(options.connectionString, `pantau_delta:${options.schema}`, drain, (err) =>
    log.warn({ err }, 'listener error'),
  );
  const timer = setInterval(drain, options.pollMs ?? 1000);
  return {
    get head() {
      return head;
    },
    exclusive,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await queue;
      await listener.close();
    },
  };
}
