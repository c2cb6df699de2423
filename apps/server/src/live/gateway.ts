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
import { PUBLIC_SUBSCRIBES_PER_ADDRESS, PUBLIC_SUBSCRIBES_PER_CONNECTION, TokenBuckets } from './subscribe-limits.ts';
import type { Tailer } from './tailer.ts';

/** Who is on the other end of a live connection. */
export type LivePrincipal =
  | { kind: 'public' }
  /** `token` is kept (in memory only, never logged) to re-check the device on every subscribe. */
  | { kind: 'device'; id: string; token?: string }
  | { kind: 'user'; id: string; role: string; opdId: string | null; session?: string };

/**
 * Why a `/live` handshake was refused, as the client sees it in `connect_error`: `err.message` is the
 * code and `err.data` is `{ code, retryable, retryAfterMs? }`. Only `unavailable` (the credential could
 * not be checked: the database is down or slow) is transient — the client retries it with back-off and
 * must not send anyone to sign in for it. `unauthorized` and `origin` are final.
 */
export type HandshakeRefusal = 'unauthorized' | 'origin' | 'unavailable';

/** The error a refused handshake carries to the client (socket.io puts `data` beside `message`). */
export function handshakeError(code: HandshakeRefusal): Error & { data: Record<string, unknown> } {
  const err = new Error(code) as Error & { data: Record<string, unknown> };
  err.data = code === 'unavailable' ? { code, retryable: true, retryAfterMs: 2000 } : { code, retryable: false };
  return err;
}

/**
 * A browser handshake from another origin is refused: a page on another port or another site under
 * the same domain must not ride a signed-in officer's cookie into the live worklist. Same origin means
 * the Origin's host equals the Host the request came to (or `X-Forwarded-Host` behind a proxy); other
 * origins only when listed (`PANTAU_ALLOWED_ORIGINS`). Non-browser clients send no Origin.
 */
export function isAllowedOrigin(headers: Record<string, unknown>, allowed: readonly string[] = []): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (typeof origin !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowed.some((a) => a === parsed.origin)) return true;
  const host = headers['x-forwarded-host'] ?? headers.host;
  return typeof host === 'string' && parsed.host === host.split(',')[0]!.trim();
}

export interface GatewayOptions {
  io: Server;
  pool: Pool;
  logger: Logger;
  /** Resolves the principal of a `/live` connection from its handshake; null refuses it. */
  authenticate: (auth: Record<string, unknown>, headers: Record<string, unknown>) => Promise<LivePrincipal | null>;
  /**
   * Re-reads a principal's credential now (before every subscribe): the principal as it stands (a
   * changed role included), or null when the credential no longer holds. Throws when it cannot tell.
   */
  refresh?: (principal: LivePrincipal) => Promise<LivePrincipal | null>;
  /** May this principal read this (non-public) topic? */
  canRead?: (principal: LivePrincipal, topic: string) => boolean;
  /** Origins allowed to open `/live` besides the server's own (a reverse proxy's public origin). */
  allowedOrigins?: readonly string[];
  /**
   * Whether a topic exists (the province's OPDs and regencies). An unknown topic is refused before
   * anything is written, so made-up names cost nothing. Every syntactically valid topic when omitted.
   */
  isKnownTopic?: (topic: string) => boolean;
  /** Take a `/public` client's address from X-Forwarded-For (behind a reverse proxy). @default false */
  trustProxy?: boolean;
}

/** The room of every live connection of one user, on every node: emptied when its credential changes. */
export const userRoom = (userId: string) => `user:${userId}`;

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

/** Topics are the rooms a client joined itself; the others (device, session, user) are the server's. */
type LiveSocketData = { principal: LivePrincipal; topics?: Set<string> };

export interface Gateway {
  /** Sends a delta to the sockets in its topic's room on this node. */
  emit(delta: DeltaRow): void;
  heartbeat(msg: HeartbeatMessage): void;
  attach(tailer: Tailer): void;
  /** Disconnects a (revoked) wall device on every node of the cluster. */
  kickDevice(id: string): Promise<void>;
  /** Disconnects every live connection of a user on every node (password, role or account changed). */
  kickUser(id: string): void;
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
    const headers = socket.handshake.headers as Record<string, unknown>;
    if (!isAllowedOrigin(headers, options.allowedOrigins)) {
      log.warn({ origin: headers.origin }, 'live handshake from another origin refused');
      return next(handshakeError('origin'));
    }
    options
      .authenticate(socket.handshake.auth as Record<string, unknown>, headers)
      .then((principal) => {
        if (!principal) return next(handshakeError('unauthorized'));
        socket.data.principal = principal;
        next();
      })
      .catch((err: unknown) => {
        // The credential could not be checked (PostgreSQL down or slow): transient, never "unauthorized",
        // which would send a wall or an officer to a sign-in they do not need.
        log.warn({ err }, 'live auth could not be checked');
        next(handshakeError('unavailable'));
      });
  });
  pub.use((socket, next) => {
    socket.data.principal = { kind: 'public' };
    next();
  });
  // The anonymous namespace is bounded per connection and per address (across its connections).
  const perConnection = new TokenBuckets(
    PUBLIC_SUBSCRIBES_PER_CONNECTION.burst,
    PUBLIC_SUBSCRIBES_PER_CONNECTION.perMinute,
  );
  const perAddress = new TokenBuckets(PUBLIC_SUBSCRIBES_PER_ADDRESS.burst, PUBLIC_SUBSCRIBES_PER_ADDRESS.perMinute);
  const addressOf = (socket: LiveSocket) => {
    const forwarded = socket.handshake.headers['x-forwarded-for'];
    const last = typeof forwarded === 'string' ? forwarded.split(',').at(-1)?.trim() : undefined;
    return (options.trustProxy && last) || socket.handshake.address;
  };

  const handle = (socket: LiveSocket, publicOnly: boolean) => {
    const principal = socket.data.principal;
    socket.data.topics = new Set();
    if (principal.kind === 'device') void socket.join(`device:${principal.id}`);
    if (principal.kind === 'user') void socket.join(userRoom(principal.id));
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
      if (publicOnly) {
        // Per connection first, so one greedy connection does not spend its neighbours' address budget.
        if (!perConnection.take(socket.id) || !perAddress.take(addressOf(socket))) {
          reply({ ok: false, error: { field: 'topic', message: 'too many subscribes: slow down', retryable: true } });
          return;
        }
        if (!isPublicTopic(topic)) {
          reply({ ok: false, error: { field: 'topic', message: `not allowed to read ${topic}` } });
          return;
        }
        if (options.isKnownTopic && !options.isKnownTopic(topic)) {
          reply({ ok: false, error: { field: 'topic', message: `unknown topic ${topic}` } });
          return;
        }
        subscribe(socket, topic, sinceSeq).then(reply, (err: unknown) => {
          log.error({ err, topic }, 'subscribe failed');
          reply({ ok: false, error: { field: 'topic', message: 'subscription failed, retry', retryable: true } });
        });
        return;
      }
      // A live connection is only as good as its credential now: re-read it before every subscribe.
      refreshed(socket).then(
        async (fresh) => {
          if (!fresh) {
            reply({ ok: false, error: { field: 'session', message: 'credential no longer valid: sign in again' } });
            socket.disconnect(true);
            return;
          }
          if (!(options.canRead?.(fresh, topic) ?? true)) {
            reply({ ok: false, error: { field: 'topic', message: `not allowed to read ${topic}` } });
            return;
          }
          if (options.isKnownTopic && !options.isKnownTopic(topic)) {
            reply({ ok: false, error: { field: 'topic', message: `unknown topic ${topic}` } });
            return;
          }
          reply(await subscribe(socket, topic, sinceSeq));
        },
        (err: unknown) => {
          log.error({ err, topic }, 'subscribe failed');
          reply({ ok: false, error: { field: 'topic', message: 'subscription failed, retry', retryable: true } });
        },
      );
    });
    socket.on('unsubscribe', (raw) => {
      // Only a topic the client joined itself: never the server's device, session or user rooms, which
      // carry revocations (a wall that left its device room kept streaming after it was revoked).
      if (raw && typeof raw.topic === 'string' && socket.data.topics?.delete(raw.topic)) void socket.leave(raw.topic);
    });
  };

  /** The socket's principal re-read now; topics it may no longer read are left. */
  async function refreshed(socket: LiveSocket): Promise<LivePrincipal | null> {
    if (!options.refresh) return socket.data.principal;
    const fresh = await options.refresh(socket.data.principal);
    if (!fresh) return null;
    socket.data.principal = fresh;
    for (const t of [...(socket.data.topics ?? [])])
      if (!(options.canRead?.(fresh, t) ?? true)) {
        socket.data.topics?.delete(t);
        await socket.leave(t);
      }
    return fresh;
  }
  live.on('connection', (s) => handle(s, false));
  pub.on('connection', (s) => {
    s.on('disconnect', () => perConnection.forget(s.id));
    handle(s, true);
  });

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
          socket.data.topics?.add(topic);
          await socket.join(topic);
          return { ok: true, mode: 'replay', replayed: missed.length };
        }
      }
      const snap = await topicSnapshot(options.pool, topic);
      // No viewer asked for this topic before: have the publisher build it; its first delta follows.
      if (!snap) await requestTopic(options.pool, topic);
      socket.emit('snapshot', { topic, seq: snap?.seq ?? 0, state: snap?.state ?? {} });
      socket.data.topics?.add(topic);
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
    kickUser(id) {
      live.in(userRoom(id)).disconnectSockets(true);
    },
  };
}
