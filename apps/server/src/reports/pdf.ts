import type { ReportDocument } from '@pantau/domain';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { chartSvg } from './charts.ts';

const MARGIN = 48;
const INK = '#1b2a33';
const MUTED = '#5b6b75';
const RULE = '#c9d3d9';

/**
 * The standard PDF fonts speak Windows-1252: characters outside it (the typographic minus) are written
 * as their nearest ASCII so no figure loses its sign.
 */
const winAnsi = (s: string) => s.replaceAll('\u2212', '-').replaceAll('\u2009', ' ').replaceAll('\u202f', ' ');

/**
 * Renders a {@link ReportDocument} as an A4 PDF on the server (pdfkit, no browser): title, subtitle,
 * sections of figures, tables and text; tables continue on a new page with their header repeated.
 */
export function renderReportPdf(report: ReportDocument, info: { author: string }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: winAnsi(`${report.title} - ${report.subtitle}`), Author: info.author, Creator: 'Pantau' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN;
  const room = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(20).text(winAnsi(report.title));
  doc.font('Helvetica').fontSize(12).text(winAnsi(report.subtitle));
  doc.moveDown(0.3).fillColor(MUTED).fontSize(8.5).text(winAnsi(report.meta), { width });
  doc.moveDown(0.8);

  for (const section of report.sections) {
    room(60);
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(13).text(winAnsi(section.heading), MARGIN, doc.y);
    const ruleY = doc.y + 2;
    doc
      .moveTo(MARGIN, ruleY)
      .lineTo(MARGIN + width, ruleY)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = ruleY + 6;
    for (const block of section.blocks) {
      if (block.kind === 'charts') {
        // Charts side by side, each drawn from its SVG as vectors (text stays text, so it can be read
        // back and searched); a chart's title above it.
        room(block.height + 18);
        const y = doc.y;
        const gap = 12;
        const w = (width - gap * (block.charts.length - 1)) / block.charts.length;
        block.charts.forEach((chart, i) => {
          const x = MARGIN + i * (w + gap);
          doc.fillColor(MUTED).font('Helvetica-Bold').fontSize(8.5).text(winAnsi(chart.title), x, y, { width: w });
          // Drawn 1.5x larger and scaled to fit: the builders' sizes are in screen pixels, the page in points.
          const svg = chartSvg(chart.option, Math.round(w * 1.5), Math.round(block.height * 1.5));
          SVGtoPDF(doc, winAnsi(svg), x, y + 14, {
            width: w,
            height: block.height,
            preserveAspectRatio: 'xMidYMid meet',
            fontCallback: (_family, bold) => (bold ? 'Helvetica-Bold' : 'Helvetica'),
            warningCallback: () => undefined,
          });
        });
        doc.x = MARGIN;
        doc.y = y + 14 + block.height;
      } else if (block.kind === 'text') {
        doc.fillColor(INK).font('Helvetica').fontSize(10).text(winAnsi(block.text), MARGIN, doc.y, { width });
      } else if (block.kind === 'figures') {
        for (const row of block.rows) {
          room(16);
          const y = doc.y;
          doc
            .fillColor(INK)
            .font('Helvetica')
            .fontSize(10)
            .text(winAnsi(row.label), MARGIN, y, { width: width * 0.45 });
          doc.font('Helvetica-Bold').text(winAnsi(row.value), MARGIN + width * 0.45, y, {
            width: width * 0.15,
            align: 'right',
          });
          if (row.change)
            doc
              .fillColor(MUTED)
              .font('Helvetica')
              .fontSize(8.5)
              .text(winAnsi(row.change), MARGIN + width * 0.63, y + 1, { width: width * 0.37 });
          doc.y = y + 16;
        }
      } else {
        const xs = block.widths.reduce<number[]>(
          (acc, _w, i) => [...acc, i === 0 ? MARGIN : acc[i - 1]! + block.widths[i - 1]! * width],
          [],
        );
        const line = (cells: string[], bold: boolean) => {
          room(15);
          const y = doc.y;
          doc
            .fillColor(bold ? MUTED : INK)
            .font(bold ? 'Helvetica-Bold' : 'Helvetica')
            .fontSize(8.5);
          cells.forEach((cell, i) =>
            doc.text(winAnsi(cell), xs[i]! + 2, y, {
              width: block.widths[i]! * width - 4,
              align: block.align[i] ?? 'left',
              lineBreak: false,
              ellipsis: true,
            }),
          );
          doc.y = y + 14;
        };
        line(block.columns, true);
        for (const row of block.rows) {
          if (doc.y + 15 > bottom()) {
            doc.addPage();
            line(block.columns, true);
          }
          line(row, false);
        }
      }
      doc.moveDown(0.6);
    }
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}
