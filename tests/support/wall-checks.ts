/**
 * Checks the wall's browser tests run in the page or on its text: what is clipped, and what reads as a
 * code or another locale. Kept apart from any one test file so a focused test reuses them.
 */

/**
 * Runs in the page: every cell, header, row, figure, ticker line, legend and trend note of the wall's
 * panes that overflows, is ellipsised, or reaches outside its panel. `also` adds selectors to measure
 * (`tab.evaluate(clipping, '.wall-main .panel-head h2')` for the panels' titles).
 */
export function clipping(also?: string | void): string[] {
  const out: string[] = [];
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  const cells = document.querySelectorAll(
    `.wall-main td, .wall-main th, .wall-main .kpi, .wall-main .panel-title, .wall-main .ticker li, .wall-main tr, .wall-main .map-legend li, .wall-main .trend-notes li${typeof also === 'string' && also ? `, ${also}` : ''}`,
  );
  for (const el of cells) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const cs = getComputedStyle(el);
    if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'TR') out.push(`overflows: ${name(el)}`);
    if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) out.push(`ellipsised: ${name(el)}`);
    // The panel's body is what clips (overflow: hidden), inside the panel's padding: measure against it.
    const box = el.closest('.panel-body') ?? el.closest('.panel');
    if (box) {
      const p = box.getBoundingClientRect();
      if (r.right > p.right + 1 || r.bottom > p.bottom + 1) out.push(`outside its panel: ${name(el)}`);
    }
  }
  return out;
}

/**
 * Every piece of text a scene shows that betrays a code or another locale: a snake_case or dotted id
 * (`terverifikasi_didisposisi`, `kalteng.dinkes`), an English word the catalog should have translated,
 * a number written the English way (1,500), or a value that never arrived (undefined, NaN).
 */
export function rawText(text: string): string[] {
  const found = [
    ...text.matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g),
    ...text.matchAll(/\b[a-z]+\.[a-z][a-z0-9-]+\b/g),
    ...text.matchAll(
      /\b(?:undefined|null|NaN|Infinity|overdue|received|completed|followed|complaints?|requests?|pending)\b/gi,
    ),
    ...text.matchAll(/\b\d{1,3}(?:,\d{3})+(?![\d,])/g),
  ].map((m) => m[0]);
  return [...new Set(found)];
}
