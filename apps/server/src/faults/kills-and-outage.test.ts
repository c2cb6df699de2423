import {
  createPool,
  freePort,
  issueServiceToken,
  issueSourceKey,
  loadWorkingCalendar,
  migrate,
  seedProvincePack,
  type Pool,
} from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyComplaintRollups } from '../ingest/verify-rollups.ts';
import { startNodeProcess, type NodeProcess } from './node-process.ts';
import { startOwnCluster, type OwnCluster } from './own-cluster.ts';

const pack = loadProvincePack('kalteng');
const DAY = 86_400_000;

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('ingest and the watcher through node kills and a database restart', { timeout: 120_000 }, () => {
  let cluster: OwnCluster;
  let pool: Pool;
  const nodes: Array<NodeProcess | null> = [null, null];
  const ports: number[] = [];
  const keys = new Map<string, string>();
  let officer = '';
  const sources = ['lapor', 'sms-1708', 'csv'];

  beforeAll(async () => {
    cluster = await startOwnCluster('kills');
    pool = createPool({ connectionString: cluster.url, max: 3 });
    await migrate(pool);
    await seedProvincePack(pool, pack);
    for (const s of sources) keys.set(s, await issueSourceKey(pool, s, s));
    officer = await issueServiceToken(pool, 'piket', 'Piket', 'duty_officer');
    for (let i = 0; i < 2; i++) ports.push(await freePort());
    const env = { PANTAU_WATCH_SECONDS: '1', PANTAU_PROVINCE: 'kalteng' };
    const started = await Promise.all(ports.map((p) => startNodeProcess(cluster.url, p, env)));
    nodes.splice(0, 2, ...started);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(nodes.map(async (n) => n?.kill('SIGTERM')));
    await pool?.end().catch(() => undefined);
    await cluster?.destroy();
  });

  it('acknowledges every item exactly once, and the rollups, stock and ladder equal a rebuild afterwards', async () => {
    const env = { PANTAU_WATCH_SECONDS: '1', PANTAU_PROVINCE: 'kalteng' };
    const opds = pack.opds.filter((o) => !o.activeTo).map((o) => o.id);
    const regencies = pack.regencies.map((r) => r.code);
    let sent = 0;
    let acknowledged = 0;
    const rejected: unknown[] = [];
    let retries = 0;
    let stop = false;

    /** Posts a batch until some node acknowledges it (a 503, a refused or cut connection: try again). */
    const deliver = async (source: string, items: unknown[]) => {
      for (let attempt = 0; ; attempt++) {
        const live = nodes.filter((n): n is NodeProcess => n !== null && !n.exited);
        const node = live[attempt % Math.max(1, live.length)];
        if (node) {
          try {
            const res = await fetch(`${node.url}/api/ingest/complaints`, {
              method: 'POST',
              headers: { authorization: `Bearer ${keys.get(source)}`, 'content-type': 'application/json' },
              body: JSON.stringify({ source, items }),
              signal: AbortSignal.timeout(20_000),
            });
            if (res.status === 200) {
              const body = (await res.json()) as { rejected: number; results: Array<{ status: string }> };
              acknowledged += items.length;
              rejected.push(...body.results.filter((r) => r.status === 'rejected'));
              return;
            }
            expect([503]).toContain(res.status);
          } catch {
            // The node was killed mid-request: nothing acknowledged, so send it again.
          }
        }
        retries += 1;
        await new Promise((r) => setTimeout(r, 200));
      }
    };

    /** One source's lane: new complaints from the last weeks (many already overdue), then their next events. */
    const lane = async (source: string, seed: number) => {
      const random = rng(seed);
      const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
      const open: string[] = [];
      for (let round = 0; !stop; round++) {
        const items: unknown[] = [];
        for (let i = 0; i < 25; i++) {
          const externalId = `${source}-${round}-${i}`;
          const at = new Date(Date.now() - Math.floor(random() * 30) * DAY - 3_600_000);
          items.push({
            externalId,
            event: {
              type: 'submitted',
              eventId: 's',
              occurredAt: at.toISOString(),
              trackingId: `${seed}${round}${i}`,
              channel: 'web',
              classification: 'pengaduan',
              title: 'Aduan',
              body: 'x',
              regencyCode: pick(regencies),
            },
          });
          open.push(externalId);
        }
        // Move some earlier complaints on: verified, deleted or completed while the watcher escalates them.
        for (let i = 0; i < 15 && open.length > 40; i++) {
          const externalId = open.splice(Math.floor(random() * (open.length - 25)), 1)[0]!;
          const r = random();
          const occurredAt = new Date(Date.now() - 60_000).toISOString();
          items.push(
            r < 0.5
              ? { externalId, event: { type: 'verified', eventId: 'v', occurredAt, opdId: pick(opds) } }
              : r < 0.75
                ? { externalId, event: { type: 'deleted', eventId: 'd', occurredAt, reason: 'duplikat' } }
                : { externalId, event: { type: 'rejected_not_authority', eventId: 'r', occurredAt, reason: 'bukan' } },
          );
        }
        sent += items.length;
        await deliver(source, items);
      }
    };

    /**
     * A duty officer acting on open complaints meanwhile: escalate, acknowledge, note, reassign (which moves
     * the complaint between OPD rollups). No status change: the sources' own next events must stay valid.
     */
    let actions = 0;
    const officerLane = async () => {
      const random = rng(99);
      const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
      while (!stop) {
        await new Promise((r) => setTimeout(r, 100));
        const live = nodes.filter((n): n is NodeProcess => n !== null && !n.exited);
        const node = live[Math.floor(random() * live.length)];
        const picked = await pool
          .query(
            `SELECT id, version FROM complaint WHERE status IN ('belum_diverifikasi', 'terverifikasi_didisposisi')
             ORDER BY random() LIMIT 1`,
          )
          .catch(() => null);
        const row = picked?.rows[0] as { id: number; version: number } | undefined;
        if (!node || !row) continue;
        const r = random();
        const body =
          r < 0.4
            ? { action: 'escalate', expectedVersion: row.version, reason: 'Belum ada respons' }
            : r < 0.7
              ? { action: 'acknowledge', expectedVersion: row.version, reason: 'Sudah ditindaklanjuti' }
              : r < 0.85
                ? { action: 'note', expectedVersion: row.version, text: 'Dipantau' }
                : { action: 'reassign', expectedVersion: row.version, opdId: pick(opds), reason: 'Salah disposisi' };
        try {
          const res = await fetch(`${node.url}/api/complaints/${row.id}/actions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(20_000),
          });
          if (res.status === 200) actions += 1;
        } catch {
          // The node was killed mid-request.
        }
      }
    };

    const lanes = [...sources.map((s, i) => lane(s, i + 1)), officerLane()];
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // Faults while the lanes run: one node SIGKILLed and restarted, then the other SIGKILLed for good
    // (the leader's work moves), then the database stopped and started under load.
    await pause(1500);
    await nodes[0]!.kill('SIGKILL');
    nodes[0] = null;
    nodes[0] = await startNodeProcess(cluster.url, ports[0]!, env);
    await pause(1000);
    await nodes[1]!.kill('SIGKILL');
    nodes[1] = null;
    await pause(1500);
    await cluster.stop();
    await pause(2000);
    await cluster.start();
    await pause(2500);
    stop = true;
    await Promise.all(lanes);
    // Let the watcher take a last pass on whatever moved at the end, then stop the nodes cleanly.
    await pause(2000);
    await Promise.all(nodes.map(async (n) => n?.kill('SIGTERM')));

    expect(rejected).toEqual([]);
    expect(acknowledged).toBe(sent);
    // Every item the sources sent is stored once (the console's own events come on top).
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM complaint_event WHERE event_id NOT LIKE 'console:%'`,
    );
    expect(rows[0].n).toBe(sent);
    const escalations = await pool.query(`SELECT count(*)::int AS n FROM escalation`);
    expect(escalations.rows[0].n).toBeGreaterThan(0);
    expect(actions).toBeGreaterThan(0);
    const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
    const verdict = await verifyComplaintRollups(pool, { pack, calendar: () => calendar });
    expect(verdict.differences.slice(0, 5)).toEqual([]);
    expect(verdict).toMatchObject({ ok: true, negativeStock: [], escalations: [] });
    // Figures for the report: how much was sent, and how many deliveries had to be retried.
    console.info(
      `kills-and-outage: ${sent} items, ${retries} retried deliveries, ${escalations.rows[0].n} escalations, ${actions} console actions`,
    );
  });
});
