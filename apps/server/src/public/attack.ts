import GLPK from 'glpk.js/node';

/** One linear fact an attacker knows: `sum(coef * cell) = rhs` over suppressed cells. */
export interface KnownEquation {
  terms: Array<{ cell: string; coef: number }>;
  rhs: number;
}

/** What a published marker tells the attacker about a suppressed cell. */
export interface CellBounds {
  lo: number;
  /** Infinity when unbounded above. */
  hi: number;
}

export interface AttackResult {
  /** Suppressed cells the attacker solved exactly, with their value. */
  solved: Map<string, number>;
  /** Every suppressed cell's feasible range. */
  ranges: Map<string, [number, number]>;
}

/** Stands in for "no upper bound": GLPK's integer search does not report unbounded problems reliably. */
const CAP = 1_000_000;

type Glpk = Awaited<ReturnType<typeof GLPK>>;
let solver: Promise<Glpk> | null = null;

/**
 * An attacker who knows the equations and the bounds: the smallest and largest integer value a
 * suppressed cell can take (an integer program each way, solved by GLPK). It sees only equations and
 * bounds, never how they were chosen.
 */
export class Attacker {
  private constructor(
    private readonly glpk: Glpk,
    private readonly cells: string[],
    private readonly subjectTo: unknown[],
    private readonly lpBounds: unknown[],
  ) {}

  static async of(equations: KnownEquation[], bounds: Map<string, CellBounds>): Promise<Attacker> {
    solver ??= GLPK();
    const glpk = await solver;
    const cells = [...bounds.keys()];
    const subjectTo = equations
      .filter((e) => e.terms.length > 0)
      .map((e, i) => ({
        name: `e${i}`,
        vars: e.terms.map((t) => ({ name: lpName(t.cell), coef: t.coef })),
        bnds: { type: glpk.GLP_FX, lb: e.rhs, ub: e.rhs },
      }));
    const lpBounds = cells.map((c) => {
      const b = bounds.get(c)!;
      const hi = Number.isFinite(b.hi) ? b.hi : CAP;
      return { name: lpName(c), type: b.lo === hi ? glpk.GLP_FX : glpk.GLP_DB, lb: b.lo, ub: hi };
    });
    return new Attacker(glpk, cells, subjectTo, lpBounds);
  }

  /** The smallest value the cell can take. */
  min(cell: string): number {
    return this.optimise(cell, this.glpk.GLP_MIN);
  }

  /** The largest value the cell can take (Infinity when nothing bounds it). */
  max(cell: string): number {
    return this.optimise(cell, this.glpk.GLP_MAX);
  }

  private optimise(cell: string, direction: number): number {
    const glpk = this.glpk;
    const r = glpk.solve(
      {
        name: 'attack',
        objective: { direction, name: 'z', vars: [{ name: lpName(cell), coef: 1 }] },
        subjectTo: this.subjectTo as never,
        bounds: this.lpBounds as never,
        generals: this.cells.map(lpName),
      },
      { msglev: glpk.GLP_MSG_OFF },
    );
    if (r.result.status !== glpk.GLP_OPT) throw new Error(`no solution for ${cell}: status ${r.result.status}`);
    const z = Math.round(r.result.z);
    return z >= CAP ? Infinity : z;
  }
}

/**
 * The range of every target cell (by default every cell with a range); those with one value are solved.
 * Exact cells are substituted first and the rest is split into independent groups, so a large public
 * table costs integer programs over its suppressed cells only.
 */
export async function attack(
  equations: KnownEquation[],
  bounds: Map<string, CellBounds>,
  targets: Iterable<string> = [...bounds].filter(([, b]) => b.lo !== b.hi).map(([c]) => c),
): Promise<AttackResult> {
  const fixed = (c: string) => {
    const b = bounds.get(c);
    return b !== undefined && b.lo === b.hi;
  };
  const reduced: KnownEquation[] = [];
  for (const e of equations) {
    let rhs = e.rhs;
    const terms: KnownEquation['terms'] = [];
    for (const t of e.terms) {
      if (fixed(t.cell)) rhs -= t.coef * bounds.get(t.cell)!.lo;
      else terms.push(t);
    }
    if (terms.length > 0) reduced.push({ terms, rhs });
    else if (Math.abs(rhs) > 1e-9) throw new Error(`published figures contradict a sum (off by ${rhs})`);
  }
  // Groups of cells linked by equations.
  const parent = new Map<string, string>();
  const find = (c: string): string => {
    const p = parent.get(c) ?? c;
    if (p === c) return c;
    const r = find(p);
    parent.set(c, r);
    return r;
  };
  for (const e of reduced) for (const t of e.terms) parent.set(find(t.cell), find(e.terms[0]!.cell));
  const solved = new Map<string, number>();
  const ranges = new Map<string, [number, number]>();
  const byGroup = new Map<string, string[]>();
  for (const c of targets) {
    if (fixed(c)) {
      const v = bounds.get(c)!.lo;
      ranges.set(c, [v, v]);
      solved.set(c, v);
      continue;
    }
    const g = find(c);
    byGroup.set(g, [...(byGroup.get(g) ?? []), c]);
  }
  for (const [g, cells] of byGroup) {
    const eqs = reduced.filter((e) => find(e.terms[0]!.cell) === g);
    const members = new Set([...cells, ...eqs.flatMap((e) => e.terms.map((t) => t.cell))]);
    const attacker = await Attacker.of(eqs, new Map([...members].map((c) => [c, bounds.get(c)!])));
    for (const c of cells) {
      const lo = attacker.min(c);
      const hi = attacker.max(c);
      ranges.set(c, [lo, hi]);
      if (lo === hi) solved.set(c, lo);
    }
  }
  return { solved, ranges };
}

const lpName = (cell: string) => `x_${cell.replace(/[^A-Za-z0-9_]/g, (ch) => `_${ch.charCodeAt(0).toString(16)}_`)}`;
