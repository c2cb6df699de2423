import { createHmac, randomUUID } from 'node:crypto';
import {
  enqueueNotification,
  insertUser,
  loadWorkingCalendar,
  saveNotificationSubscription,
  type Pool,
  type Role,
} from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { addDays, isWorkingDay, localDateOf, startOfLocalDay, zoneOffsetMinutes } from '@pantau/domain';
import type { NotificationSubscriptionBody } from '@pantau/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../env.ts';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';
import { createLogger } from '../logger.ts';
import { startServer, type RunningServer } from '../server.ts';
import { queueDigests } from './digest.ts';
import { startFakeTelegram, startSmtpReceiver, startWebhookReceiver } from './testing/fake-receivers.ts';

const TOKEN = '123456:TEST-token';
const OPD = 'kalsel.pupr';
const OTHER_OPD = 'kalsel.dinkes';
const TRACKING = '2599000111';
const SECRET_WORDS = ['Pelapor Rahasia', '081299990000', 'pelapor@contoh.id', 'ISI-RAHASIA', 'Judul rahasia'];
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** HH:MM in the province's zone, `minutes` from now. */
function localHhmm(minutes: number, timeZone: string): string {
  const t = new Date(Date.now() + minutes * 60_000);
  const local = new Date(t.getTime() + zoneOffsetMinutes(t, timeZone) * 60_000);
  return local.toISOString().slice(11, 16);
}

// The "done when": a case becoming overdue produces exactly one e-mail (read from a real SMTP
// server), one signed webhook and one Telegram call per subscribed recipient; nothing more after a
// restart or a leader change; nothing during quiet hours — the digest carries it.
describe('a complaint becoming overdue reaches each subscribed recipient once, on every channel', () => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let telegram: Awaited<ReturnType<typeof startFakeTelegram>>;
  let nodes: RunningServer[] = [];
  let env: ReturnType<typeof loadEnv>;
  const secrets = new Map<string, string>();
  const ids = new Map<string, string>();
  const pool = (): Pool => nodes[0]!.pool;

  const startNode = async () => {
    const node = await startServer(env, createLogger('silent'));
    nodes.push(node);
    return node;
  };
  const stopNode = async (node: RunningServer) => {
    await node.close();
    nodes = nodes.filter((n) => n !== node);
  };

  const subscribe = async (
    name: string,
    role: Role,
    opdId: string | null,
    extra: Partial<NotificationSubscriptionBody>,
  ) => {
    const id = randomUUID();
    ids.set(name, id);
    await insertUser(pool(), {
      id,
      username: name,
      displayName: `Uji ${name}`,
      passwordHash: 'x',
      role,
      opdId,
      mustChangePassword: false,
    });
    const s = await saveNotificationSubscription(
      pool(),
      id,
      {
        enabled: true,
        locale: 'id',
        channels: ['email', 'webhook', 'telegram'],
        email: `${name}@pemprov.example`,
        webhookUrl: `${hooks.url}/hook/${name}`,
        telegramChatId: String(1000 + ids.size),
        events: ['overdue'],
        opdIds: [],
        levels: [],
        quietHours: null,
        mode: 'immediate',
        ...extra,
      },
      { by: 'test', newSecret: `secret-${name}-${randomUUID()}`, rotate: false },
    );
    secrets.set(name, s.webhookSecret);
  };

  const mailsTo = (name: string) => smtp.mails.filter((m) => m.to.includes(`${name}@pemprov.example`));
  const hooksTo = (name: string) => hooks.requests.filter((r) => r.url === `/hook/${name}`);
  const telegramsTo = (name: string) => {
    const chat = String(1000 + [...ids.keys()].indexOf(name) + 1);
    return telegram.messages().filter((m) => String(m.chat_id) === chat);
  };
  const counts = () => ({ mails: smtp.mails.length, hooks: hooks.requests.length, telegram: telegram.requests.length });

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'notifyoverdue' });
    smtp = await startSmtpReceiver();
    hooks = await startWebhookReceiver();
    telegram = await startFakeTelegram(TOKEN);
    env = loadEnv({
      NODE_ENV: 'test',
      DATABASE_URL: urlWithSchema(db.url, db.schema),
      PANTAU_PROVINCE: 'kalsel',
      PORT: '0',
      PANTAU_DEMO: 'off',
      PANTAU_WATCH_SECONDS: '1',
      PANTAU_NOTIFY_SECONDS: '1',
      PANTAU_SMTP_URL: smtp.url,
      PANTAU_SMTP_FROM: 'Pantau Kalsel <pantau@kalselprov.example>',
      PANTAU_TELEGRAM_BOT_TOKEN: TOKEN,
      PANTAU_TELEGRAM_API_BASE: telegram.url,
      PANTAU_PUBLIC_URL: 'https://pantau.kalselprov.example',
    });
    await startNode();
    await subscribe('kepala', 'viewer', null, {});
    await subscribe('piket', 'duty_officer', null, {});
    await subscribe('opdpupr', 'opd_admin', OPD, {});
    // Subscribed, but to another OPD: hears nothing about this case.
    await subscribe('opddinkes', 'opd_admin', OTHER_OPD, {});
    // Asleep: quiet hours around now, so the digest carries it.
    await subscribe('malam', 'duty_officer', null, {
      quietHours: { start: localHhmm(-60, 'Asia/Makassar'), end: localHhmm(180, 'Asia/Makassar') },
    });
    // Subscribed to escalations only: the overdue event is not for them.
    await subscribe('sekda', 'viewer', null, { events: ['escalated'], levels: [3] });
    await db.pool.query(`UPDATE notification_subscription SET enabled = false WHERE user_id = $1`, [ids.get('sekda')]);

    // Submitted and dispatched 20 days ago: long past the 5-HK follow-up step. A rahasia report, with a
    // reporter, a title and a body that no message may carry.
    const node = nodes[0]!;
    const calendar = await loadWorkingCalendar(node.pool, node.pack.code, node.pack.timeZone);
    const at = (days: number, plusMin = 0) => new Date(Date.now() - days * 86_400_000 + plusMin * 60_000).toISOString();
    const r = await ingestComplaintBatch(node.pool, { pack: node.pack, calendar: () => calendar }, 'lapor', [
      {
        externalId: 'N1',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: at(20),
          trackingId: TRACKING,
          channel: 'web',
          classification: 'pengaduan',
          title: 'Judul rahasia jalan rusak',
          body: 'ISI-RAHASIA tentang pejabat',
          regencyCode: '63.72',
          isRahasia: true,
          reporter: { name: 'Pelapor Rahasia', contact: '081299990000', email: 'pelapor@contoh.id' },
        },
      },
      { externalId: 'N1', event: { type: 'verified', eventId: 'v', occurredAt: at(20, 30), opdId: OPD } },
    ]);
    expect(r.every((x) => x.status === 'accepted')).toBe(true);
  }, 120_000);

  afterAll(async () => {
    for (const n of nodes) await n.close().catch(() => undefined);
    await smtp?.close();
    await hooks?.close();
    await telegram?.close();
    await db?.drop();
  });

  it('sends one e-mail, one signed webhook and one Telegram message to each of the three recipients awake', async () => {
    await expect.poll(counts, { timeout: 20_000, interval: 200 }).toEqual({ mails: 3, hooks: 3, telegram: 3 });
    for (const name of ['kepala', 'piket', 'opdpupr']) {
      expect(mailsTo(name)).toHaveLength(1);
      expect(hooksTo(name)).toHaveLength(1);
      expect(telegramsTo(name)).toHaveLength(1);
    }
    for (const name of ['opddinkes', 'malam', 'sekda']) {
      expect(mailsTo(name)).toHaveLength(0);
      expect(hooksTo(name)).toHaveLength(0);
    }
  });

  it('says which case, which OPD, when it was due and where to open it, in Bahasa Indonesia, on every channel', () => {
    const mail = mailsTo('piket')[0]!;
    expect(mail.from).toBe('pantau@kalselprov.example');
    expect(mail.subject).toBe(`[Pantau] Terlambat: aduan ${TRACKING} (PUPR)`);
    expect(mail.text).toContain(`Nomor tiket: ${TRACKING}`);
    expect(mail.text).toMatch(/Tenggat: \d{1,2} \w+ \d{4} \d{2}\.\d{2} WITA/);
    expect(mail.text).toContain(`https://pantau.kalselprov.example/console?q=${TRACKING}`);
    const tg = telegramsTo('piket')[0]!;
    expect(tg.text).toContain(TRACKING);
    expect(tg.text).toContain('https://pantau.kalselprov.example/console?q=');
    const hook = JSON.parse(hooksTo('piket')[0]!.body);
    expect(hook).toMatchObject({
      type: 'notification',
      locale: 'id',
      items: [{ event: 'overdue', trackingId: TRACKING, opdId: OPD }],
    });
  });

  it('signs each webhook with HMAC-SHA256 over timestamp and body, with the recipient’s own secret', () => {
    for (const name of ['kepala', 'piket', 'opdpupr']) {
      const req = hooksTo(name)[0]!;
      const ts = String(req.headers['x-pantau-timestamp']);
      expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(120);
      const want = createHmac('sha256', secrets.get(name)!).update(`${ts}.${req.body}`).digest('hex');
      expect(req.headers['x-pantau-signature']).toBe(`sha256=${want}`);
      expect(req.headers['x-pantau-event']).toBe('overdue');
      expect(req.headers['x-pantau-delivery']).toMatch(/^\d+$/);
      expect(req.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('never carries the reporter, their contact, the title or the rahasia text', () => {
    const everything = [
      ...smtp.mails.map((m) => m.raw + m.text),
      ...hooks.requests.map((r) => r.body),
      ...telegram.requests.map((r) => r.body),
    ].join('\n');
    for (const word of SECRET_WORDS) expect(everything).not.toContain(word);
  });

  it('logs each delivery and writes it to the audit trail of the case', async () => {
    // The receivers have all nine; the sender records each outcome just after its channel answers.
    const sent = async () =>
      (
        await db.pool.query(
          `SELECT o.channel, o.status, d.ok FROM notification_outbox o JOIN notification_delivery d ON d.outbox_id = o.id
           WHERE o.event = 'overdue' AND o.status = 'sent'`,
        )
      ).rows.length;
    await expect.poll(sent, { timeout: 10_000, interval: 100 }).toBe(9);
    const audit = await db.pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'notification.sent' AND entity = 'complaint'`,
    );
    expect(audit.rows[0].n).toBe(9);
  });

  it('sends nothing more after a restart, after a leader change, or when the same event is queued again', async () => {
    const before = counts();
    // Restart: the only node stops and starts again; its watcher and sender run from scratch.
    await stopNode(nodes[0]!);
    await startNode();
    await wait(3500);
    expect(counts()).toEqual(before);
    // Leader change: a second node joins, the leader stops, the second takes over every leader loop.
    const old = nodes[0]!;
    await startNode();
    await stopNode(old);
    await wait(3500);
    expect(counts()).toEqual(before);
    // The same event written again (another watcher, a replay) queues nothing.
    const { rows } = await pool().query(
      `SELECT dedupe_key, facts FROM notification_outbox WHERE event = 'overdue' LIMIT 1`,
    );
    const key = String(rows[0].dedupe_key).split('|').slice(0, -2).join('|');
    const again = await enqueueNotification(pool(), {
      event: 'overdue',
      key,
      entity: 'complaint',
      entityId: String(rows[0].facts.caseId),
      opdId: OPD,
      levels: null,
      facts: rows[0].facts,
    });
    expect(again).toBe(0);
    await wait(2500);
    expect(counts()).toEqual(before);
  });

  it('holds the case during quiet hours, and the next working day’s digest carries it', async () => {
    const { rows } = await db.pool.query(
      `SELECT channel, status FROM notification_outbox WHERE user_id = $1 ORDER BY channel`,
      [ids.get('malam')],
    );
    expect(rows).toEqual([
      { channel: 'email', status: 'held' },
      { channel: 'telegram', status: 'held' },
      { channel: 'webhook', status: 'held' },
    ]);
    // The digest time (07:30 WITA by default) of the next working day.
    const node = nodes[0]!;
    const cal = await loadWorkingCalendar(node.pool, node.pack.code, node.pack.timeZone);
    let day = addDays(localDateOf(new Date(), cal.timeZone), 1);
    while (!isWorkingDay(cal, day)) day = addDays(day, 1);
    const at0730 = new Date(startOfLocalDay(day, cal.timeZone).getTime() + 7.5 * 3_600_000);
    expect(await queueDigests(node.pool, cal, at0730, '07:30')).toBe(3);
    // A second pass that day (or another node) queues no second digest.
    expect(await queueDigests(node.pool, cal, new Date(at0730.getTime() + 60_000), '07:30')).toBe(0);
    await expect.poll(() => mailsTo('malam').length, { timeout: 15_000, interval: 200 }).toBe(1);
    await expect.poll(() => hooksTo('malam').length + telegramsTo('malam').length, { timeout: 15_000 }).toBe(2);
    const digest = mailsTo('malam')[0]!;
    expect(digest.subject).toMatch(/^\[Pantau\] Ringkasan harian .*: 1 pemberitahuan$/);
    expect(digest.text).toContain(TRACKING);
    expect(JSON.parse(hooksTo('malam')[0]!.body)).toMatchObject({ type: 'digest', items: [{ trackingId: TRACKING }] });
    expect(telegramsTo('malam')[0]!.text).toContain(TRACKING);
    await wait(2500);
    expect(mailsTo('malam')).toHaveLength(1);
  });
});
