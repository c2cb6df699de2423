import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSocialBatch } from '../ingest/social-ingest.ts';
import { createConsoleFixture, opdA, pack, type ConsoleFixture } from '../testing/console-fixture.ts';

describe('acting on social comments from the worklist', () => {
  let f: ConsoleFixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    f = await createConsoleFixture('socialactions');
    const mine = pack.socialAccounts.find((a) => a.opdId === opdA)!;
    const other = pack.socialAccounts.find((a) => a.opdId && a.opdId !== opdA)!;
    // Comments two days old: past the reply target, so they are on the worklist.
    const at = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const items = [
      ['c-a1', mine],
      ['c-a2', mine],
      ['c-b1', other],
    ].map(([externalId, acc]) => ({
      externalId,
      event: {
        type: 'interaction_received',
        eventId: 'in',
        occurredAt: at,
        account: { platform: (acc as typeof mine).platform, handle: (acc as typeof mine).handle },
        kind: 'comment',
        text: 'Kapan jalan diperbaiki?',
      },
    }));
    const r = await ingestSocialBatch(f.db.pool, 'connector-x', items);
    expect(r.every((x) => x.status === 'accepted')).toBe(true);
    for (const row of (await f.db.pool.query(`SELECT id::text, external_id FROM social_interaction`)).rows)
      ids[row.external_id] = row.id;
  });
  afterAll(async () => f.db.drop());

  const onWorklist = async () =>
    (
      (await (await f.call('duty', 'GET', '/api/worklist?kind=social_comment')).json()) as {
        items: Array<{ id: string }>;
      }
    ).items.map((i) => i.id);

  it('marks a comment answered: it leaves the worklist, its reply time counts, the audit keeps the link', async () => {
    expect(await onWorklist()).toContain(ids['c-a1']);
    const res = await f.call('duty', 'POST', `/api/social/interactions/${ids['c-a1']}/actions`, {
      action: 'answered',
      replyUrl: 'https://instagram.com/p/abc',
    });
    expect(res.status).toBe(200);
    expect(await onWorklist()).not.toContain(ids['c-a1']);
    const row = (
      await f.db.pool.query(`SELECT replied_at IS NOT NULL AS replied FROM social_interaction WHERE id = $1`, [
        ids['c-a1'],
      ])
    ).rows[0];
    expect(row.replied).toBe(true);
    const audit = (await f.db.pool.query(`SELECT actor, details FROM audit_log WHERE action = 'social.answered'`)).rows;
    expect(audit).toEqual([{ actor: 'user:duty', details: { replyUrl: 'https://instagram.com/p/abc' } }]);
    // Twice is a conflict, not a second reply.
    const again = await f.call('duty', 'POST', `/api/social/interactions/${ids['c-a1']}/actions`, {
      action: 'answered',
    });
    expect(again.status).toBe(409);
  });

  it('flags a suspected hoax and tags an issue, as events of the comment’s own source', async () => {
    expect(
      (await f.call('opdA', 'POST', `/api/social/interactions/${ids['c-a2']}/actions`, { action: 'hoax' })).status,
    ).toBe(200);
    expect(
      (
        await f.call('duty', 'POST', `/api/social/interactions/${ids['c-a2']}/actions`, {
          action: 'issue',
          issueTag: 'Jalan rusak',
        })
      ).status,
    ).toBe(200);
    const row = (
      await f.db.pool.query(`SELECT hoax_suspect, issue_tag FROM social_interaction WHERE id = $1`, [ids['c-a2']])
    ).rows[0];
    expect(row).toEqual({ hoax_suspect: true, issue_tag: 'Jalan rusak' });
    const events = (
      await f.db.pool.query(`SELECT source, type FROM social_event WHERE external_id = 'c-a2' ORDER BY id`)
    ).rows;
    expect(events.map((e) => `${e.source}:${e.type}`)).toEqual([
      'connector-x:interaction_received',
      'connector-x:interaction_classified',
      'connector-x:interaction_classified',
    ]);
  });

  it('refuses viewers, another OPD’s comment for an OPD admin, and bad input by field', async () => {
    expect(
      (await f.call('viewer', 'POST', `/api/social/interactions/${ids['c-b1']}/actions`, { action: 'hoax' })).status,
    ).toBe(403);
    expect(
      (await f.call('opdA', 'POST', `/api/social/interactions/${ids['c-b1']}/actions`, { action: 'hoax' })).status,
    ).toBe(404);
    const bad = await f.call('duty', 'POST', `/api/social/interactions/${ids['c-b1']}/actions`, {
      action: 'answered',
      replyUrl: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('replyUrl');
    expect((await f.call('duty', 'POST', `/api/social/interactions/abc/actions`, { action: 'hoax' })).status).toBe(400);
  });
});
