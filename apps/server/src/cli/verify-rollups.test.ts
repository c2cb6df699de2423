import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchDeadlines } from '../deadlines/watcher.ts';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';

const pack = loadProvincePack('kalsel');

describe('verify-rollups CLI', () => {
  let db: TestDatabase;
  const cli = () =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'verify-rollups.ts')], {
      env: { ...process.env, DATABASE_URL: urlWithSchema(db.url, db.schema), PANTAU_PROVINCE: 'kalsel' },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

  beforeAll(async () => {
    db = await createTestDatabase({ label: 'verifycli' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    const ctx = { pack, calendar: () => calendar, now: () => new Date('2026-11-02T01:05:00Z') };
    await ingestComplaintBatch(
      db.pool,
      ctx,
      'lapor',
      Array.from({ length: 30 }, (_, i) => ({
        externalId: `V${i}`,
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: '2026-11-02T01:00:00Z',
          trackingId: `${i}`,
          channel: 'web',
          classification: 'pengaduan',
          title: 'Aduan',
          body: 'x',
          regencyCode: '63.72',
        },
      })),
    );
    await watchDeadlines(db.pool, ctx, new Date('2026-11-12T02:00:00Z'));
  });
  afterAll(async () => db.drop());

  it('exits 0 when the rollups, stock and ladder hold, and 1 naming what differs once they do not', async () => {
    expect(await cli()).toMatchObject({ code: 0, stdout: expect.stringMatching(/complaints folded: 30\n.*hold/) });
    await db.pool.query(`UPDATE complaint SET escalation_level = 1 WHERE external_id = 'V0'`);
    await db.pool.query(
      `UPDATE complaint_stock SET n = n + 1 WHERE scope = 'province' AND dim = 'total' AND deadline_state = 'overdue'`,
    );
    const broken = await cli();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/DIFFERS complaint_stock province\|total\|\|belum_diverifikasi\|overdue\|true/);
    expect(broken.stdout).toMatch(
      /ESCALATION complaint \d+ level 1 .*escalation_level 1 but the ladder for its deadline reached 3/,
    );
  });
});
