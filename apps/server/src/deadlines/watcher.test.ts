import { loadWorkingCalendar, seedProvincePack, verifyAuditChain } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestComplaintBatch, type ComplaintContext } from '../ingest/complaint-ingest.ts';
import { watchDeadlines } from './watcher.ts';

const pack = loadProvincePack('kalsel');
const wita = (s: string) => new Date(`${s}+08:00`);

describe('deadline watcher and escalation ladder', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const row = async (externalId: string) =>
    (
      await db.pool.query('SELECT status, deadline_state, escalation_level FROM complaint WHERE external_id = $1', [
        externalId,
      ])
    ).rows[0];

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'watcher' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => wita('2026-11-02T09:05:00') };
    // Submitted Monday 2 Nov 2026 09:00 WITA: verification due in 3 HK → Thursday 5 Nov, 23:59 WITA.
    const r = await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      {
        externalId: 'W1',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: '2026-11-02T09:00:00+08:00',
          trackingId: '2500001',
          channel: 'web',
          classification: 'pengaduan',
          title: 'Lampu jalan mati',
          body: 'x',
          regencyCode: '63.72',
        },
      },
    ]);
    expect(r[0]?.status).toBe('accepted');
  });
  afterAll(async () => db.drop());

  it('is on time on Tuesday, at risk on Wednesday (1 HK left)', async () => {
    await watchDeadlines(db.pool, ctx, wita('2026-11-03T10:00:00'));
    expect(await row('W1')).toMatchObject({ deadline_state: 'on_time', escalation_level: 0 });
    await watchDeadlines(db.pool, ctx, wita('2026-11-04T10:00:00'));
    expect(await row('W1')).toMatchObject({ deadline_state: 'at_risk', escalation_level: 0 });
  });

  it('goes overdue to the duty officer on Friday, to the head of OPD after 2 HK, to Diskominfo/Sekda after 5 HK', async () => {
    await watchDeadlines(db.pool, ctx, wita('2026-11-06T10:00:00')); // 1 HK late (6)
    expect(await row('W1')).toMatchObject({ deadline_state: 'overdue', escalation_level: 1 });
    await watchDeadlines(db.pool, ctx, wita('2026-11-08T10:00:00')); // Sunday: still 1 HK late
    expect(await row('W1')).toMatchObject({ escalation_level: 1 });
    await watchDeadlines(db.pool, ctx, wita('2026-11-09T10:00:00')); // 2 HK late (6, 9)
    expect(await row('W1')).toMatchObject({ escalation_level: 2 });
  });

  it('two watchers running at once raise the last step exactly once', async () => {
    const other = db.newPool(3);
    await Promise.all([
      watchDeadlines(db.pool, ctx, wita('2026-11-12T10:00:00')),
      watchDeadlines(other, ctx, wita('2026-11-12T10:00:00')),
    ]);
    expect(await row('W1')).toMatchObject({ escalation_level: 3 });
    const { rows } = await db.pool.query('SELECT level FROM escalation ORDER BY level');
    expect(rows.map((r) => r.level)).toEqual([1, 2, 3]);
    const audit = await db.pool.query(
      `SELECT details->>'level' AS level FROM audit_log WHERE action = 'escalation.raised' ORDER BY seq`,
    );
    expect(audit.rows.map((r) => r.level)).toEqual(['1', '2', '3']);
  });

  it('keeps a verifiable audit chain and names the first tampered entry', async () => {
    expect(await verifyAuditChain(db.pool)).toEqual({ ok: true, entries: 3 });
    await expect(db.pool.query(`UPDATE audit_log SET actor = 'someone' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    // A superuser could bypass the trigger; the chain still tells.
    await db.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.pool.query(`UPDATE audit_log SET details = jsonb_set(details, '{level}', '9') WHERE seq = 2`);
    await db.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('closes a followed-up complaint after 10 HK with no reply, as LAPOR does', async () => {
    await ingestComplaintBatch(db.pool, ctx, 'lapor', [
      {
        externalId: 'W2',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: '2026-11-02T09:00:00+08:00',
          trackingId: '2500002',
          channel: 'web',
          classification: 'pengaduan',
          title: 'Jalan rusak',
          body: 'x',
          regencyCode: '63.72',
        },
      },
      {
        externalId: 'W2',
        event: { type: 'verified', eventId: 'v', occurredAt: '2026-11-02T10:00:00+08:00', opdId: 'kalsel.pupr' },
      },
      { externalId: 'W2', event: { type: 'follow_up_posted', eventId: 'f', occurredAt: '2026-11-02T11:00:00+08:00' } },
    ]);
    await watchDeadlines(db.pool, ctx, wita('2026-11-16T10:00:00')); // day 10 is Monday 16 Nov: not yet
    expect(await row('W2')).toMatchObject({ status: 'ditindaklanjuti' });
    await watchDeadlines(db.pool, ctx, wita('2026-11-17T10:00:00'));
    expect(await row('W2')).toMatchObject({ status: 'selesai' });
  });
});

describe('deadline watcher over a large backlog', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const submitted = (externalId: string, occurredAt: string) => ({
    externalId,
    event: {
      type: 'submitted',
      eventId: 's',
      occurredAt,
      trackingId: externalId.replace(/\D/g, ''),
      channel: 'web',
      classification: 'pengaduan',
      title: 'Aduan',
      body: 'x',
    },
  });

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'watchbacklog' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => wita('2026-10-01T09:05:00') };
  });
  afterAll(async () => db.drop());

  it('still reaches complaints due soon when more than a page of old ones sit at the top of the ladder', async () => {
    // Five complaints from early October are long overdue and climb to the top of the ladder.
    await ingestComplaintBatch(
      db.pool,
      ctx,
      'lapor',
      [1, 2, 3, 4, 5].map((i) => submitted(`OLD${i}`, '2026-10-01T09:00:00+08:00')),
    );
    await watchDeadlines(db.pool, ctx, wita('2026-11-02T10:00:00'), { pageSize: 2 });
    const old = await db.pool.query(`SELECT DISTINCT escalation_level FROM complaint WHERE external_id LIKE 'OLD%'`);
    expect(old.rows).toEqual([{ escalation_level: 3 }]);
    // Three fresh ones, submitted Monday 2 Nov, are due Thursday 5 Nov: at risk on Wednesday.
    await ingestComplaintBatch(
      db.pool,
      ctx,
      'lapor',
      [1, 2, 3].map((i) => submitted(`NEW${i}`, '2026-11-02T09:00:00+08:00')),
    );
    const r = await watchDeadlines(db.pool, ctx, wita('2026-11-04T10:00:00'), { pageSize: 2 });
    expect(r.stateChanges).toBe(3);
    const fresh = await db.pool.query(`SELECT DISTINCT deadline_state FROM complaint WHERE external_id LIKE 'NEW%'`);
    expect(fresh.rows).toEqual([{ deadline_state: 'at_risk' }]);
    // Nothing left to do: a second pass changes nothing and raises nothing.
    expect(await watchDeadlines(db.pool, ctx, wita('2026-11-04T10:00:00'), { pageSize: 2 })).toEqual({
      stateChanges: 0,
      escalations: 0,
      autoClosed: 0,
    });
  });
});
