import nodemailer from 'nodemailer';
import { describeError, type Channel } from './channel.ts';

export interface EmailChannelOptions {
  /** smtp://user:pass@host:587 or smtps://…:465 */
  url: string;
  from: string;
  timeoutMs: number;
}

/**
 * E-mail over SMTP with nodemailer. One message per recipient, plain text in UTF-8; the Message-ID is
 * derived from the outbox id, so a mail system that sees a retry of a message it already has can tell.
 * An SMTP 5xx answer (a refused address) is final; anything else (no connection, a timeout, 4xx) is retried.
 */
export function createEmailChannel(o: EmailChannelOptions): Channel<string> {
  const u = new URL(o.url);
  const secure = u.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: o.timeoutMs,
    greetingTimeout: o.timeoutMs,
    socketTimeout: o.timeoutMs,
  });
  const host = (() => {
    const m = /@([^>\s]+)>?\s*$/.exec(o.from);
    return m?.[1] ?? 'pantau.local';
  })();
  return {
    async send(to, m) {
      try {
        const info = await transport.sendMail({
          from: o.from,
          to,
          subject: m.subject,
          text: m.text,
          ...(m.attachments ? { attachments: m.attachments } : {}),
          messageId: `<pantau-notification-${m.id}@${host}>`,
          headers: { 'X-Pantau-Delivery': String(m.id), 'X-Pantau-Event': m.event, 'Auto-Submitted': 'auto-generated' },
        });
        return { ok: true, detail: String(info.response ?? info.messageId).slice(0, 500) };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        return { ok: false, detail: describeError(err), retryable: !(typeof code === 'number' && code >= 500) };
      }
    },
    close: () => transport.close(),
  };
}
