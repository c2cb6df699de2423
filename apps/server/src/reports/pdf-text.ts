import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The text of a PDF, one string per printed line (items at the same height joined left to right), read
 * with pdf.js — an independent reader, so a test checks what a person would see, not what we wrote.
 * For tests.
 */
export async function pdfTextLines(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The 14 standard fonts' metrics ship with pdf.js; pointing at them keeps it from warning.
  const fonts = path.join(
    path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
    'standard_fonts/',
  );
  const doc = await pdfjs.getDocument({ data: pdf, standardFontDataUrl: fonts, isEvalSupported: false }).promise;
  const lines: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const rows = new Map<number, Array<{ x: number; s: string }>>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] as number);
      const key = [...rows.keys()].find((k) => Math.abs(k - y) <= 2) ?? y;
      rows.set(key, [...(rows.get(key) ?? []), { x: item.transform[4] as number, s: item.str }]);
    }
    for (const y of [...rows.keys()].sort((a, b) => b - a))
      lines.push(
        rows
          .get(y)!
          .sort((a, b) => a.x - b.x)
          .map((i) => i.s.trim())
          .join(' | '),
      );
  }
  await doc.destroy();
  return lines;
}
