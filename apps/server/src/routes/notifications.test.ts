import { enqueueNotification, insertUser, recordNotificationAttempt, claimDueNotifications } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, opdA, opdB, type ConsoleFixture } from '../testing/console-fixture.ts';

const body = {
  enabled: true,
  locale: 'id',
  channels: ['email', 'telegram'],
  email: 'piket@pemprov.example',
  webhookUrl: null,
  telegramChatId: '-1001234567',
  events: ['overdue', 'escalated', 'acknowledged'],
  opdIds: [],
  levels: [1, 2],
  quietHours: { start: '22:00', end: '06:00' },
  mode: 'immediate',
};

describe('notification subscriptions and the delivery log over HTTP', () => {
  let f: ConsoleFixture;
  beforeAll(async () => {
    f = await createConsoleFixture('notifyroutes');
    // People behind the fixture's tokens (a token's principal id is its id).
    for (const [id, role, opd] of [
      ['adm', 'admin', null],
      ['duty', 'duty_officer', null],
      ['opda', 'opd_admin', opdA],
      ['viewer', 'viewer', null],
    ] as const)
      await insertUser(f.db.pool, {
        id,
        username: `u-${id}`,
        displayName: `Uji ${id}`,
        passwordHash: 'x',
        role,
        opdId: opd,
        mustChangePassword: false,
      });
  });
  afterAll(async () => f.db.drop());

  it('shows a person who never chose anything a switched-off subscription and the province’s ladder', async () => {
    const res = await f.call('duty', 'GET', '/api/notifications/subscription');
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.subscription).toMatchObject({ userId: 'duty', enabled: false, channels: [], locale: 'id' });
    expect(r.ladder.map((l: { level: number }) => l.level)).toEqual([1, 2, 3]);
    expect(r.ladder[0].label.id).toBe('Petugas piket');
  });

  it('saves a duty officer’s own channels, levels and quiet hours, and issues a webhook secret once', async () => {
    const res = await f.call('duty', 'PUT', '/api/notifications/subscription', body);
    expect(res.status).toBe(200);
    const { subscription } = await res.json();
    expect(subscription).toMatchObject({ ...body, userId: 'duty' });
    expect(subscription.webhookSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const again = await (
      await f.call('duty', 'PUT', '/api/notifications/subscription', { ...body, locale: 'en' })
    ).json();
    expect(again.subscription.webhookSecret).toBe(subscription.webhookSecret);
    expect(again.subscription.locale).toBe('en');
    const rotated = await (
      await f.call('duty', 'PUT', '/api/notifications/subscription', { ...body, rotateWebhookSecret: true })
    ).json();
    expect(rotated.subscription.webhookSecret).not.toBe(subscription.webhookSecret);
  });

  it('names the field when a channel has no address or the quiet hours are empty', async () => {
    const noMail = await f.call('duty', 'PUT', '/api/notifications/subscription', { ...body, email: null });
    expect(noMail.status).toBe(400);
    expect((await noMail.json()).error).toEqual({ field: 'email', message: 'channel email needs its address' });
    const empty = await f.call('duty', 'PUT', '/api/notifications/subscription', {
      ...body,
      quietHours: { start: '22:00', end: '22:00' },
    });
    expect((await empty.json()).error.field).toBe('quietHours.end');
    const badChat = await f.call('duty', 'PUT', '/api/notifications/subscription', { ...body, telegramChatId: 'x y' });
    expect((await badChat.json()).error.field).toBe('telegramChatId');
  });

  it('keeps an OPD admin to its own OPD', async () => {
    const other = await f.call('opdA', 'PUT', '/api/notifications/subscription', { ...body, opdIds: [opdB] });
    expect(other.status).toBe(400);
    expect((await other.json()).error.field).toBe('opdIds');
    const own = await f.call('opdA', 'PUT', '/api/notifications/subscription', { ...body, opdIds: [opdA] });
    expect(own.status).toBe(200);
  });

  it('lets only an admin list subscriptions, set someone’s, and read the delivery log', async () => {
    for (const path of ['/api/notifications/subscriptions', '/api/notifications/deliveries'])
      expect((await f.call('duty', 'GET', path)).status).toBe(403);
    expect((await f.call('duty', 'PUT', '/api/notifications/subscriptions/viewer', body)).status).toBe(403);
    const set = await f.call('admin', 'PUT', '/api/notifications/subscriptions/viewer', { ...body, levels: [3] });
    expect(set.status).toBe(200);
    const list = await (await f.call('admin', 'GET', '/api/notifications/subscriptions')).json();
    expect(list.subscriptions.map((s: { userId: string }) => s.userId).sort()).toEqual(['duty', 'opda', 'viewer']);
  });

  it('an acknowledgement tells those the ladder reached at and below its level, not the one who acknowledged', async () => {
    const id = f.complaint['7100001']!;
    await f.db.pool.query(
      `INSERT INTO escalation (complaint_id, level, deadline_at) SELECT id, 1, deadline_at FROM complaint WHERE id = $1`,
      [id],
    );
    await f.db.pool.query(`UPDATE complaint SET escalation_level = 1 WHERE id = $1`, [id]);
    const detail = await (await f.call('admin', 'GET', `/api/complaints/${id}`)).json();
    const ack = await f.call('admin', 'POST', `/api/complaints/${id}/actions`, {
      action: 'acknowledge',
      expectedVersion: detail.version,
      expectedRevision: detail.revision,
      reason: 'sudah ditangani',
    });
    expect(ack.status).toBe(200);
    const { rows } = await f.db.pool.query(
      `SELECT user_id, channel, facts FROM notification_outbox WHERE event = 'acknowledged' ORDER BY user_id, channel`,
    );
    // duty (levels 1–2) and opda (its OPD, levels 1–2) hear it; viewer subscribed to level 3 only does not.
    expect(rows.map((r) => `${r.user_id}:${r.channel}`)).toEqual([
      'duty:email',
      'duty:telegram',
      'opda:email',
      'opda:telegram',
    ]);
    expect(rows[0].facts).toMatchObject({ event: 'acknowledged', trackingId: '7100001', level: 1, opdId: opdA });
    expect(JSON.stringify(rows)).not.toMatch(/MARKER/);
  });

  it('shows admins every message with each attempt, newest first, filtered by status or tracking id', async () => {
    await enqueueNotification(f.db.pool, {
      event: 'overdue',
      key: 'test|1',
      entity: 'complaint',
      entityId: '1',
      opdId: opdA,
      levels: null,
      facts: {
        event: 'overdue',
        caseKind: 'complaint',
        caseId: 1,
        trackingId: '7100003',
        opdId: opdA,
        opdName: 'A',
        deadlineAt: null,
        level: null,
        levelLabel: null,
        sourceId: null,
        sourceLabel: null,
        lastDeliveryAt: null,
        path: '/console?q=7100003',
        occurredAt: new Date().toISOString(),
      },
    });
    const claimed = await claimDueNotifications(f.db.pool, new Date(Date.now() + 1000), {
      limit: 100,
      leaseMs: 60_000,
    });
    for (const c of claimed)
      await recordNotificationAttempt(f.db.pool, c.id, c.attempts, {
        ok: false,
        detail: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1',
        retryAt: new Date(Date.now() + 30_000),
      });
    const res = await f.call('admin', 'GET', '/api/notifications/deliveries?q=7100003');
    expect(res.status).toBe(200);
    const { deliveries } = await res.json();
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries[0]).toMatchObject({
      trackingId: '7100003',
      status: 'pending',
      attempts: 1,
      lastError: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1',
      log: [{ attempt: 1, ok: false, detail: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1' }],
    });
    const bad = await f.call('admin', 'GET', '/api/notifications/deliveries?status=nope');
    expect((await bad.json()).error.field).toBe('status');
  });

  it('a token with no console account has no subscription to save', async () => {
    const { issueServiceToken } = await import('@pantau/db');
    const token = await issueServiceToken(f.db.pool, 'script', 'Skrip', 'duty_officer');
    const res = await f.app.request('/api/notifications/subscription', {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(422);
  });
});
