import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * Server-rendered pages are written with hono's `html` tag: every interpolated string is escaped unless
 * it is itself `html` or deliberately `raw` (an SVG drawn by the chart renderer), so forgetting to escape
 * is not possible. Pantau's pages have no asynchronous parts; `toPage` turns the result into the string.
 */
export { html, raw };
/** What `html` returns (sync in Pantau's pages; the type allows a promise). */
export type Html = ReturnType<typeof html>;

export function toPage(h: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (h instanceof Promise) throw new Error('a server-rendered page has an asynchronous part');
  return h.toString();
}
