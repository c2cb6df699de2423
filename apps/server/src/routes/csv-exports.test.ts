import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, opdB, pack, type ConsoleFixture } from '../testing/console-fixture.ts';

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
  it('streams a large worklist export page by page: the header arrives alone, then every row of every page', async () => {
    // 1,250 open complaints: more than two pages of the export's reader.
    await f.db.pool.query(
      `INSERT INTO complaint (source, external_id, tracking_id, status, opd_id, regency_code, channel, classification,
          topic, title, submitted_at, deadline_at, deadline_state, escalation_level, state, version)
       SELECT source, 'bulk-' || g, (9000000 + g)::text, status, opd_id, regency_code, channel, classification, topic,
          title, submitted_at, deadline_at, deadline_state, escalation_level, state, version
       FROM complaint, generate_series(1, 1250) g WHERE tracking_id = '7100002'`,
    );
    const res = await f.call('duty', 'GET', '/api/worklist.csv?kind=complaint');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value, { stream: true }));
    }
    expect(chunks[0]).toMatch(/^Jenis,Nomor,[^\r\n]*\r\n$/);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    const rows = parse<Record<string, string>>(chunks.join(''), { columns: true });
    expect(rows.filter((r) => r.Nomor!.startsWith('9'))).toHaveLength(1250);
    await f.db.pool.query(`DELETE FROM complaint WHERE external_id LIKE 'bulk-%'`);
  });

  it('exports the dashboard list of complaints as CSV with Indonesian headers, labels and local times, streamed', async () => {
    const res = await f.call('duty', 'GET', '/api/complaints.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="aduan-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe(
      'Nomor,Judul,Status,OPD,Kabupaten/Kota,Kanal,Klasifikasi,Topik,Diterima (WIB),Tenggat (WIB),Keadaan tenggat,Tingkat eskalasi',
    );
    const rows = parse<Record<string, string>>(text, { columns: true });
    const late = rows.find((r) => r.Nomor === '7100002')!;
    expect(late.Status).toBe('Terverifikasi & didisposisi');
    expect(late.Kanal).toBe('Situs web');
    expect(late['Keadaan tenggat']).toBe('Terlambat');
    expect(late['Diterima (WIB)']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // A rahasia complaint's title never leaves in a file, whoever downloads it.
    const secret = rows.find((r) => r.Nomor === '7100001')!;
    expect(secret.Judul).toBe('(rahasia)');
    expect(text).not.toMatch(/MARKER-BODY|MARKER-NAME|081200000000/);
    // The same filters as the list: an OPD admin gets its own OPD only.
    const own = parse<Record<string, string>>(await (await f.call('opdB', 'GET', '/api/complaints.csv')).text(), {
      columns: true,
    });
    expect(own.map((r) => r.Nomor)).toContain('7100002');
    expect(new Set(own.map((r) => r.OPD))).toEqual(new Set([pack.opds.find((o) => o.id === opdB)!.name]));
    expect((await f.call('duty', 'GET', '/api/complaints.csv?status=nope')).status).toBe(400);
  });
});
