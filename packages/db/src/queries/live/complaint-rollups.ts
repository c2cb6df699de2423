import { localDateOf, type ComplaintFacts } from '@pantau/domain';
import type { PoolClient } from '../../connection.ts';

/** What the rollups need to know about a complaint before and after a change (the rule is in domain). */
export type ComplaintRollupFacts = ComplaintFacts;

type Counter =
  | 'received'
  | 'verified'
  | 'followed_up'
  | 'completed'
  | 'deleted'
  | 'followed_up_on_time'
  | 'follow_up_hk_sum'
  | 'verify_seconds_sum';
interface RollupRow {
  day: string;
  scope: string;
  dim: string;
  key: string;
  c: Partial<Record<Counter, number>>;
}
interface StockRow {
  scope: string;
  dim: string;
  key: string;
  status: string;
  deadline_state: string;
  escalated: boolean;
  n: number;
}

/** Deltas gathered over a batch, written with one statement per table. */
export class RollupBatch {
  readonly rollups = new Map<string, RollupRow>();
  readonly stock = new Map<string, StockRow>();
  /** Per scope and hour (all milestones), and per scope and minute (intake only). */
  readonly hours = new Map<string, { scope: string; bucket: string; c: Partial<Record<Counter, number>> }>();
  readonly minutes = new Map<string, { scope: string; bucket: string; received: number }>();
  readonly topics = new Set<string>();
  constructor(readonly timeZone: string) {}

  /**
   * Records the change of one complaint from `before` (null: new) to `after`. Each complaint counts
   * under its current dimensions: the change adds the complaint's whole contribution as it is now and
   * takes away its contribution as it was, so a reassigned complaint moves to its new OPD and the result
   * is the same however events were batched (and equal to a rebuild from the log).
   */
  add(before: ComplaintRollupFacts | null, after: ComplaintRollupFacts): void {
    if (before && sameDimensions(before, after)) {
      // Same dimensions: the unchanged milestones cancel out, so only the ones that moved are written.
      this.contribute(before, -1, (m) => !sameMilestone(before, after, m));
      this.contribute(after, 1, (m) => !sameMilestone(before, after, m));
      if (before.open !== after.open || stockKey(before) !== stockKey(after)) {
        if (before.open) this.addStock(before, -1);
        if (after.open) this.addStock(after, 1);
      }
    } else {
      if (before) {
        this.contribute(before, -1);
        if (before.open) this.addStock(before, -1);
      }
      this.contribute(after, 1);
      if (after.open) this.addStock(after, 1);
    }
    for (const f of [before, after]) {
      if (!f) continue;
      for (const scope of scopesOf(f)) this.topics.add(scope);
      if (f.opdId) this.topics.add(`public:opd:${f.opdId}`);
      if (f.regencyCode) this.topics.add(`public:regency:${f.regencyCode}`);
    }
    this.topics.add('worklist');
    this.topics.add('public:province');
  }

  private contribute(f: ComplaintRollupFacts, sign: 1 | -1, include: (m: Counter) => boolean = () => true): void {
    const milestones: Array<[Counter, Date | null]> = [
      ['received', f.submittedAt],
      ['verified', f.verifiedAt],
      ['followed_up', f.firstFollowUpAt],
      ['completed', f.completedAt],
      ['deleted', f.deletedAt],
    ];
    for (const [counter, at] of milestones) {
      if (!at || !include(counter)) continue;
      const inc: Partial<Record<Counter, number>> = { [counter]: sign };
      if (counter === 'followed_up') {
        inc.followed_up_on_time = f.followUpOnTime ? sign : 0;
        inc.follow_up_hk_sum = sign * (f.followUpWorkingDays ?? 0);
      }
      if (counter === 'verified')
        inc.verify_seconds_sum = sign * Math.max(0, Math.round((at.getTime() - f.submittedAt.getTime()) / 1000));
      this.addFlow(localDateOf(at, this.timeZone), f, inc);
      this.addIntraday(at, f, counter, sign);
    }
  }

  private addFlow(day: string, f: ComplaintRollupFacts, inc: Partial<Record<Counter, number>>): void {
    const dims = flowDimensions(f);
    for (const scope of scopesOf(f)) {
      for (const [dim, key] of dims) {
        if (
          key === null ||
          (dim === 'opd' && scope.startsWith('opd:')) ||
          (dim === 'regency' && scope.startsWith('regency:'))
        )
          continue;
        const id = `${day}|${scope}|${dim}|${key}`;
        const row = this.rollups.get(id) ?? { day, scope, dim, key, c: {} };
        for (const [k, v] of Object.entries(inc) as Array<[Counter, number]>) row.c[k] = (row.c[k] ?? 0) + v;
        this.rollups.set(id, row);
      }
    }
  }

  private addIntraday(at: Date, f: ComplaintRollupFacts, counter: Counter, sign: number): void {
    const hour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000).toISOString();
    const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString();
    for (const scope of scopesOf(f)) {
      const h = this.hours.get(`${scope}|${hour}`) ?? { scope, bucket: hour, c: {} };
      h.c[counter] = (h.c[counter] ?? 0) + sign;
      this.hours.set(`${scope}|${hour}`, h);
      if (counter === 'received') {
        const m = this.minutes.get(`${scope}|${minute}`) ?? { scope, bucket: minute, received: 0 };
        m.received += sign;
        this.minutes.set(`${scope}|${minute}`, m);
      }
    }
  }

  private addStock(f: ComplaintRollupFacts, n: number): void {
    const dims: Array<[string, string | null]> = [
      ['total', ''],
      ['opd', f.opdId],
      ['regency', f.regencyCode],
    ];
    for (const scope of scopesOf(f)) {
      for (const [dim, key] of dims) {
        if (key === null) continue;
        const id = `${scope}|${dim}|${key}|${f.status}|${f.deadlineState}|${f.escalated}`;
        const row = this.stock.get(id) ?? {
          scope,
          dim,
          key,
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

  /**
   * Writes every delta (one statement per table) and marks the changed topics, in the caller's
   * transaction. Rows go in primary-key order: every writer (ingest, watcher, recompute, console) then
   * locks shared rollup rows in one global order, so concurrent batches cannot deadlock on them.
   */
  async flush(client: PoolClient): Promise<void> {
    const changed = sortBy([...this.rollups.values()], (r) => [r.scope, r.dim, r.day, r.key]).filter((r) =>
      Object.values(r.c).some((v) => Math.abs(v) > 1e-9),
    );
    if (changed.length > 0) {
      const rows = changed.map((r) => ({ day: r.day, scope: r.scope, dim: r.dim, key: r.key, ...r.c }));
      await client.query(
        `INSERT INTO complaint_rollup_day AS t (day, scope, dim, key, received, verified, followed_up, completed, deleted,
           followed_up_on_time, follow_up_hk_sum, verify_seconds_sum)
         SELECT day, scope, dim, key, coalesce(received, 0), coalesce(verified, 0), coalesce(followed_up, 0), coalesce(completed, 0),
                coalesce(deleted, 0), coalesce(followed_up_on_time, 0), coalesce(follow_up_hk_sum, 0), coalesce(verify_seconds_sum, 0)
         FROM jsonb_to_recordset($1::jsonb) AS x(day date, scope text, dim text, key text, received int, verified int, followed_up int,
           completed int, deleted int, followed_up_on_time int, follow_up_hk_sum int, verify_seconds_sum bigint)
         ON CONFLICT (scope, dim, day, key) DO UPDATE SET received = t.received + EXCLUDED.received, verified = t.verified + EXCLUDED.verified,
           followed_up = t.followed_up + EXCLUDED.followed_up, completed = t.completed + EXCLUDED.completed,
           deleted = t.deleted + EXCLUDED.deleted, followed_up_on_time = t.followed_up_on_time + EXCLUDED.followed_up_on_time,
           follow_up_hk_sum = t.follow_up_hk_sum + EXCLUDED.follow_up_hk_sum, verify_seconds_sum = t.verify_seconds_sum + EXCLUDED.verify_seconds_sum`,
        [JSON.stringify(rows)],
      );
    }
    const hours = sortBy([...this.hours.values()], (h) => [h.scope, h.bucket]).filter((h) =>
      Object.values(h.c).some((v) => v !== 0),
    );
    if (hours.length > 0) {
      await client.query(
        `INSERT INTO complaint_rollup_hour AS t (scope, bucket, received, verified, followed_up, completed, deleted)
         SELECT scope, bucket, coalesce(received, 0), coalesce(verified, 0), coalesce(followed_up, 0), coalesce(completed, 0), coalesce(deleted, 0)
         FROM jsonb_to_recordset($1::jsonb) AS x(scope text, bucket timestamptz, received int, verified int, followed_up int, completed int, deleted int)
         ON CONFLICT (scope, bucket) DO UPDATE SET received = t.received + EXCLUDED.received, verified = t.verified + EXCLUDED.verified,
           followed_up = t.followed_up + EXCLUDED.followed_up, completed = t.completed + EXCLUDED.completed, deleted = t.deleted + EXCLUDED.deleted`,
        [JSON.stringify(hours.map((h) => ({ scope: h.scope, bucket: h.bucket, ...h.c })))],
      );
    }
    const minutes = sortBy([...this.minutes.values()], (m) => [m.scope, m.bucket]).filter((m) => m.received !== 0);
    if (minutes.length > 0) {
      await client.query(
        `INSERT INTO complaint_rollup_minute AS t (scope, bucket, received)
         SELECT scope, bucket, received FROM jsonb_to_recordset($1::jsonb) AS x(scope text, bucket timestamptz, received int)
         ON CONFLICT (scope, bucket) DO UPDATE SET received = t.received + EXCLUDED.received`,
        [JSON.stringify(minutes)],
      );
    }
    const stock = sortBy([...this.stock.values()], (r) => [
      r.scope,
      r.dim,
      r.key,
      r.status,
      r.deadline_state,
      String(r.escalated),
    ]).filter((r) => r.n !== 0);
    if (stock.length > 0) {
      await client.query(
        `INSERT INTO complaint_stock AS t (scope, dim, key, status, deadline_state, escalated, n)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(scope text, dim text, key text, status text, deadline_state text, escalated boolean, n int)
         ON CONFLICT (scope, dim, key, status, deadline_state, escalated) DO UPDATE SET n = t.n + EXCLUDED.n`,
        [JSON.stringify(stock)],
      );
    }
    if (this.topics.size > 0) {
      await client.query('INSERT INTO live_outbox (topic) SELECT unnest($1::text[])', [[...this.topics]]);
      await client.query(`SELECT pg_notify('pantau_outbox:' || current_schema(), '')`);
    }
    this.rollups.clear();
    this.stock.clear();
    this.hours.clear();
    this.minutes.clear();
    this.topics.clear();
  }
}

const MILESTONE_FIELD: Record<string, keyof ComplaintRollupFacts> = {
  received: 'submittedAt',
  verified: 'verifiedAt',
  followed_up: 'firstFollowUpAt',
  completed: 'completedAt',
  deleted: 'deletedAt',
};

export function sameDimensions(a: ComplaintRollupFacts, b: ComplaintRollupFacts): boolean {
  return (
    a.opdId === b.opdId &&
    a.regencyCode === b.regencyCode &&
    a.channel === b.channel &&
    a.topic === b.topic &&
    a.classification === b.classification
  );
}

export function sameMilestone(a: ComplaintRollupFacts, b: ComplaintRollupFacts, m: Counter): boolean {
  const field = MILESTONE_FIELD[m]!;
  const ta = (a[field] as Date | null)?.getTime() ?? null;
  const tb = (b[field] as Date | null)?.getTime() ?? null;
  if (ta !== tb) return false;
  if (m === 'followed_up')
    return a.followUpOnTime === b.followUpOnTime && a.followUpWorkingDays === b.followUpWorkingDays;
  if (m === 'verified') return a.submittedAt.getTime() === b.submittedAt.getTime();
  return true;
}

export function stockKey(f: ComplaintRollupFacts): string {
  return `${f.status}|${f.deadlineState}|${f.escalated}`;
}

/** The dimensions a flow counts under, each with its key ('' for the total). */
export function flowDimensions(f: ComplaintRollupFacts): Array<[string, string | null]> {
  return [
    ['total', ''],
    ['opd', f.opdId],
    ['regency', f.regencyCode],
    ['channel', f.channel],
    ['topic', f.topic],
    ['classification', f.classification],
  ];
}

export function scopesOf(f: ComplaintRollupFacts): string[] {
  const scopes = ['province'];
  if (f.opdId) scopes.push(`opd:${f.opdId}`);
  if (f.regencyCode) scopes.push(`regency:${f.regencyCode}`);
  return scopes;
}

/** Sorts by a tuple of strings compared bytewise (the order of the C-collated primary keys). */
function sortBy<T>(rows: T[], key: (row: T) => string[]): T[] {
  const keyed = rows.map((row) => ({ row, k: key(row) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.k.length; i++) {
      const x = a.k[i]!;
      const y = b.k[i]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  return keyed.map((e) => e.row);
}
