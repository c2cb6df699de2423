import type { NotificationWebhookBody } from '@pantau/contracts';

/** One message, rendered for its recipient, ready for any channel. */
export interface OutgoingMessage {
  /** The outbox id: stable across retries, so a receiver can drop a repeat. */
  id: number;
  event: string;
  subject: string;
  text: string;
  /** Files to attach (e-mail only): a scheduled report's PDF. */
  attachments?: Attachment[];
  webhookBody: NotificationWebhookBody;
}

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/**
 * What a channel answered. `retryable: false` means asking again cannot help (a bad address, a
 * refused token); `retryAfterMs` is the channel's own wait when it gave one (Telegram's 429).
 */
export type SendResult =
  { ok: true; detail: string | null } | { ok: false; detail: string; retryable: boolean; retryAfterMs?: number };

/** A configured channel: sends one message to one address of a subscription. */
export interface Channel<Address> {
  send(to: Address, message: OutgoingMessage): Promise<SendResult>;
  close?(): void;
}

/** A short, log-safe description of an error (never a stack, never a token). */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return `${err.name === 'TimeoutError' ? 'timeout' : typeof code === 'string' ? code : err.name}: ${err.message}`.slice(
      0,
      500,
    );
  }
  return String(err).slice(0, 500);
}
