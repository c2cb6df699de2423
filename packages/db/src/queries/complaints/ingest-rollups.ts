import { localDateOf, type ComplaintFacts } from '@pantau/domain';
import {
  flowDimensions,
  RollupBatch,
  sameDimensions,
  sameMilestone,
  scopesOf,
  stockKey,
} from '../live/complaint-rollups.ts';

type Milestone = 'received' | 'verified' | 'followed_up' | 'completed' | 'deleted';
type Counts = Partial<Record<string, number>>;

/** Where one complaint's facts count: a rollup row's scope, dimension and key, and its map key. */
interface Cell {
  scope: string;
  dim: string;
  key: string;
  id: string;
}

interface Cells {
  scopes: string[];
  flow: Cell[];
  stock: Cell[];
}

const MILESTONES: ReadonlyArray<
  readonly [Milestone, 'submittedAt' | 'verifiedAt' | 'firstFollowUpAt' | 'completedAt' | 'deletedAt']
> = [
  ['received', 'submittedAt'],
  ['verified', 'verifiedAt'],
  ['followed_up', 'firstFollowUpAt'],
  ['completed', 'completedAt'],
  ['deleted', 'deletedAt'],
];

/**
 * `RollupBatch` for ingest's batches of a thousand cases: the same rule, the same rows and the same
 * `flush` (one statement per table, primary-key order), with the per-case work cut down. A batch's cases
 * share a few hundred combinations of OPD, region, channel, topic and class, so the 18 rollup cells of
 * each combination are worked out once and reused, and counters are added field by field. Built in
 * JavaScript rather than SQL: PostgreSQL is the busier side of an ingest, and expanding the cells there
 * from jsonb measured slower than this. The rebuild (with `RollupBatch`) must equal it: rebuild-rollups.test.ts.
 */
export class IngestRollupBatch extends RollupBatch {
  private readonly cells = new Map<string, Cells>();
  private readonly days = new Map<
    string,
    Map<string, { day: string; scope: string; dim: string; key: string; c: Counts }>
  >();

  override add(before: ComplaintFacts | null, after: ComplaintFacts): void {
    if (before && sameDimensions(before, after)) {
      const cells = this.cellsOf(after);
      for (const [m, field] of MILESTONES) {
        if (sameMilestone(before, after, m)) continue;
        const was = before[field];
        const is = after[field];
        if (was) this.count(before, cells, m, was, -1);
        if (is) this.count(after, cells, m, is, 1);
      }
      if (before.open !== after.open || stockKey(before) !== stockKey(after)) {
        if (before.open) this.addStockOf(before, cells, -1);
        if (after.open) this.addStockOf(after, cells, 1);
      }
    } else {
      if (before) {
        const cells = this.cellsOf(before);
        for (const [m, field] of MILESTONES) {
          const at = before[field];
          if (at) this.count(before, cells, m, at, -1);
        }
        if (before.open) this.addStockOf(before, cells, -1);
      }
      const cells = this.cellsOf(after);
      for (const [m, field] of MILESTONES) {
        const at = after[field];
        if (at) this.count(after, cells, m, at, 1);
      }
      if (after.open) this.addStockOf(after, cells, 1);
    }
    for (const f of [before, after]) {
      if (!f) continue;
      for (const scope of this.cellsOf(f).scopes) this.topics.add(scope);
      if (f.opdId) this.topics.add(`public:opd:${f.opdId}`);
      if (f.regencyCode) this.topics.add(`public:regency:${f.regencyCode}`);
    }
    this.topics.add('worklist');
    this.topics.add('public:province');
  }

  override async flush(client: Parameters<RollupBatch['flush']>[0]): Promise<void> {
    for (const rows of this.days.values()) for (const [id, row] of rows) this.rollups.set(`${row.day}|${id}`, row);
    this.days.clear();
    await super.flush(client);
  }

  private cellsOf(f: ComplaintFacts): Cells {
    const none = '\u0001'; // stands for null: no OPD, region or topic
    const combination = `${f.opdId ?? none}\u0000${f.regencyCode ?? none}\u0000${f.channel}\u0000${f.topic ?? none}\u0000${f.classification}`;
    let cells = this.cells.get(combination);
    if (cells) return cells;
    const scopes = scopesOf(f);
    const flowDims = flowDimensions(f);
    const cell = (scope: string, dim: string, key: string): Cell => ({ scope, dim, key, id: `${scope}|${dim}|${key}` });
    const flow: Cell[] = [];
    const stock: Cell[] = [];
    for (const scope of scopes) {
      for (const [dim, key] of flowDims) {
        if (
          key === null ||
          (dim === 'opd' && scope.startsWith('opd:')) ||
          (dim === 'regency' && scope.startsWith('regency:'))
        )
          continue;
        flow.push(cell(scope, dim, key));
      }
      for (const [dim, key] of flowDims.slice(0, 3)) if (key !== null) stock.push(cell(scope, dim, key));
    }
    cells = { scopes, flow, stock };
    this.cells.set(combination, cells);
    return cells;
  }

  /** One milestone of one case, counted with `sign` in every cell, hour and (intake) minute of its scopes. */
  private count(f: ComplaintFacts, cells: Cells, m: Milestone, at: Date, sign: 1 | -1): void {
    const day = localDateOf(at, this.timeZone);
    let rows = this.days.get(day);
    if (!rows) {
      rows = new Map();
      this.days.set(day, rows);
    }
    const onTime = m === 'followed_up' ? (f.followUpOnTime ? sign : 0) : 0;
    const hk = m === 'followed_up' ? sign * (f.followUpWorkingDays ?? 0) : 0;
    const verifySeconds =
      m === 'verified' ? sign * Math.max(0, Math.round((at.getTime() - f.submittedAt.getTime()) / 1000)) : 0;
    for (const cell of cells.flow) {
      let row = rows.get(cell.id);
      if (!row) {
        row = { day, scope: cell.scope, dim: cell.dim, key: cell.key, c: {} };
        rows.set(cell.id, row);
      }
      const c = row.c;
      c[m] = (c[m] ?? 0) + sign;
      if (m === 'followed_up') {
        c.followed_up_on_time = (c.followed_up_on_time ?? 0) + onTime;
        c.follow_up_hk_sum = (c.follow_up_hk_sum ?? 0) + hk;
      } else if (m === 'verified') c.verify_seconds_sum = (c.verify_seconds_sum ?? 0) + verifySeconds;
    }
    const t = at.getTime();
    const hour = new Date(Math.floor(t / 3_600_000) * 3_600_000).toISOString();
    const minute = m === 'received' ? new Date(Math.floor(t / 60_000) * 60_000).toISOString() : '';
    for (const scope of cells.scopes) {
      const hourId = `${scope}|${hour}`;
      const h = this.hours.get(hourId) ?? { scope, bucket: hour, c: {} };
      h.c[m] = (h.c[m] ?? 0) + sign;
      this.hours.set(hourId, h);
      if (m === 'received') {
        const minuteId = `${scope}|${minute}`;
        const mi = this.minutes.get(minuteId) ?? { scope, bucket: minute, received: 0 };
        mi.received += sign;
        this.minutes.set(minuteId, mi);
      }
    }
  }

  private addStockOf(f: ComplaintFacts, cells: Cells, n: number): void {
    for (const cell of cells.stock) {
      const id = `${cell.id}|${f.status}|${f.deadlineState}|${f.escalated}`;
      const row = this.stock.get(id) ?? {
        scope: cell.scope,
        dim: cell.dim,
        key: cell.key,
        status: f.status,
        deadline_state: f.deadlineState,
        escalated: f.escalated,
        n: 0,
      };
      row.n += n;
      this.stock.set(id, row);
    }
  }
}
