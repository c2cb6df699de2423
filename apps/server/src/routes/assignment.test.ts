import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, opdA, opdB, type ConsoleFixture } from '../testing/console-fixture.ts';

describe('owning worklist items', () => {
  let f: ConsoleFixture;
  const hash = 'x';

  beforeAll(async () => {
    f = await createConsoleFixture('assignment');
    // People behind the fixture's tokens (a token's id is its holder's user id).
    await f.db.pool.query(
      `INSERT INTO app_user (id, username, display_name, password_hash, role, opd_id) VALUES
         ('duty', 'piket', 'Piket Satu', $1, 'duty_officer', NULL),
         ('opda', 'opda', 'Admin A', $1, 'opd_admin', $2),
         ('opdb', 'opdb', 'Admin B', $1, 'opd_admin', $3),
         ('viewer', 'pimpinan', 'Pimpinan', $1, 'viewer', NULL)`,
      [hash, opdA, opdB],
    );
  });
  afterAll(async () => f.db.drop());

  const worklist = async (who: 'duty' | 'opdA', query: string) =>
    ((await (await f.call(who, 'GET', `/api/worklist?${query}`)).json()) as { items: Array<Record<string, unknown>> })
      .items;

  it('lets a duty officer take an item with "me": it shows as theirs, leaves "no owner", and is audited', async () => {
    const id = String(f.complaint['7100001']);
    expect((await worklist('duty', 'owner=none&kind=complaint')).some((i) => i.id === id)).toBe(true);
    const res = await f.call('duty', 'POST', '/api/worklist/assign', { kind: 'complaint', id, assignee: 'me' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ assigneeId: 'duty', assigneeName: 'Piket Satu', previous: null });
    const mine = await worklist('duty', 'owner=me');
    expect(mine.map((i) => [i.kind, i.id])).toEqual([['complaint', id]]);
    expect(mine[0]).toMatchObject({ assigneeId: 'duty', assigneeName: 'Piket Satu' });
    expect((await worklist('duty', 'owner=none&kind=complaint')).some((i) => i.id === id)).toBe(false);
    const audit = await f.db.pool.query(
      `SELECT actor, details FROM audit_log WHERE action = 'worklist.assign' AND entity_id = $1`,
      [id],
    );
    expect(audit.rows).toEqual([
      { actor: 'user:duty', details: { assignee: 'duty', previous: null, trackingId: '7100001' } },
    ]);
  });

  it('lists what each person owns at handover, most urgent first, and drops it when given back', async () => {
    const handover = await (await f.call('duty', 'GET', '/api/worklist/handover')).json();
    expect(handover.groups).toEqual([
      expect.objectContaining({
        assigneeId: 'duty',
        assigneeName: 'Piket Satu',
        total: 1,
        overdue: 1,
        items: [expect.objectContaining({ trackingId: '7100001', deadlineState: 'overdue' })],
      }),
    ]);
    const id = String(f.complaint['7100001']);
    const back = await f.call('duty', 'POST', '/api/worklist/assign', { kind: 'complaint', id, assignee: null });
    expect(await back.json()).toMatchObject({ assigneeId: null, previous: 'duty' });
    expect((await (await f.call('duty', 'GET', '/api/worklist/handover')).json()).groups).toEqual([]);
    expect((await worklist('duty', 'owner=none&kind=complaint')).some((i) => i.id === id)).toBe(true);
  });

  it('keeps an OPD admin to its own OPD and its own people, and refuses owners who cannot act', async () => {
    const a = String(f.complaint['7100001']);
    const b = String(f.complaint['7100002']);
    const refuse = async (who: 'opdA' | 'duty' | 'viewer', body: unknown, status: number, field: string) => {
      const res = await f.call(who, 'POST', '/api/worklist/assign', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).error.field).toBe(field);
    };
    await refuse('opdA', { kind: 'complaint', id: b, assignee: 'me' }, 404, 'id');
    await refuse('opdA', { kind: 'complaint', id: a, assignee: 'duty' }, 403, 'assignee');
    await refuse('viewer', { kind: 'complaint', id: a, assignee: 'me' }, 403, 'role');
    // A viewer and another OPD's admin cannot own an OPD A complaint.
    await refuse('duty', { kind: 'complaint', id: a, assignee: 'viewer' }, 422, 'assignee');
    await refuse('duty', { kind: 'complaint', id: a, assignee: 'opdb' }, 422, 'assignee');
    await refuse('duty', { kind: 'complaint', id: 'abc', assignee: 'me' }, 400, 'id');
    await refuse('duty', { kind: 'letter', id: a, assignee: 'me' }, 400, 'kind');
    const ok = await f.call('opdA', 'POST', '/api/worklist/assign', { kind: 'complaint', id: a, assignee: 'me' });
    expect(ok.status).toBe(200);
    expect((await worklist('opdA', 'owner=me')).map((i) => i.id)).toEqual([a]);
    const people = (await (await f.call('opdA', 'GET', '/api/worklist/assignees')).json()).people;
    expect(people.map((p: { id: string }) => p.id)).toEqual(['opda']);
  });

  it('takes PPID requests too', async () => {
    const id = String(f.ppidRequestId);
    const res = await f.call('duty', 'POST', '/api/worklist/assign', { kind: 'ppid_request', id, assignee: 'me' });
    expect(res.status).toBe(200);
    const handover = await (await f.call('duty', 'GET', '/api/worklist/handover')).json();
    const mine = handover.groups.find((g: { assigneeId: string }) => g.assigneeId === 'duty');
    expect(mine.items.map((i: { kind: string }) => i.kind)).toContain('ppid_request');
  });
});
