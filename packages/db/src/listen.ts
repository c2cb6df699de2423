import pg from 'pg';

export interface Listener {
  close(): Promise<void>;
}

/**
 * LISTENs on one channel over a dedicated connection and reconnects after the server goes away.
 * Notifications only wake their reader (payloads are ids at most); callers must also poll, because a
 * notification sent while reconnecting is lost.
 */
export function listen(
  connectionString: string,
  channel: string,
  onNotify: (payload: string | undefined) => void,
  onError: (err: unknown) => void = () => undefined,
): Listener {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const open = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload);
    });
    const reconnect = (err: unknown) => {
      onError(err);
      if (client === c) client = null;
      c.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void open(), 1000);
    };
    c.on('error', reconnect);
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      if (closed) {
        await c.end();
        return;
      }
      client = c;
    } catch (err) {
      reconnect(err);
    }
  };
  void open();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
