/**
 * Token buckets keyed by a string (a socket id, a client address): `burst` tokens, refilled at
 * `perMinute`. Idle keys are forgotten now and then, so the map does not grow with every key ever seen.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt: number;
  private readonly rate: number;

  constructor(
    private readonly burst: number,
    perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.rate = perMinute / 60_000;
    this.sweptAt = now();
  }

  /** Takes one token for `key`; false when there is none left. */
  take(key: string): boolean {
    const t = this.now();
    if (t - this.sweptAt > 60_000) {
      for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * this.rate >= this.burst) this.buckets.delete(k);
      this.sweptAt = t;
    }
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + (t - b.at) * this.rate);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }
}

/** Subscribes an anonymous `/public` connection may make. @default 30 at once, 30 a minute after */
export const PUBLIC_SUBSCRIBES_PER_CONNECTION = { burst: 30, perMinute: 30 };
/** Subscribes all `/public` connections of one address may make. @default 120 at once, 120 a minute after */
export const PUBLIC_SUBSCRIBES_PER_ADDRESS = { burst: 120, perMinute: 120 };
