import { socialPeriodTotals } from '@pantau/db';
import { addDays, localDateOf, minutesLabel } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSocialBatch } from '../ingest/social-ingest.ts';
import { createSocialSection } from '../live/sections/social.ts';
import { createConsoleFixture, pack, type ConsoleFixture } from '../testing/console-fixture.ts';
import { pdfTextLines } from './pdf-text.ts';

const nf = new Intl.NumberFormat('id-ID');
const pf = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });
const social = pack.socialAccounts.find((a) => a.platform === 'instagram')!;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

// Issue 15's report beyond the first slice: any period, a social-media section whose figures equal the
// dashboard's (GET /api/social/kpis and the wall's social panel over the same days), charts drawn from
// the wall's builders as SVG (their text is in the PDF), a kabupaten/kota scope, and the annual PPID PDF.
describe('the leadership report for any period, with social media and charts', () => {
  let f: ConsoleFixture;
  let today: string;
  beforeAll(async () => {
    f = await createConsoleFixture('leadershipperiods');
    today = localDateOf(new Date(), pack.timeZone);
    const account = { platform: social.platform, handle: social.handle };
    const comment = (id: string, h: number, extra: Record<string, unknown>) => ({
      externalId: id,
      event: {
        type: 'interaction_received',
        eventId: 'in',
        occurredAt: hoursAgo(h),
        account,
        kind: 'comment',
        ...extra,
      },
    });
    const then = (id: string, type: string, h: number, extra: Record<string, unknown> = {}) => ({
      externalId: id,
      event: { type, eventId: type, occurredAt: hoursAgo(h), ...extra },
    });
    const day = addDays(today, -1);
    const items = [
      {
        externalId: `m:${day}`,
        event: {
          type: 'account_metrics',
          eventId: 'm',
          occurredAt: hoursAgo(2),
          account,
          date: day,
          figures: { followers: 4000, reach: 1234, likes: 40, comments: 5 },
        },
      },
      comment('s1', 50, { sentiment: 'negative' }),
      then('s1', 'interaction_replied', 47),
      comment('s2', 40, { sentiment: 'neutral' }),
      then('s2', 'interaction_replied', 39),
      comment('s3', 30, { sentiment: 'neutral' }),
      comment('s4', 20, { sentiment: 'positive', needsReply: false, hoaxSuspect: true }),
      comment('s5', 10, { sentiment: 'negative', needsReply: false, issueTag: 'Banjir' }),
      then('s5', 'issue_clarification', 8, { status: 'diklarifikasi' }),
    ];
    const r = await ingestSocialBatch(f.db.pool, 'test-social', items);
    expect(r.filter((x) => x.status !== 'accepted')).toEqual([]);
  });
  afterAll(async () => f.db.drop());

  const report = async (query: string, who: 'admin' | 'opdA' = 'admin') => {
    const res = await f.call(who, 'GET', `/api/reports/leadership.pdf?${query}`);
    return { res, lines: res.status === 200 ? await pdfTextLines(new Uint8Array(await res.arrayBuffer())) : [] };
  };
  const value = (lines: string[], label: string) => lines.find((l) => l.startsWith(`${label} | `))?.split(' | ')[1];

  it('has a social-media section whose figures equal the dashboard’s for the same 30 days', async () => {
    const from = addDays(today, -29);
    const { res, lines } = await report(`from=${from}&to=${today}&opd=${social.opdId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="laporan-pimpinan-${social.opdId}-${from}_${today}.pdf"`,
    );
    expect(lines).toContain('Media sosial');
    // The wall's social panel (the live topic's section: the last 30 days) and the KPI API.
    const wall = (await createSocialSection()(f.db.pool, { kind: 'opd', opdId: social.opdId }, pack)) as {
      replies: { replyRatePct: number; medianReplyMinutes: number; needing: number };
      sentiment: { positive: number; neutral: number; negative: number };
      openIssues: number;
      openHoaxSuspects: number;
    };
    const api = await (
      await f.call('admin', 'GET', `/api/social/kpis?from=${from}&to=${today}&opdId=${social.opdId}`)
    ).json();
    const totals = await socialPeriodTotals(f.db.pool, {
      from,
      to: today,
      timeZone: pack.timeZone,
      opdId: social.opdId,
    });
    expect(value(lines, 'Jangkauan (reach)')).toBe(nf.format(totals.reach));
    expect(totals.reach).toBe(1234);
    expect(value(lines, 'Interaksi perlu balasan')).toBe(String(wall.replies.needing));
    expect(value(lines, 'Tingkat balasan')).toBe(pf.format(wall.replies.replyRatePct / 100));
    expect(value(lines, 'Tingkat balasan')).toBe(pf.format(api.kpis.replyRatePct / 100));
    expect(value(lines, 'Median waktu balasan')).toBe(minutesLabel(wall.replies.medianReplyMinutes));
    expect(value(lines, 'Median waktu balasan')).toBe('2 jam');
    const s = wall.sentiment;
    expect(value(lines, 'Sentimen positif / netral / negatif')).toBe(`${s.positive} / ${s.neutral} / ${s.negative}`);
    expect(value(lines, 'Isu dan dugaan hoaks ditandai')).toBe('2');
    expect(value(lines, 'Dugaan hoaks')).toBe('1');
    expect(value(lines, 'Sudah diklarifikasi')).toBe('1');
    expect(value(lines, 'Isu terbuka saat laporan dibuat')).toBe(String(wall.openIssues));
    expect(value(lines, 'Dugaan hoaks terbuka saat laporan dibuat')).toBe(String(wall.openHoaxSuspects));
    // The trend against the 30 days before (which had none).
    expect(lines.find((l) => l.startsWith('Jangkauan (reach) | '))).toContain('+1.234 dari periode sebelumnya');
  });

  it('draws the wall’s charts as SVG: their titles, legends and labels are text in the PDF', async () => {
    const { lines } = await report(`period=${today.slice(0, 7)}`);
    const text = lines.join('\n');
    for (const title of [
      'Aduan masuk dan selesai per hari',
      'Ditindaklanjuti tepat waktu',
      'Tingkat balasan',
      'Sentimen',
    ])
      expect(text).toContain(title);
    // Drawn by ECharts: the trend's legend, the gauge's name and the sentiment bars' axis labels.
    expect(lines.some((l) => /Masuk \| Selesai/.test(l))).toBe(true);
    expect(text).toMatch(/Dibalas/);
    for (const label of ['Positif', 'Netral', 'Negatif'])
      expect(lines.some((l) => l.startsWith(`${label} | `) || l === label)).toBe(true);
    // The province report ranks the OPDs' social media, worst first.
    expect(lines.some((l) => l.startsWith('OPD (terburuk dulu) | '))).toBe(true);
  });

  it('covers a week, a quarter, a year and a range, each against the period before of equal length', async () => {
    const week = await report('period=2026-W48');
    expect(week.res.status).toBe(200);
    expect(week.lines[1]).toBe(`${pack.name} · Provinsi · Minggu ke-48 2026 (23 November 2026 – 29 November 2026)`);
    expect(week.res.headers.get('content-disposition')).toContain(`laporan-pimpinan-${pack.slug}-2026-W48.pdf`);
    const quarter = await report('period=2026-Q3');
    expect(quarter.lines[1]).toBe(`${pack.name} · Provinsi · Triwulan III 2026`);
    const year = await report('period=2025');
    expect(year.lines[1]).toBe(`${pack.name} · Provinsi · Tahun 2025`);
    // A period that ended: the late list says it is as of the report, not the period's end.
    expect(year.lines.join(' ')).toMatch(/bukan pada akhir periode/);
    for (const [query, field] of [
      ['period=2026-W54', 'period'],
      ['period=2026-11&month=2026-11', 'period'],
      ['from=2026-11-10&to=2026-11-01', 'to'],
      ['from=2026-11-10', 'to'],
    ] as const) {
      const bad = await f.call('admin', 'GET', `/api/reports/leadership.pdf?${query}`);
      expect(bad.status, query).toBe(400);
      expect((await bad.json()).error.field, query).toBe(field);
    }
  });

  it('reports on one kabupaten/kota: its complaints only, no PPID or social (those are per OPD)', async () => {
    const regency = pack.regencies.find((r) => r.code === pack.capitalRegencyCode)!;
    const { res, lines } = await report(`month=${today.slice(0, 7)}&regency=${regency.code}`);
    expect(res.status).toBe(200);
    expect(lines[1]).toBe(`${pack.name} · ${regency.name} · ${lines[1]!.split(' · ')[2]}`);
    expect(lines).not.toContain('Layanan informasi publik (PPID)');
    expect(lines).not.toContain('Media sosial');
    expect((await report(`month=${today.slice(0, 7)}&regency=${regency.code}`, 'opdA')).res.status).toBe(403);
  });

  it('gives the annual PPID report (Laporan Layanan Informasi Publik) as a PDF with the CSV’s figures', async () => {
    const year = today.slice(0, 4);
    const res = await f.call('admin', 'GET', `/api/reports/ppid-annual.pdf?year=${year}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="laporan-layanan-informasi-${pack.slug}-${year}.pdf"`,
    );
    const lines = await pdfTextLines(new Uint8Array(await res.arrayBuffer()));
    expect(lines[0]).toBe('Laporan Layanan Informasi Publik');
    expect(lines[1]).toBe(`${pack.name} · Tahun ${year}`);
    const csv = await (await f.call('admin', 'GET', `/api/ppid/report.csv?from=${year}-01-01&to=${year}-12-31`)).text();
    const requests = /Jumlah permohonan,(\d+)/.exec(csv)![1];
    expect(value(lines, 'Jumlah permohonan')).toBe(requests);
    expect(Number(requests)).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/MARKER/);
    expect(
      (await f.call('opdA', 'GET', `/api/reports/ppid-annual.pdf?year=${year}&opd=${pack.opds[1]!.id}`)).status,
    ).toBe(403);
    expect((await f.call('opdA', 'GET', `/api/reports/ppid-annual.pdf?year=${year}`)).status).toBe(200);
  });
});
