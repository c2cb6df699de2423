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
});
