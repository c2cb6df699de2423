/** A small seeded PRNG (mulberry32): the same seed gives the same demo, which tests rely on. */
export interface Random {
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  chance(p: number): boolean;
  /** Exponentially distributed wait with the given mean. */
  exp(mean: number): number;
  /** A Poisson-distributed count with mean `lambda` (Knuth's method: fine for the small means used here). */
  poisson(lambda: number): number;
}

export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r <= 0) return item;
      }
      return items[items.length - 1]![0];
    },
    chance: (p) => next() < p,
    exp: (mean) => -Math.log(1 - next()) * mean,
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = 1;
      do {
        k++;
        p *= next();
      } while (p > limit && k < 1000);
      return k - 1;
    },
  };
}

/** Takes, in place, the items of a time-sorted queue that are due by `end`. */
export function takeDue<T>(pending: Array<{ at: number; item: T }>, end: number): T[] {
  let due = 0;
  while (due < pending.length && pending[due]!.at <= end) due++;
  return pending.splice(0, due).map((p) => p.item);
}
