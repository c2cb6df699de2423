import { createHmac } from 'node:crypto';
import { describeError, type Channel } from './channel.ts';

/**
 * The signature an OPD checks: hex HMAC-SHA256, keyed with the subscription's secret, over the
 * `X-Pantau-Timestamp` value, a dot, and the raw body. Sent as `X-Pantau-Signature: sha256=<hex>`.
 * @example signWebhook('s3cret', '1767225600', '{"id":"1"}')
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * A JSON webhook (Slack- and Mattermost-compatible: the body has a `text`). Redirects are not
 * followed and the answer's body is never read back into the log (only its status), so a webhook URL
 * cannot be used to read another system. 2xx is delivered; 408, 429 and 5xx are retried; other 4xx
 * answers are final.
 */
export function createWebhookChannel(o: {
  timeoutMs: number;
  now?: () => Date;
}): Channel<{ url: string; secret: string }> {
  return {
    async send(to, m) {
      const body = JSON.stringify(m.webhookBody);
      const timestamp = String(Math.floor((o.now?.() ?? new Date()).getTime() / 1000));
      try {
        const res = await fetch(to.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(o.timeoutMs),
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Pantau-Webhook/1',
            'x-pantau-delivery': String(m.id),
            'x-pantau-event': m.event,
            'x-pantau-timestamp': timestamp,
            'x-pantau-signature': `sha256=${signWebhook(to.secret, timestamp, body)}`,
          },
          body,
        });
        await res.body?.cancel();
        if (res.ok) return { ok: true, detail: `HTTP ${res.status}` };
        const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
        return { ok: false, detail: `HTTP ${res.status}`, retryable };
      } catch (err) {
        return { ok: false, detail: describeError(err), retryable: true };
      }
    },
  };
}
