import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTopicBuilder } from '../live/topic-builders.ts';
import { createConsoleFixture, opdA, opdB, pack, type ConsoleFixture } from '../testing/console-fixture.ts';

describe('annotations on the trends', () => {
  let f: ConsoleFixture;
  const build = createTopicBuilder(pack);
  const startsAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
  beforeAll(async () => {
    f = await createConsoleFixture('annotations');
  });
  afterAll(async () => f.db.drop());

  it('a duty officer marks a flood for the province: audited, on every topic’s trend, the OPD’s own only on its topic', async () => {
    const flood = await f.call('duty', 'POST', '/api/annotations', { startsAt, text: 'Banjir di Palangka Raya' });
    expect(flood.status).toBe(201);
    expect(await flood.json()).toMatchObject({ scope: 'province', text: 'Banjir di Palangka Raya', endsAt: null });
    const policy = await f.call('admin', 'POST', '/api/annotations', {
      opdId: opdA,
      startsAt,
      endsAt: new Date().toISOString(),
      text: 'Layanan daring baru',
    });
    expect(policy.status).toBe(201);
    const texts = async (topic: string) =>
      (
        ((await build(f.db.pool, topic))?.annotations as { items: Array<{ text: string }> } | undefined)?.items ?? []
      ).map((a) => a.text);
    expect(await texts('province')).toEqual(['Banjir di Palangka Raya']);
    expect(await texts(`opd:${opdA}`)).toEqual(['Banjir di Palangka Raya', 'Layanan daring baru']);
    expect(await texts(`opd:${opdB}`)).toEqual(['Banjir di Palangka Raya']);
    // The publisher is told: the touched topics are in the outbox.
    const { rows } = await f.db.pool.query<{ topic: string }>(`SELECT DISTINCT topic FROM live_outbox`);
    expect(rows.map((r) => r.topic)).toEqual(expect.arrayContaining(['province', `opd:${opdA}`, `opd:${opdB}`]));
    const audit = await f.db.pool.query(`SELECT actor FROM audit_log WHERE action = 'annotation.add' ORDER BY seq`);
    expect(audit.rows.map((r) => r.actor)).toEqual(['user:duty', 'user:adm']);
  });

  it('refuses a viewer and an OPD admin, and names the field of a bad annotation', async () => {
    expect((await f.call('viewer', 'POST', '/api/annotations', { startsAt, text: 'x' })).status).toBe(403);
    expect((await f.call('opdA', 'POST', '/api/annotations', { startsAt, text: 'x' })).status).toBe(403);
    const backwards = await f.call('duty', 'POST', '/api/annotations', {
      startsAt,
      endsAt: new Date(Date.parse(startsAt) - 3_600_000).toISOString(),
      text: 'Gangguan server LAPOR',
    });
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).error.field).toBe('endsAt');
    const empty = await f.call('duty', 'POST', '/api/annotations', { startsAt, text: '  ' });
    expect((await empty.json()).error.field).toBe('text');
    const nowhere = await f.call('duty', 'POST', '/api/annotations', {
      startsAt,
      text: 'x',
      opdId: 'kalteng.tidak-ada',
    });
    expect((await nowhere.json()).error.field).toBe('opdId');
  });

  it('a duty officer removes a mistaken note: gone from every trend, audited; a source’s outage note is not theirs to remove', async () => {
    const typo = await f.call('duty', 'POST', '/api/annotations', {
      startsAt,
      text: 'Banjr (salah ketik)',
      public: true,
    });
    const { id } = (await typo.json()) as { id: number };
    const all = async () =>
      (
        (await (await f.call('viewer', 'GET', '/api/annotations?scope=all')).json()) as {
          annotations: Array<{ id: number; text: string; source: string | null }>;
        }
      ).annotations;
    expect((await all()).map((a) => a.text)).toContain('Banjr (salah ketik)');
    // Every scope's notes in one list, for the console: the OPD's own one too.
    expect((await all()).map((a) => a.text)).toContain('Layanan daring baru');
    expect((await f.call('viewer', 'DELETE', `/api/annotations/${id}`)).status).toBe(403);
    expect((await f.call('opdA', 'DELETE', `/api/annotations/${id}`)).status).toBe(403);
    await f.db.pool.query(`DELETE FROM live_outbox`);
    expect((await f.call('duty', 'DELETE', `/api/annotations/${id}`)).status).toBe(200);
    expect((await all()).map((a) => a.text)).not.toContain('Banjr (salah ketik)');
    const texts = async (topic: string) =>
      (
        ((await build(f.db.pool, topic))?.annotations as { items: Array<{ text: string }> } | undefined)?.items ?? []
      ).map((a) => a.text);
    expect(await texts(`opd:${opdB}`)).not.toContain('Banjr (salah ketik)');
    const { rows } = await f.db.pool.query<{ topic: string }>(`SELECT DISTINCT topic FROM live_outbox`);
    expect(rows.map((r) => r.topic)).toEqual(expect.arrayContaining(['province', `opd:${opdB}`]));
    const audit = await f.db.pool.query(
      `SELECT actor, details FROM audit_log WHERE action = 'annotation.remove' AND entity_id = $1`,
      [String(id)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details.text).toBe('Banjr (salah ketik)');
    // Removed twice, or never there: 404 naming the id.
    const again = await f.call('duty', 'DELETE', `/api/annotations/${id}`);
    expect(again.status).toBe(404);
    expect((await again.json()).error.field).toBe('id');
    expect((await f.call('duty', 'DELETE', '/api/annotations/abc')).status).toBe(400);
    // An outage Pantau recorded from a source's silence closes by itself; removing it would only hide it.
    const outage = await f.db.pool.query<{ id: number }>(
      `INSERT INTO annotation (scope, starts_at, text, created_by, source_id, source_episode, public)
       VALUES ('province', now() - interval '1 hour', 'Sumber data terputus: LAPOR!', 'system', 'lapor', now() - interval '1 hour', true)
       RETURNING id::int`,
    );
    const refused = await f.call('duty', 'DELETE', `/api/annotations/${outage.rows[0]!.id}`);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.field).toBe('id');
    expect((await all()).find((a) => a.id === outage.rows[0]!.id)?.source).toBe('lapor');
  });
});
