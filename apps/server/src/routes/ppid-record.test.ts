import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, type ConsoleFixture } from '../testing/console-fixture.ts';

describe('recording the PPID’s steps from the console', () => {
  let f: ConsoleFixture;
  beforeAll(async () => {
    f = await createConsoleFixture('ppidrecord');
  });
  afterAll(async () => f.db.drop());

  const revision = async () =>
    ((await (await f.call('duty', 'GET', `/api/ppid/requests/${f.ppidRequestId}`)).json()) as { revision: number })
      .revision;
  const record = (who: 'duty' | 'opdB' | 'opdA' | 'viewer', body: object) =>
    f.call(who, 'POST', `/api/ppid/requests/${f.ppidRequestId}/record`, body);

  it('extends once with a reason, refuses a second extension by the lifecycle’s rule, then records a decision', async () => {
    const first = await record('duty', {
      event: 'extended',
      expectedRevision: await revision(),
      reason: 'Dokumen di arsip daerah',
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: expect.stringMatching(/diperpanjang|extended/) });
    const again = await record('duty', { event: 'extended', expectedRevision: await revision(), reason: 'Lagi' });
    expect(again.status).toBe(422);
    // A rejection must name its Pasal 17 ground, as from any source.
    const noGround = await record('duty', {
      event: 'decided',
      expectedRevision: await revision(),
      decision: 'ditolak',
    });
    expect(noGround.status).toBe(422);
    expect((await noGround.json()).error.field).toBe('exclusionGround');
    const decided = await record('duty', {
      event: 'decided',
      expectedRevision: await revision(),
      decision: 'dipenuhi_sebagian',
      exclusionGround: 'c',
      note: 'Sebagian data pribadi dihitamkan',
    });
    expect(decided.status).toBe(200);
    const row = (
      await f.db.pool.query(`SELECT decision, exclusion_ground, decided_at IS NOT NULL AS decided FROM ppid_request`)
    ).rows[0];
    expect(row).toEqual({ decision: 'dipenuhi_sebagian', exclusion_ground: 'c', decided: true });
    const audit = (
      await f.db.pool.query(`SELECT action, actor FROM audit_log WHERE action LIKE 'ppid.record.%' ORDER BY seq`)
    ).rows;
    expect(audit).toEqual([
      { action: 'ppid.record.extended', actor: 'user:duty' },
      { action: 'ppid.record.decided', actor: 'user:duty' },
    ]);
  });

  it('records a keberatan with its Pasal 35 ground and the answer', async () => {
    expect(
      (await record('duty', { event: 'objection_filed', expectedRevision: await revision(), ground: 'a' })).status,
    ).toBe(200);
    expect(
      (await record('duty', { event: 'objection_answered', expectedRevision: await revision(), outcome: 'rejected' }))
        .status,
    ).toBe(200);
  });

  it('refuses a stale revision, a viewer, another OPD, and bad input by field, writing nothing', async () => {
    const before = await f.fingerprint();
    expect((await record('duty', { event: 'delivered', expectedRevision: 0 })).status).toBe(409);
    expect((await record('viewer', { event: 'delivered', expectedRevision: await revision() })).status).toBe(403);
    const bad = await record('duty', { event: 'decided', expectedRevision: await revision(), decision: 'mungkin' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('decision');
    expect(await f.fingerprint()).toBe(before);
  });
});
