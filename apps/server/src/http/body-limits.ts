import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Sign-in, sign-out, password change and widget token renewal: a few fields. @default 8 KiB */
export const SMALL_BODY_BYTES = 8 * 1024;
/** Every other console action (notes, reasons, settings, the playlist). @default 1 MiB */
export const ACTION_BODY_BYTES = 1024 * 1024;

const SMALL = ['/api/auth/', '/embed/token/renew'];

const limited = (maxSize: number, label: string) =>
  bodyLimit({
    maxSize,
    onError: (c) => c.json({ error: { field: 'body', message: `body larger than ${label}` } }, 413),
  });
const small = limited(SMALL_BODY_BYTES, '8 KiB');
const action = limited(ACTION_BODY_BYTES, '1 MiB');

/**
 * Bounds every request body before anything reads it: 413 from the Content-Length alone, or as soon as
 * a streamed body passes the limit (a 200 MB sign-in body was once read whole before its 400). Batch
 * ingest (`/api/ingest/*`) sets its own, larger limit.
 */
export function bodyLimits(): MiddlewareHandler {
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const path = c.req.path;
    if (path.startsWith('/api/ingest/')) return next();
    return (SMALL.some((p) => path.startsWith(p)) ? small : action)(c, next);
  };
}
