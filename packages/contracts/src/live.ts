import * as z from 'zod/mini';
import { OPD_ID_PATTERN, REGENCY_CODE_PATTERN } from './constants.ts';

/** A whole-string pattern's body, to embed it in a larger one. */
const inner = (pattern: RegExp) => pattern.source.replace(/^\^/, '').replace(/\$$/, '');

/**
 * The live protocol between a Pantau node and its screens (socket.io). Every payload is parsed with
 * these schemas on both ends. See apps/web/src/live/SPEC.md for the client state machine. Written with
 * `zod/mini` (tree-shakable) because every screen ships it: the web imports it as
 * `@pantau/contracts/live`, without the rest of the contracts.
 */

/**
 * `province`, `opd:<id>`, `regency:<code>`, `worklist`, `wall` (screen overrides), `issues` (the Isu
 * scene), `public:<widget>` (public namespace only).
 */
export const topicName = z
  .string()
  .check(
    z.maxLength(120, 'topic too long'),
    z.regex(
      new RegExp(
        `^(province|worklist|wall|issues|opd:${inner(OPD_ID_PATTERN)}|regency:${inner(REGENCY_CODE_PATTERN)}|public:[a-z0-9:._-]+)$`,
      ),
      'unknown topic',
    ),
  );
export type TopicName = z.infer<typeof topicName>;

/** The live topic of one OPD's figures and items: `opd:<id>`. */
export const opdTopic = (opdId: string): `opd:${string}` => `opd:${opdId}`;

/** The live topic of one kabupaten/kota: `regency:<code>`. */
export const regencyTopic = (regencyCode: string): `regency:${string}` => `regency:${regencyCode}`;

/** A topic's public variant, served on the public namespace with small counts suppressed: `public:<topic>`. */
export const publicTopic = (topic: string): `public:${string}` => `public:${topic}`;

/**
 * The topic of a scope: its OPD's, else its kabupaten/kota's, else the province's.
 *
 * @example scopeTopic({ opdId: 'kalsel.dishub' }) // 'opd:kalsel.dishub'
 */
export function scopeTopic(scope: { opdId?: string | null; regencyCode?: string | null }): string {
  if (scope.opdId) return opdTopic(scope.opdId);
  if (scope.regencyCode) return regencyTopic(scope.regencyCode);
  return 'province';
}

/** One subject the Isu detector found, with its daily series aligned on the topic's `days`. */
export const issueWire = z.object({
  kind: z.enum(['topic', 'regency']),
  /** The complaint topic as LAPOR names it, or the kabupaten/kota code. */
  key: z.string(),
  /**
   * A topic issue's kabupaten/kota when both rose as one event (domain `mergeSameEvent`): the wall names
   * them together ("Banjir dan Drainase · Kabupaten Kapuas"), and the series stay the topic's.
   */
  regencyCode: z.optional(z.string()),
  /** Complaints received per day. */
  complaints: z.array(z.number()),
  /** Tagged negative mentions of the subject per day. */
  negative: z.array(z.number()),
  /** The last `windowDays` against the usual rate of the days before: complaints. */
  complaintsRecent: z.number(),
  complaintsUsualPerDay: z.number(),
  negativeRecent: z.number(),
  negativeUsualPerDay: z.number(),
  /** A suspected hoax about the subject is still open. */
  openHoax: z.boolean(),
  /** The social issue tags counted for the subject, and the open hoaxes among them. */
  tags: z.array(z.string()),
  hoaxTags: z.array(z.string()),
  /** The OPDs its complaints in the window went to, most first. */
  opds: z.array(z.object({ opdId: z.string(), received: z.number() })),
});
export type IssueWire = z.infer<typeof issueWire>;

/** The `issues` topic: what the Isu scene shows and what raises its wall alert. Empty `issues` is calm. */
export const issuesTopicState = z.object({
  /** The local day the series end on (today), `YYYY-MM-DD`. */
  asOf: z.string(),
  /** The days of every series, oldest first. */
  days: z.array(z.string()),
  /** How many of the last days make up "now" (the spike). */
  windowDays: z.number().check(z.int(), z.positive()),
  /** Strongest first. */
  issues: z.array(issueWire),
});
export type IssuesTopicState = z.infer<typeof issuesTopicState>;

export const isPublicTopic = (topic: string): boolean => topic.startsWith('public:');

const jsonValue = z.unknown();

export const diffOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), path: z.array(z.string()).check(z.minLength(1)), value: jsonValue }),
  z.object({ op: z.literal('del'), path: z.array(z.string()).check(z.minLength(1)) }),
]);

/** The full state of a topic as of `seq`. */
export const snapshotMessage = z.object({
  topic: topicName,
  seq: z.number().check(z.int(), z.nonnegative('expected a seq of 0 or more')),
  state: z.record(z.string(), jsonValue),
});
export type SnapshotMessage = z.infer<typeof snapshotMessage>;

/** A change to a topic; `prevSeq` is the topic's previous seq, so a client can tell it missed one. */
export const deltaMessage = z.object({
  topic: topicName,
  seq: z.number().check(z.int(), z.positive()),
  prevSeq: z.number().check(z.int(), z.nonnegative('expected a seq of 0 or more')),
  diff: z.array(diffOp),
});
export type DeltaMessage = z.infer<typeof deltaMessage>;

export const sourceFreshness = z.object({
  id: z.string(),
  stream: z.enum(['complaints', 'ppid', 'social']),
  label: z.string(),
  lastDeliveryAt: z.nullable(z.string()),
  freshnessTargetSeconds: z.number().check(z.int(), z.positive()),
  lastError: z.nullable(z.string()),
});
export type SourceFreshness = z.infer<typeof sourceFreshness>;

export const heartbeatMessage = z.object({
  serverTime: z.string(),
  /** The newest seq in the delta log on this node's view. */
  headSeq: z.number().check(z.int(), z.nonnegative('expected a seq of 0 or more')),
  sources: z.array(sourceFreshness),
  /** The build the node runs; a wall reloads when it changes (and only once the server answers). */
  build: z.string(),
});
export type HeartbeatMessage = z.infer<typeof heartbeatMessage>;

export const subscribeRequest = z.object({
  topic: topicName,
  /** The last seq the client applied for this topic; absent → send a snapshot. */
  sinceSeq: z.optional(z.number().check(z.int(), z.nonnegative('expected a seq of 0 or more'))),
});
export type SubscribeRequest = z.infer<typeof subscribeRequest>;

export type SubscribeAck =
  | { ok: true; mode: 'replay'; replayed: number }
  | { ok: true; mode: 'snapshot' }
  /** `retryable`: the server could not serve it now (a database hiccup, a rate limit): ask again later. */
  | { ok: false; error: { field: string; message: string; retryable?: boolean } };

export interface ServerToClientEvents {
  snapshot: (msg: SnapshotMessage) => void;
  delta: (msg: DeltaMessage) => void;
  heartbeat: (msg: HeartbeatMessage) => void;
}

export interface ClientToServerEvents {
  subscribe: (req: SubscribeRequest, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (req: { topic: string }) => void;
}
