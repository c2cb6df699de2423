import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchPpidDeadlines } from './ppid-deadline-watcher.ts';
import { ingestPpidBatch, type PpidContext } from '../ingest/ppid-ingest.ts';

const pack = loadProvincePack('kalteng');
const opd = pack.opds.find((o) => o.shortName === 'Dinkes')!;

describe('PPID deadline watcher', () => {
  let db: TestDatabase;
  let ctx: PpidContext;
  let clock = new Date('2025-03-03T10:00:00+07:00');

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'ppidwatch' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => clock };
    await ingestPpidBatch(db.pool, ctx, 'portal', [
      {
        kind: 'request',
        externalId: 'W1',
        event: {
          type: 'received',
          eventId: 'r',
          occurredAt: '2025-03-03T09:00:00+07:00',
          regNo: 'W/1',
          ppidLevel: 'pembantu',
          opdId: opd.id,
          channel: 'langsung',
          requesterType: 'lsm',
          subject: 'Anggaran program stunting',
          format: 'hardcopy',
        },
      },
    ]);
  });
  afterAll(async () => db.drop());

  const row = async () => (await db.pool.query('SELECT deadline_state, escalation_level FROM ppid_request')).rows[0];

  it('moves a request to at risk, then overdue, and up the escalation ladder with an audit entry', async () => {
    // Received Mon 3 Mar 2025, due Mon 17 Mar (10 HK).
    expect(await row()).toEqual({ deadline_state: 'on_time', escalation_level: 0 });
    clock = new Date('2025-03-13T10:00:00+07:00'); // 14, 17: 2 HK left
    expect(await watchPpidDeadlines(db.pool, ctx, clock)).toEqual({ stateChanges: 1, escalations: 0 });
    expect(await row()).toEqual({ deadline_state: 'at_risk', escalation_level: 0 });
    clock = new Date('2025-03-19T10:00:00+07:00'); // 18, 19 past the due date: 2 HK late
    expect(await watchPpidDeadlines(db.pool, ctx, clock)).toEqual({ stateChanges: 1, escalations: 2 });
    expect(await row()).toEqual({ deadline_state: 'overdue', escalation_level: 2 });
    expect(await watchPpidDeadlines(db.pool, ctx, clock)).toEqual({ stateChanges: 0, escalations: 0 });
    const audit = await db.pool.query(`SELECT action, entity, details->>'level' AS level FROM audit_log ORDER BY seq`);
    expect(audit.rows).toEqual([
      { action: 'escalation.raised', entity: 'ppid_request', level: '1' },
      { action: 'escalation.raised', entity: 'ppid_request', level: '2' },
    ]);
  });

  it('a decision stops the clock and the ladder', async () => {
    await ingestPpidBatch(db.pool, ctx, 'portal', [
      {
        kind: 'request',
        externalId: 'W1',
        event: { type: 'decided', eventId: 'd', occurredAt: '2025-03-20T09:00:00+07:00', decision: 'dipenuhi' },
      },
    ]);
    expect(await row()).toEqual({ deadline_state: 'none', escalation_level: 0 });
    expect(await watchPpidDeadlines(db.pool, ctx, new Date('2025-04-30T10:00:00+07:00'))).toEqual({
      stateChanges: 0,
      escalations: 0,
    });
  });
});
