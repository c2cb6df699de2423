import { issueServiceToken, loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { createLogger } from '../logger.ts';

const pack = loadProvincePack('kalsel');

describe('complaint rules per province', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  const call = (who: string, method = 'GET', body?: unknown) =>
    app.request('/api/complaints/settings', {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const deadline = async (externalId: string) =>
    (
      await db.pool.query('SELECT deadline_at FROM complaint WHERE external_id = $1', [externalId])
    ).rows[0].deadline_at.toISOString();

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'settings' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => new Date('2026-11-02T12:00:00+08:00') };
    app = createApp({ pool: db.pool, pack, logger: createLogger('silent'), webDist: '/nonexistent', complaints: ctx });
    tokens.admin = await issueServiceToken(db.pool, 'admin', 'Admin', 'admin');
    tokens.duty = await issueServiceToken(db.pool, 'duty', 'Piket', 'duty_officer');
    tokens.viewer = await issueServiceToken(db.pool, 'viewer', 'Pimpinan', 'viewer');
    // Monday 2 Nov 2026: verification due in 3 HK → Thursday 5 Nov.
    await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      {
        externalId: 'S1',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: '2026-11-02T09:00:00+08:00',
          trackingId: '4100001',
          channel: 'web',
          classification: 'pengaduan',
          title: 'Aduan',
          body: 'x',
        },
      },
    ]);
  });
  afterAll(async () => db.drop());

  it('shows the domain defaults to anyone signed in while the province overrides nothing', async () => {
    const body = await (await call('viewer')).json();
    expect(body.rules).toMatchObject({ verifyDispatchHK: 3, opdFollowUpHK: 5, autoCloseHK: 10, atRiskHK: 1 });
    expect(body.ladder.map((s: { afterOverdueHK: number }) => s.afterOverdueHK)).toEqual([0, 2, 5]);
    expect(body.labels.dipending).toBe('ditunda');
    expect(body.warnings).toEqual([]);
  });

  it('only an admin replaces the rules, and a ladder out of order is refused naming the field', async () => {
    expect((await call('duty', 'PUT', { rules: { verifyDispatchHK: 5 } })).status).toBe(403);
    const bad = await call('admin', 'PUT', {
      ladder: [
        { level: 1, role: 'piket', afterOverdueHK: 0, label: { id: 'Piket', en: 'Duty' } },
        { level: 3, role: 'sekda', afterOverdueHK: 5, label: { id: 'Sekda', en: 'Sekda' } },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('ladder');
    expect((await call('admin', 'PUT', { rules: { verifyDispatchHK: 0 } })).status).toBe(400);
    expect((await call('admin', 'PUT', { rules: { noSuchRule: 1 } })).status).toBe(400);
    expect(await deadline('S1')).toBe('2026-11-05T15:59:59.999Z');
  });

  it('previews a change: says how many open deadlines would move and writes nothing', async () => {
    const res = await app.request('/api/complaints/settings?preview=true', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
      body: JSON.stringify({ rules: { verifyDispatchHK: 5 } }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ preview: true, deadlinesMoving: 1, rules: { verifyDispatchHK: 5 } });
    expect(await deadline('S1')).toBe('2026-11-05T15:59:59.999Z');
    expect(ctx.rules?.verifyDispatchHK ?? 3).toBe(3);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(0);
    expect((await (await call('duty')).json()).rules.verifyDispatchHK).toBe(3);
  });

  it('a longer verification window moves open deadlines, is audited, and new events follow the new label map', async () => {
    const res = await call('admin', 'PUT', {
      rules: { verifyDispatchHK: 5 },
      labels: { 'Menunggu Tanggapan': 'ditindaklanjuti' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ deadlinesMoved: 1, rules: { verifyDispatchHK: 5, opdFollowUpHK: 5 } });
    expect(await deadline('S1')).toBe('2026-11-09T15:59:59.999Z'); // 3, 4, 5, 6, 9 Nov
    const audit = await db.pool.query(`SELECT actor, action FROM audit_log ORDER BY seq`);
    expect(audit.rows).toEqual([{ actor: 'user:admin', action: 'complaint_settings.replaced' }]);
    const r = await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      {
        externalId: 'S1',
        event: { type: 'verified', eventId: 'v', occurredAt: '2026-11-03T09:00:00+08:00', opdId: 'kalsel.pupr' },
      },
      {
        externalId: 'S1',
        event: {
          type: 'status_label',
          eventId: 'l',
          occurredAt: '2026-11-04T09:00:00+08:00',
          label: 'menunggu tanggapan',
        },
      },
    ]);
    expect(r.map((x) => x.status)).toEqual(['accepted', 'accepted']);
    const { rows } = await db.pool.query(`SELECT status FROM complaint WHERE external_id = 'S1'`);
    expect(rows).toEqual([{ status: 'ditindaklanjuti' }]);
  });

  it('falls back to the defaults, with a warning, when the stored rules no longer parse', async () => {
    await db.pool.query(`UPDATE complaint_settings SET rules = '{"verifyDispatchHK": "tiga"}'`);
    const body = await (await call('viewer')).json();
    expect(body.rules.verifyDispatchHK).toBe(3);
    expect(body.warnings).toHaveLength(1);
  });
});
