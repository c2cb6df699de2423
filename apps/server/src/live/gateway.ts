import {
  isPublicTopic,
  subscribeRequest,
  type ClientToServerEvents,
  type HeartbeatMessage,
  type ServerToClientEvents,
  type SubscribeAck,
} from '@pantau/contracts';
import { readDeltas, requestTopic, topicSnapshot, type DeltaRow, type Pool } from '@pantau/db';
import type { Namespace, Server, Socket } from 'socket.io';
import type { Logger } from '../logger.ts';
import type { Tailer } from './tailer.ts';

/** Who is on the other end of a live connection. */
export type LivePrincipal =
  | { kind: 'public' }
  | { kind: 'device'; id: string }
  | { kind: 'user'; id: string; role: string; opdId: string | null; session?: string };

export interface GatewayOptions {
  io: Server;
  pool: Pool;
  logger: Logger;
  /** Resolves the principal of a `/live` connection from its handshake; null refuses it. */
  authenticate: (auth: Record<string, unknown>, headers: Record<string, unknown>) => Promise<LivePrincipal | null>;
  /** May this principal read this (non-public) topic? */
  canRead?: (principal: LivePrincipal, topic: string) => boolean;
}

type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { principal: LivePrincipal }
>;
type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { principal: LivePrincipal }
>;

export interface Gateway {
  /** Sends a delta to the sockets in its topic's room on this node. */
  emit(delta: DeltaRow): void;
  heartbeat(msg: HeartbeatMessage): void;
  attach(tailer: Tailer): void;
  /** Disconnects a (revoked) wall device on every node of the cluster. */
  kickDevice(id: string): Promise<void>;
}

/**
 * Two namespaces: `/live` (authenticated: a user session or a wall device token) and `/public` (no
 * authentication, `public:*` topics only). A subscriber names the last seq it applied; it gets the
 * missed diffs when the log still holds them, else a fresh snapshot, and then joins the topic's room.
 */
export function createGateway(options: GatewayOptions): Gateway {
  // The server is untyped at its creation site; the namespaces carry the protocol's event maps.
  const live = options.io.of('/live') as unknown as LiveNamespace;
  const pub = options.io.of('/public') as unknown as LiveNamespace;
  let tailer: Tailer | undefined;
  const log = options.logger.child({ component: 'gateway' });

  live.use((socket, next) => {
    options
      .authenticate(
        socket.handshake.auth as Record<string, unknown>,
        socket.handshake.headers as Record<string, unknown>,
      )
      .then((principal) => {
        if (!principal) return next(new Error('unauthorized'));
        socket.data.principal = principal;
        next();
      })
      .catch((err: unknown) => {
        log.warn({ err }, 'live auth failed');
        next(new Error('unauthorized'));
      });
  });
  pub.use((socket, next) => {
    socket.data.principal = { kind: 'public' };
    next();
  });

  const handle = (socket: LiveSocket, publicOnly: boolean) => {
    const principal = socket.data.principal;
    if (principal.kind === 'device') void socket.join(`device:${principal.id}`);
    if (principal.kind === 'user' && principal.session) void socket.join(`session:${principal.session}`);
    socket.on('subscribe', (raw, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = subscribeRequest.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        reply({ ok: false, error: { field: issue?.path.join('.') || 'topic', message: issue?.message ?? 'invalid' } });
        return;
      }
      const { topic, sinceSeq } = parsed.data;
      const allowed = publicOnly ? isPublicTopic(topic) : (options.canRead?.(socket.data.principal, topic) ?? true);
      if (!allowed) {
        reply({ ok: false, error: { field: 'topic', message: `not allowed to read ${topic}` } });
        return;
      }
      subscribe(socket, topic, sinceSeq).then(reply, (err: unknown) => {
        log.error({ err, topic }, 'subscribe failed');
        reply({ ok: false, error: { field: 'topic', message: 'subscription failed, retry' } });
      });
    });
    socket.on('unsubscribe', (raw) => {
      if (raw && typeof raw.topic === 'string') void socket.leave(raw.topic);
    });
  };
  live.on('connection', (s) => handle(s, false));
  pub.on('connection', (s) => handle(s, true));

  async function subscribe(socket: LiveSocket, topic: string, sinceSeq: number | undefined): Promise<SubscribeAck> {
    const run = async (head: number): Promise<SubscribeAck> => {
      if (sinceSeq !== undefined) {
        const missed = await readDeltas(options.pool, { afterSeq: sinceSeq, topic, untilSeq: head, limit: 5000 });
        const current = await topicSnapshot(options.pool, topic);
        const contiguous =
          missed.length > 0
            ? missed[0]!.prevSeq === sinceSeq && missed.length < 5000
            : current === null || current.seq <= sinceSeq || current.seq > head;
        if (contiguous) {
          for (const d of missed) socket.emit('delta', { topic, seq: d.seq, prevSeq: d.prevSeq, diff: d.diff });
          await socket.join(topic);
          return { ok: true, mode: 'replay', replayed: missed.length };
        }
      }
      const snap = await topicSnapshot(options.pool, topic);
      // No viewer asked for this topic before: have the publisher build it; its first delta follows.
      if (!snap) await requestTopic(options.pool, topic);
      socket.emit('snapshot', { topic, seq: snap?.seq ?? 0, state: snap?.state ?? {} });
      await socket.join(topic);
      return { ok: true, mode: 'snapshot' };
    };
    return tailer ? tailer.exclusive(run) : run(Number.MAX_SAFE_INTEGER);
  }

  return {
    emit(delta) {
      const ns = isPublicTopic(delta.topic) ? pub : live;
      // Every node tails the log itself, so a delta goes to this node's sockets only (`local`), never
      // through the cross-node adapter.
      ns.local.to(delta.topic).emit('delta', {
        topic: delta.topic,
        seq: delta.seq,
        prevSeq: delta.prevSeq,
        diff: delta.diff,
      });
    },
    heartbeat(msg) {
      live.local.emit('heartbeat', msg);
      pub.local.emit('heartbeat', { ...msg, sources: msg.sources.map((s) => ({ ...s, lastError: null })) });
    },
    attach(t) {
      tailer = t;
    },
    async kickDevice(id) {
      // Without `local`: the adapter carries it to every node, wherever the wall is connected.
      live.in(`device:${id}`).disconnectSockets(true);
    },
  };
}
