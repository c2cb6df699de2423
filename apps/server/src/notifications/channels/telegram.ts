import { describeError, type Channel } from './channel.ts';

/** Telegram's limit on one message's text. */
const MAX_TEXT = 4096;

interface TelegramAnswer {
  ok: boolean;
  result?: { message_id?: number };
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/**
 * Telegram Bot API `sendMessage` (https://core.telegram.org/bots/api#sendmessage): `POST
 * {base}/bot{token}/sendMessage` with `{ chat_id, text }`, answered `{ ok: true, result: Message }` or
 * `{ ok: false, error_code, description, parameters? }`. A 429 waits the `retry_after` Telegram asks
 * for; 5xx and network errors are retried; other errors (a chat that blocked the bot, a wrong chat id)
 * are final. The token never reaches a log.
 */
export function createTelegramChannel(o: { base: string; token: string; timeoutMs: number }): Channel<string> {
  return {
    async send(chatId, m) {
      const text = m.text.length > MAX_TEXT ? `${m.text.slice(0, MAX_TEXT - 1)}…` : m.text;
      try {
        const res = await fetch(`${o.base}/bot${o.token}/sendMessage`, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(o.timeoutMs),
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chat_id: chatId, text, link_preview_options: { is_disabled: true } }),
        });
        let answer: TelegramAnswer | null = null;
        try {
          answer = (await res.json()) as TelegramAnswer;
        } catch {
          answer = null;
        }
        if (res.ok && answer?.ok) return { ok: true, detail: `message_id ${answer.result?.message_id ?? '?'}` };
        const detail = `HTTP ${res.status}${answer?.description ? `: ${answer.description.slice(0, 300)}` : ''}`;
        if (res.status === 429)
          return {
            ok: false,
            detail,
            retryable: true,
            retryAfterMs: (answer?.parameters?.retry_after ?? 30) * 1000,
          };
        return { ok: false, detail, retryable: res.status >= 500 };
      } catch (err) {
        return { ok: false, detail: describeError(err).replaceAll(o.token, '***'), retryable: true };
      }
    },
  };
}
