import { annotationsFor, publicAnnotationsFor } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotateSourceOutages } from './source-outages.ts';

const pack = loadProvincePack('kalteng');
const HOUR = 3_600_000;

describe('source outages annotate the trends by themselves', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ label: 'outagenote' });
    await addSource('lapor-kalteng', 'LAPOR! Kalteng', null);
  });
  afterAll(async () => db.drop());

  const addSource = (id: string, label: string, lastDeliveryAt: Date | null) =>
    db.pool.query(
      `INSERT INTO source (id, stream, label, freshness_target_seconds, last_delivery_at)
       VALUES ($1, 'complaints', $2, 3600, $3)`,
      [id, label, lastDeliveryAt],
    );
  const outages = async () =>
    (await annotationsFor(db.pool, 'province', new Date(0))).filter((a) => a.createdBy === 'system');
  const outboxTopics = async () =>
    (await db.pool.query<{ topic: string }>('SELECT DISTINCT topic FROM live_outbox')).rows.map((r) => r.topic);

  it('marks a source silent past its target from its last delivery, once, on every trend, and closes it when data returns', async () => {
    const now = new Date();
    const last = new Date(now.getTime() - 3 * HOUR);
    await db.pool.query('UPDATE source SET last_delivery_at = $1 WHERE id = $2', [last, 'lapor-kalteng']);
    await db.pool.query('DELETE FROM live_outbox');

    expect(await annotateSourceOutages(db.pool, pack, now)).toEqual({ opened: 1, closed: 0 });
    const opened = await outages();
    expect(opened).toHaveLength(1);
    let a = opened[0];
    expect(a!.scope).toBe('province');
    expect(a!.startsAt.getTime()).toBe(last.getTime());
    expect(a!.endsAt).toBeNull();
    expect(a!.text).toBe('Sumber data terputus: LAPOR! Kalteng');
    // The province's annotation shows on every OPD's and kabupaten/kota's trend: all their topics move.
    expect(await outboxTopics()).toEqual(
      expect.arrayContaining(['province', `opd:${pack.opds[3]!.id}`, `regency:${pack.regencies[2]!.code}`]),
    );

    // Still silent: nothing new.
    expect(await annotateSourceOutages(db.pool, pack, new Date(now.getTime() + HOUR))).toEqual({
      opened: 0,
      closed: 0,
    });

    // Data returns: the outage ends at the first delivery after it.
    const back = new Date(now.getTime() + 2 * HOUR);
    await db.pool.query('UPDATE source SET last_delivery_at = $1 WHERE id = $2', [back, 'lapor-kalteng']);
    expect(await annotateSourceOutages(db.pool, pack, new Date(back.getTime() + 60_000))).toEqual({
      opened: 0,
      closed: 1,
    });
    a = (await outages())[0];
    expect(a!.endsAt?.getTime()).toBe(back.getTime());

    // A second silence is a second outage, not a reopening of the first.
    await annotateSourceOutages(db.pool, pack, new Date(back.getTime() + 2 * HOUR));
    expect((await outages()).map((o) => o.startsAt.getTime())).toEqual([last.getTime(), back.getTime()]);
  });

  it('leaves a source that never delivered, or is within its target, unannotated', async () => {
    await addSource('sms-1708', 'SMS 1708', null);
    await addSource('web-form', 'Formulir web', new Date());
    await annotateSourceOutages(db.pool, pack, new Date());
    expect((await outages()).map((o) => o.text)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/SMS 1708|Formulir web/)]),
    );
  });

  it('puts a complaint source’s outage on the public trend, and keeps a social or PPID source’s inside', async () => {
    const silent = new Date(Date.now() - 5 * HOUR);
    await db.pool.query(
      `INSERT INTO source (id, stream, label, freshness_target_seconds, last_delivery_at)
       VALUES ('ig-kalteng', 'social', 'Instagram Pemprov', 3600, $1), ('ppid-kalteng', 'ppid', 'PPID Utama', 3600, $1)`,
      [silent],
    );
    await db.pool.query('UPDATE source SET last_delivery_at = $1 WHERE id = $2', [silent, 'lapor-kalteng']);
    await annotateSourceOutages(db.pool, pack, new Date());
    const shown = await publicAnnotationsFor(db.pool, 'province', new Date(silent.getTime() - HOUR), new Date());
    expect(shown.map((a) => a.text)).toContain('Sumber data terputus: LAPOR! Kalteng');
    expect(shown.map((a) => a.text)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/Instagram Pemprov|PPID Utama/)]),
    );
    // Inside Pantau every outage is on the trends.
    expect((await outages()).map((o) => o.text)).toEqual(
      expect.arrayContaining(['Sumber data terputus: Instagram Pemprov', 'Sumber data terputus: PPID Utama']),
    );
  });
});
