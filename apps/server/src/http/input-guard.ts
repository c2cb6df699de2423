import type { MiddlewareHandler } from 'hono';

/** The first string in a parsed JSON value that holds a NUL character, as a dotted path ('' for the root). */
function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, k.replaceAll('\u0000', '')].join('.');
      const found = nulPath(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Refuses a NUL character anywhere in the query string or a JSON body with a 400 naming the field.
 * PostgreSQL cannot store NUL in text, so without this a NUL in a name, a note or a filter reached the
 * database and came back as a 500. Batch ingest is left to its own per-item validation (`skipBodyFor`).
 */
export function refuseNul(options: { skipBodyFor?: (path: string) => boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    if (q >= 0) {
      for (const [k, v] of new URLSearchParams(url.slice(q + 1))) {
        if (k.includes('\u0000') || v.includes('\u0000'))
          return c.json(
            { error: { field: k.replaceAll('\u0000', '') || 'query', message: 'contains a NUL character' } },
            400,
          );
      }
    }
    if (c.req.path.includes('\u0000') || /%00/i.test(c.req.path))
      return c.json({ error: { field: 'path', message: 'contains a NUL character' } }, 400);
    const type = c.req.header('content-type') ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /json/i.test(type) && !options.skipBodyFor?.(c.req.path)) {
      // Parsed once here and cached by Hono, so the route's own `c.req.json()` reads the same value.
      const body: unknown = await c.req.json().catch(() => undefined);
      const field = nulPath(body);
      if (field !== null)
        return c.json({ error: { field: field || 'body', message: 'contains a NUL character' } }, 400);
    }
    await next();
  };
}
