import path from 'node:path';
import { loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintContext } from './complaint-ingest.ts';
import { importComplaintCsv } from './csv-import.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/lapor-export.csv');

describe('CSV import of a LAPOR export', () => {
  let db: TestDatabase;
  let ctx: ComplaintContext;
  const pack = loadProvincePack('kalsel');
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'csv' });
    await seedProvincePack(db.pool, pack);
    const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar, now: () => new Date('2026-10-10T12:00:00+08:00') };
  });
  afterAll(async () => db.drop());

  it('imports the good rows with their lifecycle and reports each bad row with its line and field', async () => {
    const progress: number[] = [];
    const summary = await importComplaintCsv(db.pool, ctx, FIXTURE, { onProgress: (done) => progress.push(done) });
    expect(summary.rows).toBe(8);
    expect(progress.at(-1)).toBe(8);
    expect(summary.accepted).toBe(4 + 2 + 2); // 3100001: 4 events, 3100002: 2, 3100003: submitted + its LAPOR label
    expect(summary.rejected).toEqual([
      { line: 5, field: 'Tanggal Lapor', message: 'not a date: "2026-02-31 09:00"' },
      { line: 6, field: 'Instansi', message: 'unknown OPD kalsel.tidak-ada' },
      { line: 7, field: 'row', message: 'expected 15 columns' },
      { line: 8, field: 'Tracking ID', message: 'expected digits' },
      { line: 9, field: 'Kanal', message: 'unknown channel "Merpati"' },
    ]);
    const { rows } = await db.pool.query(
      'SELECT tracking_id, status, channel, is_anonim, is_rahasia, opd_id FROM complaint ORDER BY tracking_id',
    );
    expect(rows).toEqual([
      {
        tracking_id: '3100001',
        status: 'selesai',
        channel: 'web',
        is_anonim: false,
        is_rahasia: false,
        opd_id: 'kalsel.pupr',
      },
      {
        tracking_id: '3100002',
        status: 'terverifikasi_didisposisi',
        channel: 'sms1708',
        is_anonim: true,
        is_rahasia: false,
        opd_id: 'kalsel.disdikbud',
      },
      {
        tracking_id: '3100003',
        status: 'belum_diverifikasi',
        channel: 'app',
        is_anonim: false,
        is_rahasia: true,
        opd_id: null,
      },
    ]);
    // Times without an offset are read in the province's zone (WITA).
    const submitted = await db.pool.query(`SELECT submitted_at FROM complaint WHERE tracking_id = '3100001'`);
    expect(submitted.rows[0].submitted_at.toISOString()).toBe('2026-10-01T01:00:00.000Z');
  });

  it('resumes after its checkpoint, and a full rerun changes nothing', async () => {
    const again = await importComplaintCsv(db.pool, ctx, FIXTURE);
    expect(again.skippedBeforeCheckpoint).toBe(8);
    expect(again.accepted).toBe(0);
    await db.pool.query('DELETE FROM import_checkpoint');
    const rerun = await importComplaintCsv(db.pool, ctx, FIXTURE);
    expect(rerun.accepted).toBe(0);
    expect(rerun.duplicate).toBe(8);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM complaint_event');
    expect(rows[0].n).toBe(8);
  });
});
