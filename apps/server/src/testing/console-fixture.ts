import { issueServiceToken, loadWorkingCalendar, seedProvincePack } from '@pantau/db';
import { createTestDatabase, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { createApp, type AppDeps } from '../app.ts';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';
import { ingestPpidBatch } from '../ingest/ppid-ingest.ts';
import { createLogger } from '../logger.ts';

/**
 * A signed-in console over a real PostgreSQL schema, for the security tests: tokens for every role,
 * complaints of two OPDs (one rahasia, marker strings in every free-text field), a late PPID request.
 */
export const pack = loadProvincePack('kalteng');
export const [opdA, opdB] = [pack.opds[0]!.id, pack.opds[1]!.id];
export type Who = 'admin' | 'duty' | 'opdA' | 'opdB' | 'viewer';

export interface ConsoleFixture {
  db: TestDatabase;
  app: ReturnType<typeof createApp>;
  tokens: Record<Who, string>;
  call(
    who: Who | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** Complaint ids by tracking id. */
  complaint: Record<string, number>;
  ppidRequestId: number;
  /** Rows and row versions of every table except sign-in bookkeeping: equal before and after means nothing was written. */
  fingerprint(): Promise<string>;
}

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const submitted = (id: string, opd: string, daysAgo: number, rahasia: boolean) => [
  {
    externalId: id,
    event: {
      type: 'submitted',
      eventId: 's',
      occurredAt: ago(daysAgo),
      trackingId: id,
      channel: 'web',
      classification: 'pengaduan',
      topic: 'Jalan',
      title: `MARKER-TITLE-${id}`,
      body: `MARKER-BODY-${id}`,
      regencyCode: pack.capitalRegencyCode,
      isRahasia: rahasia,
      reporter: { name: `MARKER-NAME-${id}`, contact: '081200000000' },
    },
  },
  {
    externalId: id,
    event: { type: 'verified', eventId: 'v', occurredAt: ago(daysAgo - 0.01), opdId: opd },
  },
];

export async function createConsoleFixture(label: string, deps: Partial<AppDeps> = {}): Promise<ConsoleFixture> {
  const db = await createTestDatabase({ label });
  await seedProvincePack(db.pool, pack);
  const calendar = await loadWorkingCalendar(db.pool, pack.code, pack.timeZone);
  const ctx = { pack, calendar: () => calendar };
  const app = createApp({
    pool: db.pool,
    pack,
    logger: createLogger('silent'),
    webDist: '/nonexistent',
    complaints: ctx,
    ...deps,
  });
  const tokens: Record<Who, string> = {
    admin: await issueServiceToken(db.pool, 'adm', 'Admin', 'admin'),
    duty: await issueServiceToken(db.pool, 'duty', 'Piket', 'duty_officer'),
    opdA: await issueServiceToken(db.pool, 'opda', 'Admin A', 'opd_admin', opdA),
    opdB: await issueServiceToken(db.pool, 'opdb', 'Admin B', 'opd_admin', opdB),
    viewer: await issueServiceToken(db.pool, 'viewer', 'Pimpinan', 'viewer'),
  };
  const items = [
    ...submitted('7100001', opdA, 20, true),
    ...submitted('7100002', opdB, 12, false),
    ...submitted('7100003', opdA, 1, false),
  ];
  await ingestComplaintBatch(db.pool, ctx, 'lapor', items);
  await db.pool.query(`UPDATE complaint SET deadline_state = 'overdue' WHERE tracking_id IN ('7100001', '7100002')`);
  await ingestPpidBatch(db.pool, ctx, 'ppid', [
    {
      kind: 'request',
      externalId: 'P-LATE',
      event: {
        type: 'received',
        eventId: 'r',
        occurredAt: ago(20),
        regNo: 'REG/LATE/1',
        ppidLevel: 'pembantu',
        opdId: opdB,
        channel: 'email',
        requesterType: 'perorangan',
        subject: 'MARKER-SUBJECT',
        format: 'softcopy',
        requester: { name: 'MARKER-REQUESTER', address: 'MARKER-ADDRESS' },
      },
    },
  ]);
  await db.pool.query(`UPDATE ppid_request SET deadline_state = 'overdue'`);
  const complaint: Record<string, number> = {};
  for (const r of (await db.pool.query(`SELECT id, tracking_id FROM complaint`)).rows)
    complaint[r.tracking_id] = Number(r.id);
  const ppidRequestId = Number((await db.pool.query(`SELECT id FROM ppid_request`)).rows[0].id);
  const call = (
    who: Who | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    app.request(path, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }) as Promise<Response>;
  const SKIP = new Set(['login_attempt', 'user_session', 'service_token', 'schema_migrations']);
  const fingerprint = async () => {
    const { rows } = await db.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const parts: string[] = [];
    for (const { table_name } of rows) {
      if (SKIP.has(table_name)) continue;
      const r = await db.pool.query(
        `SELECT count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text AS f FROM "${table_name}"`,
      );
      parts.push(`${table_name}=${r.rows[0].f}`);
    }
    return parts.join(' ');
  };
  return { db, app, tokens, call, complaint, ppidRequestId, fingerprint };
}
