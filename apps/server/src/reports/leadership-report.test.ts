import { complaintOverview } from '@pantau/db';
import { localDateOf } from '@pantau/domain';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, opdA, opdB, type ConsoleFixture } from '../testing/console-fixture.ts';
import { pdfTextLines } from './pdf-text.ts';

const pack = loadProvincePack('kalteng');

// The "done when" for the report: a PDF for a month and an OPD is generated, its text extracted
// (with pdf.js) and checked: its figures equal the dashboard's.
describe('the leadership report as a PDF', () => {
  let f: ConsoleFixture;
  let month: string;
  beforeAll(async () => {
    f = await createConsoleFixture('leadershippdf');
    month = localDateOf(new Date(), pack.timeZone).slice(0, 7);
  });
  afterAll(async () => f.db.drop());

  const report = async (who: 'viewer' | 'opdA' | 'admin', query: string) => {
    const res = await f.call(who, 'GET', `/api/reports/leadership.pdf?${query}`);
    return { res, lines: res.status === 200 ? await pdfTextLines(new Uint8Array(await res.arrayBuffer())) : [] };
  };
  const value = (lines: string[], label: string) => {
    const line = lines.find((l) => l.startsWith(`${label} | `));
    return line?.split(' | ')[1];
  };

  it('for a month and an OPD: a PDF whose figures equal the dashboard’s for that OPD', async () => {
    const { res, lines } = await report('viewer', `month=${month}&opd=${opdA}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="laporan-pimpinan-${opdA}-${month}.pdf"`);
    const opd = pack.opds.find((o) => o.id === opdA)!;
    expect(lines[0]).toBe('Laporan Pimpinan');
    expect(lines[1]).toMatch(new RegExp(`^${pack.name} · ${opd.name} · \\w+ \\d{4}$`));
    const dash = await complaintOverview(f.db.pool, { timeZone: pack.timeZone, opdId: opdA });
    const nf = new Intl.NumberFormat('id-ID');
    expect(value(lines, 'Aduan masuk')).toBe(nf.format(dash.month.received));
    expect(value(lines, 'Ditindaklanjuti')).toBe(nf.format(dash.month.followedUp));
    expect(value(lines, 'Selesai')).toBe(nf.format(dash.month.completed));
    expect(value(lines, 'Terbuka saat laporan dibuat')).toBe(nf.format(dash.open.total));
    expect(value(lines, 'Terlambat saat laporan dibuat')).toBe(nf.format(dash.open.overdue));
    expect(dash.month.received).toBeGreaterThan(0);
    // The late list: this OPD's overdue complaint, not another OPD's.
    expect(lines.some((l) => l.startsWith('7100001 | '))).toBe(true);
    expect(lines.some((l) => l.startsWith('7100002 | '))).toBe(false);
  });

  it('for the province: every OPD ranked, worst first, and nothing personal or rahasia anywhere', async () => {
    const { lines } = await report('admin', `month=${month}`);
    expect(lines[1]).toMatch(new RegExp(`^${pack.name} · Provinsi · `));
    const dash = await complaintOverview(f.db.pool, { timeZone: pack.timeZone });
    expect(value(lines, 'Aduan masuk')).toBe(String(dash.month.received));
    expect(lines).toContain('Per OPD (terburuk lebih dulu)');
    expect(lines.some((l) => l.startsWith('7100002 | '))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/MARKER/);
    // PPID: the same figures as GET /api/ppid/kpis for the month.
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const kpis = await (
      await f.call('admin', 'GET', `/api/ppid/kpis?from=${month}-01&to=${month}-${String(last).padStart(2, '0')}`)
    ).json();
    expect(lines).toContain('Layanan informasi publik (PPID)');
    expect(value(lines, 'Permohonan masuk')).toBe(String(kpis.kpis.requests));
    expect(value(lines, 'Diputuskan')).toBe(String(kpis.kpis.decided));
    expect(value(lines, 'Keberatan')).toBe(String(kpis.kpis.objections));
    expect(value(lines, 'Sengketa ke Komisi Informasi')).toBe(String(kpis.kpis.disputes));
    expect(lines.join('\n')).not.toMatch(/MARKER-(SUBJECT|REQUESTER|ADDRESS)/);
  });

  it('keeps an OPD admin to its own OPD, and names a bad month', async () => {
    expect((await report('opdA', `month=${month}&opd=${opdB}`)).res.status).toBe(403);
    const own = await report('opdA', `month=${month}`);
    expect(own.res.status).toBe(200);
    expect(own.lines[1]).toContain(pack.opds.find((o) => o.id === opdA)!.name);
    const bad = await f.call('viewer', 'GET', '/api/reports/leadership.pdf?month=2026-13');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('month');
  });
});
