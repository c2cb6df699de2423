import { randomUUID } from 'node:crypto';
import type { NotificationSubscriptionBody } from '@pantau/contracts';
import { insertUser, loadWorkingCalendar, saveNotificationSubscription, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchDeadlines } from '../deadlines/watcher.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { ingestPpidBatch } from '../ingest/ppid-ingest.ts';
import { notifyStaleSources } from './events.ts';

const pack = loadProvincePack('kalsel');
const PUPR = 'kalsel.pupr';
const wita = (s: string) => new Date(`${s}+08:00`);

// Which events queue which messages, for whom: the ladder levels, the OPDs, the PPID decision, stale
// sources — always in the transaction that records the event, and once.
describe('notification events and their recipients', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const ids: Record<string, string> = {};
  const person = async (
    name: string,
    role: 'duty_officer' | 'opd_admin' | 'viewer',
    opd: string | null,
    s: Partial<NotificationSubscriptionBody>,
  ) => {
    ids[name] = randomUUID();
    await insertUser(db.pool, {
      id: ids[name],
      username: name,
      displayName: name,
      passwordHash: 'x',
      role,
      opdId: opd,
      mustChangePassword: false,
    });
    await saveNotificationSubscription(
      db.pool,
      ids[name],
      {
        enabled: true,
        locale: 'id',
        channels: ['telegram'],
        email: null,
        webhookUrl: null,
        telegramChatId: '1',
        events: [],
        opdIds: [],
        levels: [],
        quietHours: null,
        mode: 'immediate',
        ...s,
      },
      { by: 'test', newSecret: 's', rotate: true },
    );
  };
  const queued = async (event: string) =>
    (
      await db.pool.query(
        `SELECT u.username, o.facts FROM notification_outbox o JOIN app_user u ON u.id = o.user_id
         WHERE o.event = $1 ORDER BY u.username, o.id`,
        [event],
      )
    ).rows as Array<{ username: string; facts: Record<string, unknown> }>;

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'notifyevents' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => wita('2026-11-02T09:05:00') };
    await person('piket', 'duty_officer', null, { events: ['at_risk', 'overdue', 'escalated'], levels: [1] });
    await person('kepala', 'viewer', null, { events: ['escalated'], levels: [2] });
    await person('opdpupr', 'opd_admin', PUPR, { events: ['at_risk', 'overdue', 'escalated'] });
    await person('opddinkes', 'opd_admin', 'kalsel.dinkes', { events: ['at_risk', 'overdue', 'escalated'] });
    await person('ppid', 'duty_officer', null, { events: ['ppid_decision_near'] });
    await person('data', 'duty_officer', null, { events: ['source_stale'] });
    await person('cuti', 'duty_officer', null, { events: ['overdue', 'escalated'] });
    await db.pool.query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [ids.cuti]);
  });
  afterAll(async () => db.drop());

  it('an at-risk and an overdue crossing go to subscribers of the event and the OPD, once each', async () => {
    await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      {
        externalId: 'E1',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: '2026-11-02T09:00:00+08:00',
          trackingId: '2600001',
          channel: 'web',
          classification: 'pengaduan',
          title: 'Lampu jalan mati',
          body: 'x',
          regencyCode: '63.72',
          opdId: PUPR,
        },
      },
    ]);
    await watchDeadlines(db.pool, ctx, wita('2026-11-04T10:00:00')); // 1 HK left: at risk
    await watchDeadlines(db.pool, ctx, wita('2026-11-04T11:00:00'));
    expect((await queued('at_risk')).map((r) => r.username)).toEqual(['opdpupr', 'piket']);
    await watchDeadlines(db.pool, ctx, wita('2026-11-06T10:00:00')); // overdue, level 1
    expect((await queued('overdue')).map((r) => r.username)).toEqual(['opdpupr', 'piket']);
    const [facts] = (await queued('overdue')).map((r) => r.facts);
    expect(facts).toMatchObject({
      event: 'overdue',
      caseKind: 'complaint',
      trackingId: '2600001',
      opdId: PUPR,
      opdName: 'PUPR',
      deadlineAt: '2026-11-05T15:59:59.999Z',
      path: '/console?q=2600001',
    });
  });

  it('each escalation goes to the subscribers of its level, with the level’s name', async () => {
    expect((await queued('escalated')).map((r) => `${r.username}:${String(r.facts.level)}`)).toEqual([
      'opdpupr:1',
      'piket:1',
    ]);
    await watchDeadlines(db.pool, ctx, wita('2026-11-09T10:00:00')); // 2 HK late: level 2
    const l2 = (await queued('escalated')).filter((r) => r.facts.level === 2);
    expect(l2.map((r) => r.username)).toEqual(['kepala', 'opdpupr']);
    expect(l2[0]!.facts.levelLabel).toEqual({ id: 'Kepala bidang / kepala OPD', en: 'Head of unit / OPD' });
    // Running the watcher again (another node, a restart) queues nothing new.
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM notification_outbox')).rows[0].n;
    await watchDeadlines(db.pool, ctx, wita('2026-11-09T10:05:00'));
    expect((await db.pool.query('SELECT count(*)::int AS n FROM notification_outbox')).rows[0].n).toBe(before);
  });

  it('a PPID request nearing its 10-HK decision is its own event', async () => {
    await ingestPpidBatch(db.pool, { pack, calendar: ctx.calendar, now: () => wita('2026-11-12T10:00:00') }, 'ppid', [
      {
        kind: 'request',
        externalId: 'P1',
        event: {
          type: 'received',
          eventId: 'r',
          occurredAt: '2026-11-02T09:00:00+08:00',
          regNo: 'REG/2026/001',
          ppidLevel: 'pembantu',
          opdId: PUPR,
          channel: 'email',
          requesterType: 'mahasiswa',
          subject: 'Data jalan',
          format: 'softcopy',
          requester: { name: 'Pemohon Rahasia', address: 'Jl. Rahasia' },
        },
      },
    ]);
    const rows = await queued('ppid_decision_near');
    expect(rows.map((r) => r.username)).toEqual(['ppid']);
    expect(rows[0]!.facts).toMatchObject({
      caseKind: 'ppid_request',
      trackingId: 'REG/2026/001',
      path: '/console?q=REG%2F2026%2F001',
    });
    expect(JSON.stringify(rows)).not.toMatch(/Pemohon|Rahasia|Data jalan/);
  });

  it('a stale source is reported once per silence, and again after it reported and fell silent anew', async () => {
    await db.pool.query(
      `INSERT INTO source (id, stream, label, freshness_target_seconds, last_delivery_at)
       VALUES ('lapor-x', 'complaints', 'SP4N-LAPOR!', 900, now() - interval '2 hours')`,
    );
    expect(await notifyStaleSources(db.pool, new Date())).toBe(1);
    expect(await notifyStaleSources(db.pool, new Date())).toBe(0);
    await db.pool.query(`UPDATE source SET last_delivery_at = now() - interval '1 hour' WHERE id = 'lapor-x'`);
    expect(await notifyStaleSources(db.pool, new Date())).toBe(1);
    expect((await queued('source_stale')).map((r) => r.username)).toEqual(['data', 'data']);
    expect((await queued('source_stale'))[0]!.facts).toMatchObject({ sourceId: 'lapor-x', path: '/console/sources' });
  });

  it('never queues for a disabled account or an OPD admin of another OPD', async () => {
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE user_id = ANY ($1::text[])`,
      [[ids.cuti, ids.opddinkes]],
    );
    expect(rows[0].n).toBe(0);
  });
});
