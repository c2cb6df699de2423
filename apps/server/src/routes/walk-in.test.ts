import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, opdA, opdB, type ConsoleFixture } from '../testing/console-fixture.ts';

describe('walk-in and phone complaints', () => {
  let f: ConsoleFixture;
  beforeAll(async () => {
    f = await createConsoleFixture('walkin');
  });
  afterAll(async () => f.db.drop());

  const entry = {
    channel: 'telepon',
    classification: 'pengaduan',
    title: 'Lampu jalan mati di Jl. Tjilik Riwut',
    body: 'Sudah seminggu lampu jalan mati, rawan kecelakaan.',
    topic: 'Infrastruktur Jalan',
    regencyCode: '62.71',
    opdId: opdA,
    reporter: { name: 'Ibu Sari', contact: '081234567890' },
  };

  it('records a phone complaint under a Pantau tracking id, dispatched to the OPD chosen, on the worklist source path', async () => {
    const res = await f.call('duty', 'POST', '/api/complaints/walk-in', entry);
    expect(res.status).toBe(201);
    const { id, trackingId } = await res.json();
    expect(trackingId).toMatch(/^9\d{11}$/);
    const detail = await (await f.call('duty', 'GET', `/api/complaints/${id}`)).json();
    expect(detail).toMatchObject({ trackingId, status: 'terverifikasi_didisposisi', opdId: opdA, channel: 'telepon' });
    // The deadline runs at once, like any dispatched complaint.
    expect(detail.deadline).toBeTruthy();
    const audit = await f.db.pool.query(`SELECT actor, details FROM audit_log WHERE action = 'complaint.walk_in'`);
    expect(audit.rows).toEqual([{ actor: 'user:duty', details: { trackingId, channel: 'telepon', opdId: opdA } }]);
    // A second one gets the next id.
    const again = await (
      await f.call('duty', 'POST', '/api/complaints/walk-in', { ...entry, channel: 'tatap_muka' })
    ).json();
    expect(Number(again.trackingId)).toBe(Number(trackingId) + 1);
  });

  it('validates like ingest, naming the field, and writes nothing', async () => {
    const before = await f.fingerprint();
    for (const [body, field] of [
      [{ ...entry, title: '' }, 'title'],
      [{ ...entry, channel: 'web' }, 'channel'],
      [{ ...entry, regencyCode: '99' }, 'regencyCode'],
      [{ ...entry, opdId: 'kalteng.nope' }, 'opdId'],
      [{ ...entry, extra: 1 }, 'extra'],
    ] as const) {
      const res = await f.call('duty', 'POST', '/api/complaints/walk-in', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    expect(await f.fingerprint()).toBe(before);
  });

  it('lets an OPD admin record for its own OPD only, and never a viewer', async () => {
    expect((await f.call('opdA', 'POST', '/api/complaints/walk-in', entry)).status).toBe(201);
    expect((await f.call('opdA', 'POST', '/api/complaints/walk-in', { ...entry, opdId: opdB })).status).toBe(403);
    expect((await f.call('viewer', 'POST', '/api/complaints/walk-in', entry)).status).toBe(403);
    expect((await f.call(null, 'POST', '/api/complaints/walk-in', entry)).status).toBe(401);
  });
});
