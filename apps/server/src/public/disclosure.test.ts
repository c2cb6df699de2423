import { describe, expect, it } from 'vitest';
import { protect, type CellState, type Relation } from './disclosure.ts';
import { attack, type CellBounds, type KnownEquation } from './attack.ts';

const MIN = 5;

/** What the public sees: exact values, and for suppressed cells only their marker's bounds. */
async function attackPublished(
  values: Map<string, number>,
  relations: Relation[],
  state: ReadonlyMap<string, CellState>,
) {
  const bounds = new Map<string, CellBounds>();
  const published = (k: string) => (state.get(k) ?? 'visible') === 'visible';
  for (const [k, s] of state) {
    if (s === 'small') bounds.set(k, { lo: 1, hi: MIN - 1 });
    if (s === 'withheld') bounds.set(k, { lo: MIN, hi: Infinity });
  }
  const equations: KnownEquation[] = relations.map((r) => {
    const eq: KnownEquation = { terms: [], rhs: 0 };
    for (const p of r.parts) {
      if (published(p)) eq.rhs -= values.get(p) ?? 0;
      else eq.terms.push({ cell: p, coef: 1 });
    }
    if (published(r.total)) eq.rhs += values.get(r.total) ?? 0;
    else eq.terms.push({ cell: r.total, coef: -1 });
    return eq;
  });
  return attack(equations, bounds);
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A province of `opds` OPDs × `channels` channels, each cell small, zero or large at random. */
function randomTable(rand: () => number, opds: number, channels: number) {
  const values = new Map<string, number>();
  const relations: Relation[] = [];
  const cell = () => {
    const r = rand();
    return r < 0.25 ? 0 : r < 0.6 ? 1 + Math.floor(rand() * (MIN - 1)) : MIN + Math.floor(rand() * 30);
  };
  for (let o = 0; o < opds; o++) {
    let total = 0;
    for (let c = 0; c < channels; c++) {
      const n = cell();
      values.set(`opd${o}|ch${c}`, n);
      total += n;
    }
    values.set(`opd${o}|total`, total);
    relations.push({ total: `opd${o}|total`, parts: Array.from({ length: channels }, (_, c) => `opd${o}|ch${c}`) });
  }
  for (const m of ['total', ...Array.from({ length: channels }, (_, c) => `ch${c}`)]) {
    let sum = 0;
    for (let o = 0; o < opds; o++) sum += values.get(`opd${o}|${m}`)!;
    values.set(`prov|${m}`, sum);
    relations.push({ total: `prov|${m}`, parts: Array.from({ length: opds }, (_, o) => `opd${o}|${m}`) });
  }
  return { values, relations };
}

describe('complementary suppression', () => {
  it('withholds a second channel when a total and one visible channel would give the small one away', async () => {
    // The case from the issue: received 9, web 7, app 2 — "<5" alone leaves app = 9 - 7.
    const values = new Map([
      ['received', 9],
      ['web', 7],
      ['app', 2],
    ]);
    const relations = [{ total: 'received', parts: ['web', 'app'] }];
    const { state, unprotected } = await protect(values, relations, { min: MIN });
    expect(state.get('app')).toBe('small');
    expect(state.get('web')).not.toBe('visible');
    expect(unprotected).toEqual([]);
    const { solved } = await attackPublished(values, relations, state);
    expect([...solved.keys()]).toEqual([]);
  });

  it('keeps a suppressed OPD from being recovered as the province minus the other OPDs', async () => {
    const values = new Map([
      ['province', 9],
      ['opdA', 7],
      ['opdB', 2],
    ]);
    const relations = [{ total: 'province', parts: ['opdA', 'opdB'] }];
    const { state } = await protect(values, relations, { min: MIN });
    const { solved } = await attackPublished(values, relations, state);
    expect(solved.size).toBe(0);
    // Nothing beyond what protection needs: the province total stays exact.
    expect(state.get('province')).toBe('visible');
  });

  it('a withheld complement of exactly the threshold beside a 1 is not enough, and more is withheld', async () => {
    // total 20 = a 1 + b 5 + c 14: withholding b alone gives a + b = 6 with a >= 1, b >= 5, so a = 1.
    const values = new Map([
      ['t', 20],
      ['a', 1],
      ['b', 5],
      ['c', 14],
    ]);
    const relations = [{ total: 't', parts: ['a', 'b', 'c'] }];
    const { state } = await protect(values, relations, { min: MIN });
    const { solved } = await attackPublished(values, relations, state);
    expect(solved.size).toBe(0);
  });

  it('primary suppression alone is recoverable in random tables, and no suppressed cell is after protection', async () => {
    const rand = seeded(20261203);
    let recoverableWithoutComplements = 0;
    let suppressedCells = 0;
    for (let i = 0; i < 200; i++) {
      const { values, relations } = randomTable(rand, 2 + Math.floor(rand() * 8), 2 + Math.floor(rand() * 5));
      const primaryOnly = new Map<string, CellState>(
        [...values].map(([k, v]) => [k, v > 0 && v < MIN ? 'small' : 'visible']),
      );
      recoverableWithoutComplements += (await attackPublished(values, relations, primaryOnly)).solved.size;
      const { state, unprotected } = await protect(values, relations, { min: MIN });
      expect(unprotected, JSON.stringify(Object.fromEntries(values))).toEqual([]);
      suppressedCells += [...state.values()].filter((s) => s !== 'visible').length;
      const { solved } = await attackPublished(values, relations, state);
      expect(Object.fromEntries(solved), `table ${i}: ${JSON.stringify(Object.fromEntries(values))}`).toEqual({});
      // Exact cells are the true values, and every small cell stays marked small.
      for (const [k, v] of values) if (v > 0 && v < MIN) expect(state.get(k)).toBe('small');
    }
    // The attacker is strong enough to matter: without complements it recovers cells.
    expect(recoverableWithoutComplements).toBeGreaterThan(20);
    expect(suppressedCells).toBeGreaterThan(0);
  });
});
