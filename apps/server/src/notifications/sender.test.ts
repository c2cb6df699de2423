import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NotificationFacts, NotificationSubscriptionBody } from '@pantau/contracts';
import {
  enqueueNotification,
  insertUser,
  loadWorkingCalendar,
  saveNotificationSubscription,
  seedProvincePack,
} from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { watchDeadlines } from '../deadlines/watcher.ts';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';
import { createEmailChannel } from './channels/email.ts';
import { createTelegramChannel } from './channels/telegram.ts';
import { createWebhookChannel } from './channels/webhook.ts';
import { sendDueNotifications, type SenderOptions } from './sender.ts';
import { metricsFor } from '../metrics/node-metrics.ts';
import { startFakeTelegram, startWebhookReceiver } from './testing/fake-receivers.ts';

const pack = loadProvincePack('kalsel');
const TOKEN = '42:abc';

const facts = (trackingId: string): NotificationFacts => ({
  event: 'overdue',
  caseKind: 'complaint',
  caseId: 1,
  trackingId,
  opdId: 'kalsel.pupr',
  opdName: 'PUPR',
  deadlineAt: '2026-11-05T15:59:59.999Z',
  level: null,
  levelLabel: null,
  sourceId: null,
  sourceLabel: null,
  lastDeliveryAt: null,
  path: `/console?q=${trackingId}`,
  occurredAt: '2026-11-06T02:00:00.000Z',
});

describe('the notification sender: retries, back-off, final failures, and a channel that is down', () => {
  let db: TestDatabase;
  let hookStatus = 200;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
  let hanging: Server;
  let hangingUrl: string;
  let userId: string;
  let n = 0;

  const options = (o: Partial<SenderOptions> = {}): SenderOptions => ({
    pool: db.pool,
    timeZone: pack.timeZone,
    tzLabel: pack.timeZoneLabel,
    baseUrl: 'https://pantau.example',
    // Nothing listens on port 1: every e-mail attempt fails to connect.
    email: createEmailChannel({ url: 'smtp://127.0.0.1:1', from: 'Pantau <p@example>', timeoutMs: 2000 }),
    webhook: createWebhookChannel({ timeoutMs: 2000 }),
    telegram: createTelegramChannel({ base: telegram.url, token: TOKEN, timeoutMs: 2000 }),
    maxAttempts: 3,
    retryBaseMs: 10_000,
    retryMaxMs: 60_000,
    timeoutMs: 2000,
    ...o,
  });
  const subscribe = (s: Partial<NotificationSubscriptionBody>) =>
    saveNotificationSubscription(
      db.pool,
      userId,
      {
        enabled: true,
        locale: 'id',
        channels: ['webhook'],
        email: 'p@pemprov.example',
        webhookUrl: `${hooks.url}/hook`,
        telegramChatId: '777',
        events: ['overdue'],
        opdIds: [],
        levels: [],
        quietHours: null,
        mode: 'immediate',
        ...s,
      },
      { by: 'test', newSecret: 'secret', rotate: true },
    );
  const queue = async (tracking: string) => {
    await enqueueNotification(db.pool, {
      event: 'overdue',
      key: `t|${tracking}|${++n}`,
      entity: 'complaint',
      entityId: tracking,
      opdId: 'kalsel.pupr',
      levels: null,
      facts: facts(tracking),
    });
  };
  const rows = async () =>
    (
      await db.pool.query(
        `SELECT o.channel, o.status, o.attempts, o.next_attempt_at, o.last_error,
                (SELECT count(*)::int FROM notification_delivery d WHERE d.outbox_id = o.id) AS logged
         FROM notification_outbox o ORDER BY o.id`,
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'notifysender' });
    await seedProvincePack(db.pool, pack);
    hooks = await startWebhookReceiver({ status: () => hookStatus });
    telegram = await startFakeTelegram(TOKEN);
    // A webhook endpoint that accepts the connection and never answers.
    hanging = createServer(() => undefined);
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hook`;
    userId = randomUUID();
    await insertUser(db.pool, {
      id: userId,
      username: 'penerima',
      displayName: 'Penerima',
      passwordHash: 'x',
      role: 'duty_officer',
      opdId: null,
      mustChangePassword: false,
    });
  });
  beforeEach(async () => {
    await db.pool.query('TRUNCATE notification_delivery, notification_outbox');
    hookStatus = 200;
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    hanging.close();
    await hooks.close();
    await telegram.close();
    await db.drop();
  });

  it('retries a webhook that answered 500 after the back-off, and logs both attempts', async () => {
    await subscribe({ channels: ['webhook'] });
    await queue('9000001');
    hookStatus = 500;
    // The node's /metrics counts each attempt by channel and result.
    const delivered = async (result: string) =>
      (await metricsFor(db.pool).notificationDeliveries.get()).values.find(
        (v) => v.labels.channel === 'webhook' && v.labels.result === result,
      )?.value ?? 0;
    const [retriedBefore, sentBefore] = [await delivered('retried'), await delivered('sent')];
    const t0 = new Date();
    expect(await sendDueNotifications(options(), t0)).toMatchObject({ sent: 0, retried: 1 });
    let [r] = await rows();
    expect(r).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500', logged: 1 });
    expect(r.next_attempt_at.getTime() - t0.getTime()).toBeGreaterThanOrEqual(10_000);
    // Not before its time.
    expect(await sendDueNotifications(options(), new Date(t0.getTime() + 5000))).toMatchObject({ sent: 0, retried: 0 });
    hookStatus = 200;
    expect(await sendDueNotifications(options(), new Date(t0.getTime() + 11_000))).toMatchObject({ sent: 1 });
    [r] = await rows();
    expect(r).toMatchObject({ status: 'sent', attempts: 2, last_error: null, logged: 2 });
    const audit = await db.pool.query(`SELECT action, details FROM audit_log WHERE action LIKE 'notification.%'`);
    expect(audit.rows).toEqual([
      { action: 'notification.sent', details: expect.objectContaining({ channel: 'webhook', attempt: 2 }) },
    ]);
    expect([(await delivered('retried')) - retriedBefore, (await delivered('sent')) - sentBefore]).toEqual([1, 1]);
  });

  it('gives up at once on a 4xx the receiver will keep giving, and after the last attempt otherwise', async () => {
    await subscribe({ channels: ['webhook', 'email'] });
    await queue('9000002');
    hookStatus = 410;
    const t0 = new Date();
    await sendDueNotifications(options(), t0);
    await sendDueNotifications(options(), new Date(t0.getTime() + 11_000));
    await sendDueNotifications(options(), new Date(t0.getTime() + 40_000));
    const [webhook, email] = [...(await rows())].sort((a, b) => (a.channel < b.channel ? 1 : -1));
    expect(webhook).toMatchObject({ channel: 'webhook', status: 'failed', attempts: 1, last_error: 'HTTP 410' });
    expect(email).toMatchObject({ channel: 'email', status: 'failed', attempts: 3, logged: 3 });
    expect(email.last_error).toMatch(/ECONNREFUSED/);
    const audit = await db.pool.query(
      `SELECT details->>'channel' AS channel FROM audit_log WHERE action = 'notification.failed' ORDER BY seq`,
    );
    expect(audit.rows.map((r) => r.channel).sort()).toEqual(['email', 'webhook']);
  });

  it('waits as long as Telegram asks after a 429', async () => {
    await subscribe({ channels: ['telegram'] });
    await queue('9000003');
    const limited = await startWebhookReceiver({ status: () => 429 });
    limited.server.removeAllListeners('request');
    limited.server.on('request', (_req, res) =>
      res.writeHead(429, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 90',
          parameters: { retry_after: 90 },
        }),
      ),
    );
    const t0 = new Date();
    await sendDueNotifications(
      options({ telegram: createTelegramChannel({ base: limited.url, token: TOKEN, timeoutMs: 2000 }) }),
      t0,
    );
    const [r] = await rows();
    expect(r.status).toBe('pending');
    expect(r.last_error).toBe('HTTP 429: Too Many Requests: retry after 90');
    expect(r.next_attempt_at.getTime() - t0.getTime()).toBeGreaterThanOrEqual(90_000);
    await limited.close();
  });

  it('logs a message whose recipient left the channel as failed, without trying it', async () => {
    await subscribe({ channels: ['webhook'] });
    await queue('9000004');
    await subscribe({ channels: ['telegram'] });
    await sendDueNotifications(options(), new Date());
    const [r] = await rows();
    expect(r).toMatchObject({ status: 'failed', last_error: 'recipient unsubscribed from this channel' });
    expect(hooks.requests.filter((q) => q.body.includes('9000004'))).toHaveLength(0);
  });

  it('a webhook that hangs delays neither Telegram in the same pass nor the deadline watcher', async () => {
    await subscribe({ channels: ['webhook', 'telegram'], webhookUrl: hangingUrl });
    await queue('9000005');
    const before = telegram.requests.length;
    const started = Date.now();
    const pass = sendDueNotifications(options({ timeoutMs: 3000 }), new Date());
    // Telegram goes out while the webhook is still waiting.
    await expect.poll(() => telegram.requests.length, { timeout: 2000, interval: 20 }).toBe(before + 1);
    expect(Date.now() - started).toBeLessThan(2500);
    // The watcher (which queues messages, never sends them) finishes meanwhile, well within the timeout.
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const ctx = { pack, calendar: () => calendar };
    const ago = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      {
        externalId: 'H1',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: ago(15),
          trackingId: '9000006',
          channel: 'web',
          classification: 'pengaduan',
          title: 't',
          body: 'b',
        },
      },
    ]);
    const w0 = Date.now();
    const watched = await watchDeadlines(db.pool, ctx, new Date());
    expect(watched.escalations).toBeGreaterThan(0);
    expect(Date.now() - w0).toBeLessThan(1500);
    const r = await pass;
    expect(r).toMatchObject({ sent: 1, retried: 1 });
    const hung = (await rows()).find((x) => x.channel === 'webhook');
    expect(hung.last_error).toMatch(/^timeout/);
  });
});
