import { loadWorkingCalendar } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';
import { createConsoleFixture, pack, type ConsoleFixture, type Who } from '../testing/console-fixture.ts';

/**
 * Issue 13 item 5: a rahasia complaint's title, body and timeline texts reach only those one predicate
 * allows (the complaint desk and the OPD it is about), in lists, details, timelines, search and exports.
 */
describe('rahasia text reaches only those allowed', () => {
  let f: ConsoleFixture;
  const secret = '7100001'; // rahasia, OPD A
  const open = '7100002'; // not rahasia, OPD B
  beforeAll(async () => {
    f = await createConsoleFixture('rahasia');
    const calendar = await loadWorkingCalendar(f.db.pool, pack.code, pack.timeZone);
    const at = (h: number) => new Date(Date.now() - 86_400_000 + h * 60_000).toISOString();
    const r = await ingestComplaintBatch(f.db.pool, { pack, calendar: () => calendar }, 'lapor', [
      {
        externalId: secret,
        event: { type: 'follow_up_posted', eventId: 'f', occurredAt: at(1), text: 'MARKER-FOLLOWUP', responder: 'X' },
      },
      {
        externalId: secret,
        event: { type: 'reporter_replied', eventId: 'r', occurredAt: at(2), text: 'MARKER-REPLY' },
      },
    ]);
    expect(r.map((x) => x.status)).toEqual(['accepted', 'accepted']);
    const id = f.complaint[secret]!;
    const seen = await (await f.call('duty', 'GET', `/api/complaints/${id}`)).json();
    const note = await f.call('duty', 'POST', `/api/complaints/${id}/actions`, {
      action: 'note',
      expectedVersion: seen.version,
      text: 'MARKER-NOTE',
    });
    expect(note.status).toBe(200);
  });
  afterAll(async () => f.db.drop());

  const texts = (who: Who, path: string) => f.call(who, 'GET', path).then((r) => r.text());

  it('hides a rahasia title from a viewer in the complaint list, and keeps the others', async () => {
    const list = await texts('viewer', '/api/complaints');
    expect(list).not.toContain(`MARKER-TITLE-${secret}`);
    expect(list).toContain(`MARKER-TITLE-${open}`);
    expect(list).toContain(secret); // the item is listed, only its text is withheld
  });

  it('hides the title, body and every timeline text of a rahasia complaint from a viewer', async () => {
    const detail = await texts('viewer', `/api/complaints/${f.complaint[secret]}`);
    expect(detail).not.toMatch(/MARKER/);
  });

  it('does not match a rahasia title in a viewer’s search', async () => {
    const hits = await (await f.call('viewer', 'GET', `/api/complaints?q=MARKER-TITLE-${secret}`)).json();
    expect(hits.items).toEqual([]);
    const other = await (await f.call('viewer', 'GET', `/api/complaints?q=MARKER-TITLE-${open}`)).json();
    expect(other.items).toHaveLength(1);
  });

  it('shows the same texts to the complaint desk and to the OPD the complaint is about', async () => {
    for (const who of ['admin', 'duty', 'opdA'] as const) {
      const detail = await texts(who, `/api/complaints/${f.complaint[secret]}`);
      for (const m of ['MARKER-TITLE', 'MARKER-BODY', 'MARKER-FOLLOWUP', 'MARKER-REPLY', 'MARKER-NOTE'])
        expect(detail, `${who} ${m}`).toContain(m);
      const hits = await (await f.call(who, 'GET', `/api/complaints?q=MARKER-TITLE-${secret}`)).json();
      expect(hits.items, who).toHaveLength(1);
    }
  });

  it('never shows rahasia text to a viewer on any console read or export', async () => {
    for (const path of ['/api/worklist', '/api/worklist.csv', '/api/worklist/groups', '/api/complaints?limit=200'])
      expect(await texts('viewer', path), path).not.toMatch(
        new RegExp(`MARKER-(TITLE-${secret}|BODY|NOTE|REPLY|FOLLOWUP)`),
      );
  });
});
