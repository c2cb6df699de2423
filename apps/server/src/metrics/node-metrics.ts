import { headSeq, liveOutboxDepth, type LeaderHandle, type Pool } from '@pantau/db';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Server as SocketServer } from 'socket.io';

/** What the live engine tells /metrics: the last seq this node emitted to its sockets. */
export interface LiveProbe {
  emittedSeq(): number;
}

/**
 * One node's Prometheus figures. A node is identified by its database pool — every route, watcher and
 * sender already holds it — so counting needs no new parameter anywhere (`metricsFor(pool)`), and two
 * nodes in one test process keep separate figures. Gauges are read when scraped, never kept up to date.
 */
export class NodeMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'pantau_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly ingestItems = new Counter({
    name: 'pantau_ingest_items_total',
    help: 'Ingested items by stream (complaint, ppid, social) and result (accepted, duplicate, rejected)',
    labelNames: ['stream', 'result'] as const,
    registers: [this.registry],
  });
  readonly watcherPasses = new Counter({
    name: 'pantau_watcher_passes_total',
    help: 'Deadline watcher passes completed on this node (the leader), by watcher',
    labelNames: ['watcher'] as const,
    registers: [this.registry],
  });
  readonly escalations = new Counter({
    name: 'pantau_escalations_total',
    help: 'Escalation steps raised by the deadline watchers, by watcher',
    labelNames: ['watcher'] as const,
    registers: [this.registry],
  });
  readonly notificationDeliveries = new Counter({
    name: 'pantau_notification_deliveries_total',
    help: 'Notification delivery attempts by channel and result (sent, retried, failed)',
    labelNames: ['channel', 'result'] as const,
    registers: [this.registry],
  });

  private readonly probes: { io?: SocketServer; live?: LiveProbe; leaders: Map<string, LeaderHandle> } = {
    leaders: new Map(),
  };

  constructor(pool: Pool) {
    const registers = [this.registry];
    const probes = this.probes;
    new Gauge({
      name: 'pantau_db_pool_connections',
      help: 'PostgreSQL pool connections of this node, by state (total, idle, waiting = queued requests)',
      labelNames: ['state'] as const,
      registers,
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'pantau_sockets',
      help: 'Connected socket.io clients on this node, by namespace',
      labelNames: ['namespace'] as const,
      registers,
      collect() {
        this.reset();
        for (const [name, nsp] of probes.io?._nsps ?? []) this.set({ namespace: name }, nsp.sockets.size);
      },
    });
    new Gauge({
      name: 'pantau_leader',
      help: 'Whether this node holds a leader role (1) or not (0), by role',
      labelNames: ['role'] as const,
      registers,
      collect() {
        for (const [role, handle] of probes.leaders) this.set({ role }, handle.isLeader ? 1 : 0);
      },
    });
    new Gauge({
      name: 'pantau_live_publisher_lag',
      help: 'Deltas written to the log that this node has not emitted to its sockets yet (head seq - emitted seq)',
      registers,
      async collect() {
        const live = probes.live;
        if (!live) return;
        this.set(Math.max(0, (await headSeq(pool)) - live.emittedSeq()));
      },
    });
    new Gauge({
      name: 'pantau_live_outbox_depth',
      help: 'Committed changes the live publisher has not turned into deltas yet',
      registers,
      async collect() {
        this.set((await liveOutboxDepth(pool)).rows);
      },
    });
    new Gauge({
      name: 'pantau_live_outbox_oldest_seconds',
      help: 'Age of the oldest change waiting in the live outbox',
      registers,
      async collect() {
        this.set((await liveOutboxDepth(pool)).oldestSeconds);
      },
    });
  }

  /** The node's socket.io server, for the socket counts. */
  attachSockets(io: SocketServer): void {
    this.probes.io = io;
  }

  /** The live engine's tailer, for the publisher lag. */
  attachLive(probe: LiveProbe): void {
    this.probes.live = probe;
  }

  /** A leader election of this node (`runAsLeader`), reported as `pantau_leader{role}`. */
  trackLeader(role: string, handle: LeaderHandle): void {
    this.probes.leaders.set(role, handle);
  }

  /** Counts a batch's item results by stream and result. */
  countIngested<T extends { status: string }>(stream: 'complaint' | 'ppid' | 'social', results: T[]): T[] {
    for (const r of results) if (r) this.ingestItems.inc({ stream, result: r.status });
    return results;
  }
}

const byPool = new WeakMap<Pool, NodeMetrics>();

/** The process's own figures (CPU, memory, event-loop delay, GC), shared by every node in it. */
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'pantau_' });

/** The Prometheus text exposition of a node: its own figures and its process's. */
export async function renderMetrics(pool: Pool): Promise<{ contentType: string; body: string }> {
  const merged = Registry.merge([processRegistry, metricsFor(pool).registry]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}

/** The metrics of the node that owns `pool`, created at first use. */
export function metricsFor(pool: Pool): NodeMetrics {
  let metrics = byPool.get(pool);
  if (!metrics) {
    metrics = new NodeMetrics(pool);
    byPool.set(pool, metrics);
  }
  return metrics;
}
