// One HTTP GET to a platform API, turned into a result the connector can act on. Nothing here throws:
// a timeout, a refused connection, a body that is not JSON or a platform error all become a `Failure`.

/** Why a poll failed, and when to try again if the platform said. */
export type Failure =
  | { kind: 'rate_limited'; message: string; retryAt: Date | null }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'garbage'; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'too_large'; message: string }
  | { kind: 'network'; message: string };

export type FetchResult =
  | { ok: true; status: number; json: unknown; headers: Headers }
  | { ok: false; failure: Failure; headers: Headers | null };

export interface PlatformErrorReader {
  /** The platform's error message from a JSON error body, or null when it is not one. */
  message(json: unknown): string | null;
  /** Whether a response is the platform saying "slow down" (beyond HTTP 429). */
  isRateLimit(status: number, json: unknown): boolean;
  /** When the platform says the limit resets, if it does. */
  resetAt(headers: Headers): Date | null;
}

/** The largest answer a connector reads from a platform, unless told otherwise: 16 MiB. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

class BodyTooLarge extends Error {}

/** Reads a body as text, streaming, and stops (cancelling the rest) once it passes `maxBytes`. */
async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/**
 * GETs a JSON document with a deadline (AbortSignal.timeout, which also covers a body that stalls after
 * the headers) and a size cap (streamed: a body past `maxBytes` is cancelled, never buffered whole).
 * The URL may carry a token: it is never put in a failure message or a log line.
 */
export async function getJson(
  url: string,
  init: { headers?: Record<string, string>; timeoutMs: number; maxBytes?: number },
  errors: PlatformErrorReader,
): Promise<FetchResult> {
  const maxBytes = init.maxBytes ?? DEFAULT_MAX_BYTES;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json', ...init.headers },
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    text = await readCapped(res, maxBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge)
      return {
        ok: false,
        failure: { kind: 'too_large', message: `answer larger than the cap of ${maxBytes} bytes` },
        headers: null,
      };
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return {
        ok: false,
        failure: { kind: 'timeout', message: `no answer within ${init.timeoutMs} ms` },
        headers: null,
      };
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { ok: false, failure: { kind: 'network', message: cause ?? (err as Error).message }, headers: null };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const failure: Failure =
      res.status === 429
        ? { kind: 'rate_limited', message: 'HTTP 429', retryAt: errors.resetAt(res.headers) }
        : { kind: 'garbage', message: `HTTP ${res.status}: body is not JSON (${JSON.stringify(text.slice(0, 60))})` };
    return { ok: false, failure, headers: res.headers };
  }
  if (res.status === 429 || errors.isRateLimit(res.status, json)) {
    const message = errors.message(json) ?? `HTTP ${res.status}`;
    return {
      ok: false,
      failure: { kind: 'rate_limited', message, retryAt: errors.resetAt(res.headers) },
      headers: res.headers,
    };
  }
  if (!res.ok) {
    const message = errors.message(json) ?? `HTTP ${res.status}`;
    return { ok: false, failure: { kind: 'http', status: res.status, message }, headers: res.headers };
  }
  return { ok: true, status: res.status, json, headers: res.headers };
}

/** Builds a URL from a configurable base (tests point it at a local fake server) and query parameters. */
export function apiUrl(base: string, path: string, query: Record<string, string>): string {
  const url = new URL(base.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}

/** A scalar from an error body as text ('' for anything else), so an object never prints as [object Object]. */
export function scalar(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}
