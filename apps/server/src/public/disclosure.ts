import { Attacker } from './attack.ts';

/**
 * Statistical disclosure control for the public figures: primary suppression of small counts and
 * complementary (secondary) suppression so that no small count can be derived from everything public.
 *
 * The public figures form one table of cells linked by additive relations (a scope's total is the sum
 * of its channels, the province is the sum of its OPDs, a week is the sum of its days, ...). Publishing a
 * small cell as "<N" is not enough: the total minus the other parts gives it back. This module decides,
 * for every cell, whether it is published exactly, as "<N" (primary: 1..N-1) or withheld (secondary: a
 * cell of at least N hidden so that a small one cannot be solved for).
 *
 * The attacker modelled here knows every published cell, every relation, the residual of every relation
 * (what the parts do not cover, e.g. complaints with no OPD yet — assumed public, which is the cautious
 * side), that a "<N" cell lies in 1..N-1 and that a withheld cell is at least N. A suppressed cell counts
 * as protected when no integer solution of all relations and bounds pins it to one value: fast interval
 * propagation (over the relations and their reduced echelon form) picks most complements, and integer
 * programs (GLPK) per cell confirm the result. The tests attack the published answers the same way,
 * building their equations from the HTTP answers alone.
 */

/**
 * `visible`: published exactly; `small`: published as "<N"; `withheld`: a count of at least N hidden
 * to protect a small one; `hidden`: never published, but part of the truth the relations state (a day
 * of an OPD inside its published week) — the attacker knows only that it is not negative.
 */
export type CellState = 'visible' | 'small' | 'withheld' | 'hidden';

/** `total = sum(parts) + residual`, the residual taken from the true values (and assumed known). */
export interface Relation {
  total: string;
  parts: readonly string[];
}

export interface ProtectOptions {
  /** Counts in 1..min-1 are small. */
  min: number;
  /** Safety bound on complement rounds (one complement each). @default 5000 */
  maxRounds?: number;
  /** Confirm with the exact (integer programming) attack, not only the fast ones. @default true */
  exact?: boolean;
  /** Cells that are never published (see CellState). */
  hidden?: Iterable<string>;
  /** Time for trying to publish withheld cells again (see `republish`). @default 1000 */
  cleanupMs?: number;
}

export interface Protection {
  state: ReadonlyMap<string, CellState>;
  /** Cells still pinned when no complement was left to withhold (should be empty; reported, never hidden). */
  unprotected: string[];
}

interface Equation {
  vars: number[];
  coefs: number[];
  rhs: number;
}

/**
 * Decides every cell's state. `values` holds every cell's true count; a relation may name a cell not in
 * `values`, which then counts as a published zero.
 */
export async function protect(
  values: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  o: ProtectOptions,
): Promise<Protection> {
  const min = o.min;
  const val = (k: string) => values.get(k) ?? 0;
  const state = new Map<string, CellState>();
  for (const [k, v] of values) state.set(k, v > 0 && v < min ? 'small' : 'visible');
  for (const k of o.hidden ?? []) state.set(k, 'hidden');
  const stateOf = (k: string): CellState => state.get(k) ?? 'visible';
  const rels = relations.map((r) => ({
    total: r.total,
    parts: [...r.parts],
    residual: val(r.total) - r.parts.reduce((a, p) => a + val(p), 0),
    members: [r.total, ...r.parts],
  }));
  const relationsOf = new Map<string, number[]>();
  rels.forEach((r, i) => {
    for (const m of r.members) {
      const list = relationsOf.get(m);
      if (list) list.push(i);
      else relationsOf.set(m, [i]);
    }
  });

  let unprotected: string[] = [];
  const memo: ExactMemo = new Map();
  for (let round = 0; round < (o.maxRounds ?? 5000); round++) {
    // Long protections must not hold the event loop: a round at a time.
    await new Promise((resolve) => setImmediate(resolve));
    const system = systemOf(rels, stateOf, val, min, relationsOf);
    // The cheap attacks first; when they find nothing, the exact one (integer programs per cell).
    let pinned = heuristicPinned(system);
    if (pinned.length === 0 && o.exact !== false) pinned = await exactPinned(system, val, undefined, memo);
    if (pinned.length === 0) {
      unprotected = [];
      break;
    }
    // Complements for several pinned cells at once, but never two in the same neighbourhood: one
    // complement often unpins others (a week, its month, its window are one chain). What overshoots
    // is published again by `republish`.
    unprotected = [];
    let added = false;
    const touched = new Set<number>();
    for (const cell of pinned) {
      if ((relationsOf.get(cell) ?? []).some((i) => touched.has(i))) continue;
      const best = nearestComplement(cell, rels, relationsOf, stateOf, val);
      if (!best) {
        unprotected.push(cell);
        continue;
      }
      state.set(best.key, 'withheld');
      for (const k of [cell, best.key]) for (const i of relationsOf.get(k) ?? []) touched.add(i);
      added = true;
    }
    if (!added) break;
  }
  if (o.exact !== false && unprotected.length === 0)
    await republish(state, rels, relationsOf, val, min, o.cleanupMs ?? 1000, memo);
  return { state, unprotected };
}

/**
 * Greedy complements overshoot: a cell withheld early may be unnecessary once later ones are in place.
 * Tries to publish each withheld cell again — province cells and larger counts first, they matter most
 * to readers — keeping it published when the exact attack still solves nothing. Bounded in time; what
 * is not retried stays withheld, which is safe.
 */
async function republish(
  state: Map<string, CellState>,
  rels: ReadonlyArray<{ total: string; parts: string[]; residual: number; members: string[] }>,
  relationsOf: Map<string, number[]>,
  val: (k: string) => number,
  min: number,
  budgetMs: number,
  memo: ExactMemo,
): Promise<void> {
  const deadline = Date.now() + budgetMs;
  const stateOf = (k: string): CellState => state.get(k) ?? 'visible';
  const withheld = [...state]
    .filter(([, s]) => s === 'withheld')
    .map(([k]) => k)
    .sort(
      (a, b) =>
        Number(b.startsWith('province|')) - Number(a.startsWith('province|')) || val(b) - val(a) || a.localeCompare(b),
    );
  for (const k of withheld) {
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setImmediate(resolve));
    state.set(k, 'visible');
    const sys = systemOf(rels, stateOf, val, min, relationsOf);
    // The suppressed cells that share a relation with k: only their groups can have changed.
    const near = new Set<string>();
    for (const i of relationsOf.get(k) ?? [])
      for (const m of rels[i]!.members) if (stateOf(m) !== 'visible') near.add(m);
    const safe = heuristicPinned(sys).length === 0 && (await exactPinned(sys, val, near, memo)).length === 0;
    if (!safe) state.set(k, 'withheld');
  }
}

/**
 * The published cell to withhold for a pinned one, searched breadth first from it through the
 * relations and the suppressed cells they share (up to a few steps once one is found). The cheapest
 * wins: a part before a total (a total withheld hides more), a province cell last (the most seen),
 * then the nearer, then the smaller count.
 */
function nearestComplement(
  cell: string,
  rels: ReadonlyArray<{ total: string; members: string[] }>,
  relationsOf: Map<string, number[]>,
  stateOf: (k: string) => CellState,
  val: (k: string) => number,
): { key: string } | null {
  const seenCells = new Set([cell]);
  const seenRels = new Set<number>();
  let frontier = [cell];
  let best: { key: string; score: Score } | null = null;
  let foundAt = -1;
  for (let depth = 0; frontier.length > 0 && (foundAt < 0 || depth <= foundAt + 2); depth++) {
    const next: string[] = [];
    for (const c of frontier) {
      for (const i of relationsOf.get(c) ?? []) {
        if (seenRels.has(i)) continue;
        seenRels.add(i);
        const r = rels[i]!;
        for (const m of r.members) {
          if (stateOf(m) !== 'visible') {
            if (!seenCells.has(m)) {
              seenCells.add(m);
              next.push(m);
            }
            continue;
          }
          if (val(m) <= 0) continue;
          const tier = (m === r.total ? 1 : 0) + (m.startsWith('province|') ? 2 : 0);
          const score: Score = [tier, depth, val(m), m];
          if (!best || compare(score, best.score) < 0) best = { key: m, score };
          if (foundAt < 0) foundAt = depth;
        }
      }
    }
    frontier = next;
  }
  return best ? { key: best.key } : null;
}

type Score = [tier: number, depth: number, value: number, key: string];

function compare(a: Score, b: Score): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3].localeCompare(b[3]);
}

interface System {
  names: string[];
  /** Which cells are small (primary): only these must stay unsolvable; a withheld one may be solved. */
  small: boolean[];
  lo: number[];
  hi: number[];
  eqs: Equation[];
}

/** The attacker's view: every relation that holds a suppressed cell, with published cells moved right. */
function systemOf(
  rels: ReadonlyArray<{ total: string; parts: string[]; residual: number; members: string[] }>,
  stateOf: (k: string) => CellState,
  val: (k: string) => number,
  min: number,
  relationsOf: Map<string, number[]>,
): System {
  const index = new Map<string, number>();
  const names: string[] = [];
  const small: boolean[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const idOf = (k: string) => {
    let i = index.get(k);
    if (i === undefined) {
      i = names.length;
      index.set(k, i);
      names.push(k);
      const s = stateOf(k);
      small.push(s === 'small');
      lo.push(s === 'small' ? 1 : s === 'hidden' ? 0 : min);
      hi.push(s === 'small' ? min - 1 : Infinity);
    }
    return i;
  };
  const eqs: Equation[] = [];
  const seen = new Set<number>();
  for (const [k, list] of relationsOf) {
    if (stateOf(k) === 'visible') continue;
    for (const i of list) {
      if (seen.has(i)) continue;
      seen.add(i);
      const r = rels[i]!;
      // parts - total = -residual
      const eq: Equation = { vars: [], coefs: [], rhs: -r.residual };
      const term = (m: string, c: number) => {
        if (stateOf(m) === 'visible') eq.rhs -= c * val(m);
        else {
          eq.vars.push(idOf(m));
          eq.coefs.push(c);
        }
      };
      for (const p of r.parts) term(p, 1);
      term(r.total, -1);
      if (eq.vars.length > 0) eqs.push(eq);
    }
  }
  return { names, small, lo, hi, eqs };
}

/** Small cells pinned by interval propagation over the relations and their reduced row echelon form. */
function heuristicPinned(sys: System): string[] {
  if (sys.names.length === 0) return [];
  const lo = [...sys.lo];
  const hi = [...sys.hi];
  // A row with its pivot alone is a determined variable; propagation pins it like any other.
  propagateBounds([...sys.eqs, ...reducedRows(sys.eqs)], lo, hi);
  const pinned: string[] = [];
  lo.forEach((l, i) => {
    if (sys.small[i] && l === hi[i]) pinned.push(sys.names[i]!);
  });
  return pinned.sort();
}

/**
 * Small cells the exact attacker pins: per connected group of suppressed cells, the integer range of
 * each small one (GLPK). Yields to the event loop between groups so a large table never stalls the server.
 */
/** Exact results by group: a group whose equations and bounds did not change is not solved again. */
type ExactMemo = Map<string, string[]>;

async function exactPinned(
  sys: System,
  val: (k: string) => number,
  focus?: ReadonlySet<string>,
  memo?: ExactMemo,
): Promise<string[]> {
  const parent = sys.names.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const e of sys.eqs) for (const v of e.vars) parent[find(v)] = find(e.vars[0]!);
  const groups = new Map<number, number[]>();
  sys.names.forEach((_, i) => {
    const g = find(i);
    const list = groups.get(g);
    if (list) list.push(i);
    else groups.set(g, [i]);
  });
  const pinned: string[] = [];
  for (const members of groups.values()) {
    if (focus && !members.some((i) => focus.has(sys.names[i]!))) continue;
    const inGroup = new Set(members);
    const equations = sys.eqs
      .filter((e) => inGroup.has(e.vars[0]!))
      .map((e) => ({ terms: e.vars.map((v, j) => ({ cell: sys.names[v]!, coef: e.coefs[j]! })), rhs: e.rhs }));
    const bounds = new Map(members.map((i) => [sys.names[i]!, { lo: sys.lo[i]!, hi: sys.hi[i]! }]));
    const key = JSON.stringify([equations, [...bounds]]);
    const known = memo?.get(key);
    if (known) {
      pinned.push(...known);
      continue;
    }
    const attacker = await Attacker.of(equations, bounds);
    const found: string[] = [];
    for (const i of members) {
      if (!sys.small[i]) continue;
      const name = sys.names[i]!;
      // The true value is feasible, so the cell is pinned only if it is both the least and the most.
      if (attacker.min(name) === val(name) && attacker.max(name) === val(name)) found.push(name);
    }
    memo?.set(key, found);
    pinned.push(...found);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return pinned.sort();
}

/** Interval constraint propagation over `sum(coef * x) = rhs`, tightening integer bounds to a fixpoint. */
function propagateBounds(eqs: Equation[], lo: number[], hi: number[]): void {
  // The low and high end of one term c * x.
  const termLo = (c: number, v: number) => (c > 0 ? c * lo[v]! : c * hi[v]!);
  const termHi = (c: number, v: number) => (c > 0 ? c * hi[v]! : c * lo[v]!);
  for (let pass = 0; pass < 100; pass++) {
    let changed = false;
    for (const eq of eqs) {
      // Sums of the finite ends, and how many ends are infinite.
      let loSum = 0;
      let loInf = 0;
      let hiSum = 0;
      let hiInf = 0;
      for (let j = 0; j < eq.vars.length; j++) {
        const l = termLo(eq.coefs[j]!, eq.vars[j]!);
        const h = termHi(eq.coefs[j]!, eq.vars[j]!);
        if (Number.isFinite(l)) loSum += l;
        else loInf++;
        if (Number.isFinite(h)) hiSum += h;
        else hiInf++;
      }
      for (let j = 0; j < eq.vars.length; j++) {
        const v = eq.vars[j]!;
        const c = eq.coefs[j]!;
        const l = termLo(c, v);
        const h = termHi(c, v);
        // The other terms lie in [restLo, restHi]; c * x = rhs - rest.
        const restLo = loInf - (Number.isFinite(l) ? 0 : 1) > 0 ? -Infinity : loSum - (Number.isFinite(l) ? l : 0);
        const restHi = hiInf - (Number.isFinite(h) ? 0 : 1) > 0 ? Infinity : hiSum - (Number.isFinite(h) ? h : 0);
        const a = eq.rhs - restHi;
        const b = eq.rhs - restLo;
        const newLo = Math.ceil((c > 0 ? a / c : b / c) - 1e-9);
        const newHi = Math.floor((c > 0 ? b / c : a / c) + 1e-9);
        if (Number.isFinite(newLo) && newLo > lo[v]!) {
          lo[v] = newLo;
          changed = true;
        }
        if (Number.isFinite(newHi) && newHi < hi[v]!) {
          hi[v] = newHi;
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
}

/**
 * The equalities in reduced row echelon form: each row has one pivot variable and otherwise only free
 * ones. These are linear combinations of the relations; interval propagation over them finds values
 * that no single relation gives away (two totals that share parts, a table's rows against its columns).
 */
function reducedRows(eqs: Equation[]): Equation[] {
  type Row = { terms: Map<number, number>; rhs: number };
  const clean = (r: Row) => {
    for (const [k, c] of r.terms) if (Math.abs(c) < 1e-9) r.terms.delete(k);
  };
  const pivotRow = new Map<number, Row>();
  for (const e of eqs) {
    const row: Row = { terms: new Map(), rhs: e.rhs };
    e.vars.forEach((v, j) => row.terms.set(v, (row.terms.get(v) ?? 0) + e.coefs[j]!));
    for (;;) {
      clean(row);
      if (row.terms.size === 0) break;
      let lead = -1;
      for (const k of row.terms.keys()) if (lead === -1 || k < lead) lead = k;
      const p = pivotRow.get(lead);
      if (!p) {
        const c = row.terms.get(lead)!;
        for (const [k, v] of row.terms) row.terms.set(k, v / c);
        row.rhs /= c;
        pivotRow.set(lead, row);
        break;
      }
      const f = row.terms.get(lead)!;
      for (const [k, v] of p.terms) row.terms.set(k, (row.terms.get(k) ?? 0) - f * v);
      row.rhs -= f * p.rhs;
    }
  }
  // Back-substitute from the highest pivot down so each pivot row keeps only free variables.
  const pivots = [...pivotRow.keys()].sort((a, b) => b - a);
  for (const lead of pivots) {
    const row = pivotRow.get(lead)!;
    for (const other of pivots) {
      if (other === lead) continue;
      const r = pivotRow.get(other)!;
      const f = r.terms.get(lead);
      if (f === undefined || Math.abs(f) < 1e-9) continue;
      for (const [k, v] of row.terms) r.terms.set(k, (r.terms.get(k) ?? 0) - f * v);
      r.rhs -= f * row.rhs;
      clean(r);
    }
  }
  return [...pivotRow.values()].map((r) => ({ vars: [...r.terms.keys()], coefs: [...r.terms.values()], rhs: r.rhs }));
}
