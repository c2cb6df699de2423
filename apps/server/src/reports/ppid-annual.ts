import type { Pool } from '@pantau/db';
import { dateLabel, ppidReportRows, type ReportDocument } from '@pantau/domain';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import { ppidKpisFor } from '../routes/ppid.ts';
import { renderReportPdf } from './pdf.ts';

/** Section names of the CSV's `bagian` column, as a reader of the PDF sees them. */
const SECTION: Record<string, string> = {
  identitas: 'Identitas',
  rincian_pelayanan: 'Rincian pelayanan informasi',
  alasan_penolakan: 'Alasan penolakan (Pasal 17)',
  pemohon: 'Pemohon menurut jenis',
  saluran: 'Permohonan menurut saluran',
  penyelesaian_sengketa: 'Keberatan dan sengketa',
};

const nf = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/**
 * The annual Laporan Layanan Informasi Publik (UU 14/2008, due 31 March) as a PDF: the very rows of
 * the CSV (`ppidReportRows` over the same KPIs as /api/ppid/kpis for the year), as a table per section.
 */
export async function ppidAnnualReportPdf(
  pool: Pool,
  ctx: ComplaintContext,
  o: { year: number; opdId: string | undefined; now?: Date },
): Promise<{ pdf: Buffer; filename: string }> {
  const from = `${o.year}-01-01`;
  const to = `${o.year}-12-31`;
  const opd = o.opdId ? ctx.pack.opds.find((x) => x.id === o.opdId) : undefined;
  const kpis = await ppidKpisFor(pool, ctx, { from, to, opdId: o.opdId });
  const badanPublik = opd?.name ?? ctx.pack.name;
  const rows = ppidReportRows(kpis, { badanPublik, from, to });
  const sections = new Map<string, string[][]>();
  for (const [part, label, value] of rows) {
    if (part === 'identitas') continue;
    const cell = value === null ? '–' : typeof value === 'number' ? nf.format(value) : value;
    sections.set(part, [...(sections.get(part) ?? []), [label, cell]]);
  }
  const when = new Intl.DateTimeFormat('id-ID', {
    timeZone: ctx.pack.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(o.now ?? new Date());
  const doc: ReportDocument = {
    title: 'Laporan Layanan Informasi Publik',
    subtitle: `${badanPublik} · Tahun ${o.year}`,
    meta: `Periode ${dateLabel(from)} – ${dateLabel(to)} (UU 14/2008 Pasal 7 ayat 3 dan Perki 1/2021); dibuat ${when} oleh Pantau. Tanpa identitas pemohon.`,
    sections: [...sections].map(([part, list]) => ({
      heading: SECTION[part] ?? part,
      blocks: [
        { kind: 'table', columns: ['Uraian', 'Nilai'], align: ['left', 'right'], widths: [0.75, 0.25], rows: list },
      ],
    })),
  };
  const pdf = await renderReportPdf(doc, { author: `Pantau · ${ctx.pack.name}` });
  const who = opd ? opd.id.split('.')[1] : ctx.pack.slug;
  return { pdf, filename: `laporan-layanan-informasi-${who}-${o.year}.pdf` };
}
