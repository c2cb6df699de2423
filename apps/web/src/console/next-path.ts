/**
 * Where sign-in sends the user afterwards: the `next` query parameter when it is a path of this site,
 * else the console. A prefix check is not enough — browsers turn `\` into `/` and drop TAB and newlines,
 * so `/\evil.example` and `/<TAB>/evil.example` become `//evil.example`, another site. The candidate is
 * resolved as the browser would and kept only when it stays on this origin; what is returned is the
 * normalised path (never starting with `//`), so the browser cannot reinterpret it.
 */
export function safeNextPath(next: string | null, origin: string): string {
  const fallback = '/console';
  const controlOrBackslash = [...(next ?? '')].some((ch) => ch === '\\' || ch.charCodeAt(0) < 0x20 || ch === '\u007f');
  if (!next || !next.startsWith('/') || controlOrBackslash) return fallback;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
