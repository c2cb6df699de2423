import {
  deltaMessage,
  heartbeatMessage,
  snapshotMessage,
  type ClientToServerEvents,
  type HeartbeatMessage,
  type ServerToClientEvents,
} from '@pantau/contracts/live';
import { applyDiff, type Diff, type JsonObject } from '@pantau/domain/live';
import { io, type Socket } from 'socket.io-client';
import { transition, type ConnectionEvent, type ConnectionState } from './connection-machine.ts';

export interface TopicState {
  seq: number;
  state: JsonObject;
}

export interface LiveClientOptions {
  /** Server origin, e.g. `http://127.0.0.1:3000`; '' for the page's own origin. */
  url: string;
  namespace: '/live' | '/public';
  /** Handshake credentials: `{ deviceToken }` for a wall; cookies carry a user session. */
  auth?: Record<string, string>;
  /** A heartbeat later than this marks the connection stale. @default 15000 */
  staleAfterMs?: number;
  /** Passed to socket.io-client (tests use `transports: ['websocket']`). */
  socketOptions?: Record<string, unknown>;
  /**
   * Keeps the topics' last states in this storage (the wall: localStorage), so a page loaded while the
   * server is unreachable shows the last figures with their age, and resumes from their seqs.
   */
  persist?: { storage: Pick<Storage, 'getItem' | 'setItem'>; key: string };
}

interface Persisted {
  savedAt: number;
  topics: Record<string, TopicState>;
}

type Listener = () => void;

/** Retry delay after the n-th failure in a row: 0.5 s doubling to 10 s, with jitter so walls spread out. */
export function backoff(n: number): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, n - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * The one live connection a screen uses. It keeps, per topic, the state and the last applied seq;
 * resubscribes with that seq after any reconnect (the server replays the gap or sends a snapshot);
 * asks again when a delta does not follow on (`prevSeq` mismatch) or does not apply.
 */
export class LiveClient {
  readonly topics = new Map<string, TopicState>();
  state: ConnectionState = 'connecting';
  lastHeartbeat: HeartbeatMessage | null = null;
  lastHeartbeatAt = 0;
  /** How each topic last caught up: by replaying the missed diffs, or from a fresh snapshot. */
  readonly lastSync = new Map<string, 'replay' | 'snapshot'>();
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly wanted = new Set<string>();
  private readonly pending = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private readonly staleTimer: ReturnType<typeof setInterval>;
  /** Failed subscriptions per topic in a row, for their retry back-off. */
  private readonly failures = new Map<string, number>();
  private readonly retryTimers = new Set<ReturnType<typeof setTimeout>>();
  /** Topics the server refused for good (not this principal's to read). */
  readonly refusedTopics = new Set<string>();
  private handshakeFailures = 0;
  private closed = false;
  /** Why the server last refused this client for good (`unauthorized`, `origin`), cleared on connect. */
  refusal: string | null = null;
  /** When the shown figures were last current (ms): the last state applied, or the restored save. */
  dataAt = 0;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: LiveClientOptions) {
    this.restore();
    this.socket = io(`${options.url}${options.namespace}`, {
      auth: options.auth ?? {},
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      ...(options.socketOptions ?? {}),
    });
    this.socket.on('connect', () => {
      this.handshakeFailures = 0;
      this.refusal = null;
      this.fire('connected');
      for (const topic of this.wanted) this.resubscribe(topic);
      if (this.wanted.size === 0) this.fire('synced');
    });
    this.socket.on('disconnect', (reason) => {
      this.fire('disconnected');
      // The server closed the connection itself (a revoked screen or a changed credential is kicked):
      // socket.io does not reconnect then. Reconnect once, so the handshake says whether this credential
      // still holds (a refusal is then shown for what it is) rather than sitting "offline" for ever.
      if (reason === 'io server disconnect') this.later(() => this.socket.connect(), backoff(1));
    });
    this.socket.on('connect_error', (err) => {
      // The server says whether a refusal is final (`data.retryable: false`: a bad or revoked
      // credential, a foreign origin) or transient (`unavailable`: it could not check the credential).
      const data = (err as Error & { data?: { retryable?: boolean } }).data;
      const refused = data?.retryable === false || err.message === 'unauthorized' || err.message === 'origin';
      if (refused && this.refusal !== err.message) {
        this.refusal = err.message;
        this.notify();
      }
      this.fire(refused ? 'auth_failed' : 'disconnected');
      // A handshake the server refused in its middleware (e.g. its database is down) is final for
      // socket.io (`active` is false): only a credential refusal is final for us, anything else is
      // retried with back-off, so a wall booted or reconnected during an outage comes back by itself.
      if (!refused && !this.socket.active) {
        this.handshakeFailures += 1;
        this.later(() => {
          if (!this.socket.connected) this.socket.connect();
        }, backoff(this.handshakeFailures));
      }
    });
    this.socket.on('snapshot', (raw) => {
      const msg = snapshotMessage.safeParse(raw);
      if (!msg.success || !this.wanted.has(msg.data.topic)) return;
      this.topics.set(msg.data.topic, { seq: msg.data.seq, state: msg.data.state as JsonObject });
      this.touched();
      this.notify();
    });
    this.socket.on('delta', (raw) => {
      const msg = deltaMessage.safeParse(raw);
      if (!msg.success || !this.wanted.has(msg.data.topic)) return;
      const { topic, seq, prevSeq, diff } = msg.data;
      const current = this.topics.get(topic);
      if (!current) {
        // No state yet: the snapshot or replay is on its way, unless that subscription failed — then ask again.
        if (!this.pending.has(topic)) this.resubscribe(topic);
        return;
      }
      if (seq <= current.seq) return; // already applied (a replay overlapping a broadcast)
      if (prevSeq !== current.seq) {
        if (!this.pending.has(topic)) this.onGap(topic); // else the resubscription under way will cover it
        return;
      }
      try {
        this.topics.set(topic, { seq, state: applyDiff(current.state, diff as Diff) });
      } catch {
        return this.onGap(topic);
      }
      this.touched();
      this.notify();
    });
    this.socket.on('heartbeat', (raw) => {
      const msg = heartbeatMessage.safeParse(raw);
      if (!msg.success) return;
      this.lastHeartbeat = msg.data;
      this.lastHeartbeatAt = Date.now();
      this.fire('heartbeat');
    });
    const staleAfter = options.staleAfterMs ?? 15_000;
    this.staleTimer = setInterval(() => {
      if (this.state === 'live' && this.lastHeartbeatAt && Date.now() - this.lastHeartbeatAt > staleAfter) {
        this.fire('heartbeat_late');
      }
    }, 1000);
  }

  /** Starts following a topic; its state appears in `topics` once the snapshot or replay arrives. */
  subscribe(topic: string): void {
    if (this.wanted.has(topic) || this.refusedTopics.has(topic)) return;
    this.wanted.add(topic);
    if (this.socket.connected) {
      // Not everything shown is caught up until this topic is served: `live` only when it is.
      this.fire('gap');
      this.resubscribe(topic);
    }
  }

  unsubscribe(topic: string): void {
    this.wanted.delete(topic);
    this.topics.delete(topic);
    this.socket.emit('unsubscribe', { topic });
  }

  /** Calls `fn` whenever a topic or the connection state changes; returns the unsubscribe function. */
  onChange(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close(): void {
    this.closed = true;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    clearInterval(this.staleTimer);
    for (const t of this.retryTimers) clearTimeout(t);
    this.retryTimers.clear();
    this.socket.close();
  }

  /** Runs `fn` after `ms` unless the client is closed first. */
  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      if (!this.closed) fn();
    }, ms);
    this.retryTimers.add(timer);
  }

  private onGap(topic: string): void {
    this.fire('gap');
    this.resubscribe(topic);
  }

  private resubscribe(topic: string): void {
    this.pending.add(topic);
    const since = this.topics.get(topic)?.seq;
    this.socket.emit('subscribe', since === undefined ? { topic } : { topic, sinceSeq: since }, (ack) => {
      this.pending.delete(topic);
      if (!ack.ok && !ack.error.retryable) {
        // Refused for good (not this principal's topic, an unknown one): stop asking, and do not let it
        // hold the connection out of `live` for the topics that are served.
        this.wanted.delete(topic);
        this.failures.delete(topic);
        this.refusedTopics.add(topic);
        if (this.pending.size === 0 && this.failures.size === 0) this.fire('synced');
        return;
      }
      if (!ack.ok) {
        // The server could not serve it now (its database is down, or it is busy): ask again with
        // back-off while the topic is still wanted, so a scene first shown during an outage fills in.
        const n = (this.failures.get(topic) ?? 0) + 1;
        this.failures.set(topic, n);
        this.later(() => {
          if (this.wanted.has(topic) && this.socket.connected && !this.pending.has(topic)) this.resubscribe(topic);
        }, backoff(n));
        return;
      }
      this.failures.delete(topic);
      this.lastSync.set(topic, ack.mode);
      if (this.pending.size === 0 && this.failures.size === 0) this.fire('synced');
    });
  }

  private fire(event: ConnectionEvent): void {
    const next = transition(this.state, event);
    if (next !== this.state) {
      this.state = next;
      this.notify();
    }
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /** Marks the figures current and saves them (at most every 2 s). */
  private touched(): void {
    this.dataAt = Date.now();
    if (!this.options.persist || this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.save();
    }, 2000);
  }

  private save(): void {
    const p = this.options.persist;
    if (!p) return;
    const saved: Persisted = { savedAt: this.dataAt, topics: Object.fromEntries(this.topics) };
    try {
      p.storage.setItem(p.key, JSON.stringify(saved));
    } catch {
      // Storage full or disabled: the wall still works, it only cannot show the last figures after a reboot.
    }
  }

  private restore(): void {
    const p = this.options.persist;
    if (!p) return;
    try {
      const saved = JSON.parse(p.storage.getItem(p.key) ?? 'null') as Persisted | null;
      if (!saved || typeof saved.savedAt !== 'number') return;
      for (const [topic, t] of Object.entries(saved.topics ?? {})) {
        if (typeof t?.seq === 'number' && t.state && typeof t.state === 'object') this.topics.set(topic, t);
      }
      this.dataAt = saved.savedAt;
    } catch {
      // A damaged save is ignored: the page starts empty and fills from the server.
    }
  }
}
