import { createHash } from 'node:crypto';

export interface CachedBody {
  body: string;
  /** Strong validator: a hash of the exact bytes served. */
  etag: string;
  /** When the figures were computed (ms since epoch). */
  at: number;
  /** The body gzipped, made on the first request that accepts it. */
  gzipped?: Buffer;
}

export interface PublicCacheOptions {
  /** How long a computed body is served before it is computed again. @default 15000 */
  ttlMs?: number;
  /** Entries kept; the oldest go first. @default 2000 */
  maxEntries?: number;
  now?: () => number;
}

/**
 * The public routes' in-process cache: one computation per key per TTL however many requests arrive
 * (concurrent misses share one promise), so a public page costs the database nothing under load. A
 * failed computation is not cached. Keys are the route and its validated parameters.
 */
export class PublicCache {
  private readonly entries = new Map<string, CachedBody>();
  private readonly inflight = new Map<string, Promise<CachedBody>>();
  private readonly ttl: number;
  private readonly max: number;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(options: PublicCacheOptions = {}) {
    this.ttl = options.ttlMs ?? 15_000;
    this.max = options.maxEntries ?? 2000;
    this.now = options.now ?? Date.now;
  }

  async get(key: string, compute: () => Promise<string>): Promise<CachedBody> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttl) {
      this.hits++;
      return hit;
    }
    const running = this.inflight.get(key);
    if (running) return running;
    this.misses++;
    const p = compute()
      .then((body) => {
        const entry = { body, etag: etagOf(body), at: this.now() };
        this.entries.delete(key);
        this.entries.set(key, entry);
        if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
        return entry;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  /** A fresh entry for the key if there is one, without computing anything. */
  peek(key: string): CachedBody | undefined {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttl) {
      this.hits++;
      return hit;
    }
    return undefined;
  }

  clear(): void {
    this.entries.clear();
  }
}

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header matches a strong ETag (a list, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim() === etag);
}
