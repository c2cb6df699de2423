import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, type ConsoleFixture } from '../testing/console-fixture.ts';

/** Issue 13 item 12: every CSV cell a spreadsheet could run or split is neutralised by one writer. */
describe('CSV exports', () => {
  let f: ConsoleFixture;
  const nasty = ['\t=1+1', '\r=cmd|calc', '=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', 'a\rb', 'a\nb', 'a,"b"'];
  beforeAll(async () => {
    f = await createConsoleFixture('csvexport');
    // Topics come from the source as free text; each late complaint gets one that a spreadsheet would run.
    const ids = ['7100001', '7100002'];
    for (let i = 0; i < nasty.length; i++) {
      await f.db.pool.query(
        `INSERT INTO complaint (source, external_id, tracking_id, status, opd_id, regency_code, channel, classification,
            topic, title, submitted_at, deadline_at, deadline_state, escalation_level, state, version)
         SELECT source, 'csv-' || $2, $2, status, opd_id, regency_code, channel, classification, $3, title,
            submitted_at, deadline_at, deadline_state, escalation_level, state, version
         FROM complaint WHERE tracking_id = $1`,
        [ids[i % 2], `880000${i}`, nasty[i]],
      );
    }
  });
  afterAll(async () => f.db.drop());

  it('writes the worklist CSV so that no cell starts a formula and line breaks stay inside quoted cells', async () => {
    const res = await f.call('duty', 'GET', '/api/worklist.csv?kind=complaint');
    expect(res.status).toBe(200);
    const text = await res.text();
    const rows = parse<Record<string, string>>(text, { columns: true, relax_column_count: false });
    const ours = rows.filter((r) => r.Nomor!.startsWith('880000'));
    expect(ours).toHaveLength(nasty.length);
    for (const r of ours) {
      const original = nasty[Number(r.Nomor!.slice(6))]!;
      expect(r.Topik, JSON.stringify(original)).not.toMatch(/^[=+\-@\t\r]/);
      expect(r.Topik!.replace(/^'/, '')).toBe(original);
    }
    // Outside quoted cells, records end with a line break and nothing else: no bare CR splits a row.
    expect(
      text
        .split('"')
        .filter((_, i) => i % 2 === 0)
        .join(''),
    ).not.toMatch(/\r(?!\n)/);
  });

  it('writes the PPID annual report with the same writer: quoted names, CRLF records', async () => {
    const res = await f.call('admin', 'GET', '/api/ppid/report.csv?from=2025-01-01&to=2025-12-31');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe('bagian,uraian,nilai');
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows.find((r) => r.uraian === 'Jumlah permohonan')?.nilai).toMatch(/^\d+$/);
  });
});
