import type { PoolClient } from '../../connection.ts';

/** The `externalId\0eventId` pairs this source already delivered. */
export async function seenSocialEvents(
  client: PoolClient,
  source: string,
  keys: Array<{ externalId: string; eventId: string }>,
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await client.query<{ external_id: string; event_id: string }>(
    `SELECT e.external_id, e.event_id FROM social_event e
     JOIN jsonb_to_recordset($2::jsonb) AS k(external_id text, event_id text)
       ON e.external_id = k.external_id AND e.event_id = k.event_id
     WHERE e.source = $1`,
    [source, JSON.stringify(keys.map((k) => ({ external_id: k.externalId, event_id: k.eventId })))],
  );
  return new Set(rows.map((r) => `${r.external_id}\u0000${r.event_id}`));
}

export interface SocialEventWrite {
  externalId: string;
  eventId: string;
  type: string;
  payload: unknown;
  occurredAt: string;
}

export async function appendSocialEvents(
  client: PoolClient,
  source: string,
  events: SocialEventWrite[],
): Promise<void> {
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO social_event (source, external_id, event_id, type, payload, occurred_at)
     SELECT $1, "externalId", "eventId", type, payload, "occurredAt"
     FROM jsonb_to_recordset($2::jsonb) AS x("externalId" text, "eventId" text, type text, payload jsonb, "occurredAt" timestamptz)`,
    [source, JSON.stringify(events)],
  );
}

export interface DailyMetricWrite {
  accountId: string;
  day: string;
  figures: Partial<
    Record<
      | 'followers'
      | 'totalPosts'
      | 'posts'
      | 'reach'
      | 'impressions'
      | 'likes'
      | 'comments'
      | 'shares'
      | 'saves'
      | 'views',
      number
    >
  >;
}

/** Merges daily figures: a delivery overwrites the figures it carries and keeps the others. */
export async function upsertDailyMetrics(client: PoolClient, rows: DailyMetricWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO social_daily_metric AS m (account_id, day, followers, total_posts, posts, reach, impressions, likes,
       comments, shares, saves, views, updated_at)
     SELECT "accountId", day, (f->>'followers')::bigint, (f->>'totalPosts')::bigint, (f->>'posts')::bigint,
       (f->>'reach')::bigint, (f->>'impressions')::bigint, (f->>'likes')::bigint, (f->>'comments')::bigint,
       (f->>'shares')::bigint, (f->>'saves')::bigint, (f->>'views')::bigint, now()
     FROM jsonb_to_recordset($1::jsonb) AS x("accountId" text, day date, figures jsonb), LATERAL (SELECT x.figures AS f) y
     ON CONFLICT (account_id, day) DO UPDATE SET
       followers = coalesce(EXCLUDED.followers, m.followers), total_posts = coalesce(EXCLUDED.total_posts, m.total_posts),
       posts = coalesce(EXCLUDED.posts, m.posts), reach = coalesce(EXCLUDED.reach, m.reach),
       impressions = coalesce(EXCLUDED.impressions, m.impressions), likes = coalesce(EXCLUDED.likes, m.likes),
       comments = coalesce(EXCLUDED.comments, m.comments), shares = coalesce(EXCLUDED.shares, m.shares),
       saves = coalesce(EXCLUDED.saves, m.saves), views = coalesce(EXCLUDED.views, m.views), updated_at = now()`,
    [JSON.stringify(rows)],
  );
}

export interface PostRow {
  externalId: string;
  accountId: string;
  publishedAt: string;
  format: string;
  url: string | null;
  figures: Record<string, number>;
}

/** The posts of a source named by these external ids, locked for the transaction. */
export async function lockSocialPosts(
  client: PoolClient,
  source: string,
  externalIds: string[],
): Promise<Map<string, PostRow>> {
  const { rows } = await client.query(
    `SELECT external_id, account_id, published_at, format, url, figures FROM social_post
     WHERE source = $1 AND external_id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [source, externalIds],
  );
  return new Map(
    rows.map((r) => [
      r.external_id,
      {
        externalId: r.external_id,
        accountId: r.account_id,
        publishedAt: (r.published_at as Date).toISOString(),
        format: r.format,
        url: r.url,
        figures: r.figures,
      },
    ]),
  );
}

export async function upsertSocialPosts(client: PoolClient, source: string, rows: PostRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO social_post (source, external_id, account_id, published_at, format, url, figures)
     SELECT $1, "externalId", "accountId", "publishedAt", format, url, figures
     FROM jsonb_to_recordset($2::jsonb) AS x("externalId" text, "accountId" text, "publishedAt" timestamptz, format text,
       url text, figures jsonb)
     ON CONFLICT (source, external_id) DO UPDATE SET figures = EXCLUDED.figures, url = EXCLUDED.url,
       format = EXCLUDED.format, updated_at = now()`,
    [source, JSON.stringify(rows)],
  );
}

export interface InteractionRow {
  externalId: string;
  accountId: string;
  kind: string;
  receivedAt: string;
  needsReply: boolean;
  repliedAt: string | null;
  sentiment: string | null;
  issueTag: string | null;
  hoaxSuspect: boolean;
  clarificationStatus: string | null;
  clarifiedAt: string | null;
}

/** The interactions of a source named by these external ids, locked for the transaction. */
export async function lockSocialInteractions(
  client: PoolClient,
  source: string,
  externalIds: string[],
): Promise<Map<string, InteractionRow>> {
  const { rows } = await client.query(
    `SELECT external_id, account_id, kind, received_at, needs_reply, replied_at, sentiment, issue_tag, hoax_suspect,
       clarification_status, clarified_at
     FROM social_interaction WHERE source = $1 AND external_id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [source, externalIds],
  );
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return new Map(
    rows.map((r) => [
      r.external_id,
      {
        externalId: r.external_id,
        accountId: r.account_id,
        kind: r.kind,
        receivedAt: (r.received_at as Date).toISOString(),
        needsReply: r.needs_reply,
        repliedAt: iso(r.replied_at),
        sentiment: r.sentiment,
        issueTag: r.issue_tag,
        hoaxSuspect: r.hoax_suspect,
        clarificationStatus: r.clarification_status,
        clarifiedAt: iso(r.clarified_at),
      },
    ]),
  );
}

/** Writes interactions and (for new ones) their text, kept apart; returns nothing. */
export async function upsertSocialInteractions(
  client: PoolClient,
  source: string,
  rows: InteractionRow[],
  texts: Map<string, string>,
): Promise<void> {
  if (rows.length === 0) return;
  const { rows: ids } = await client.query<{ id: number; external_id: string }>(
    `INSERT INTO social_interaction (source, external_id, account_id, kind, received_at, needs_reply, replied_at, sentiment,
       issue_tag, hoax_suspect, clarification_status, clarified_at)
     SELECT $1, "externalId", "accountId", kind, "receivedAt", "needsReply", "repliedAt", sentiment, "issueTag",
       "hoaxSuspect", "clarificationStatus", "clarifiedAt"
     FROM jsonb_to_recordset($2::jsonb) AS x("externalId" text, "accountId" text, kind text, "receivedAt" timestamptz,
       "needsReply" boolean, "repliedAt" timestamptz, sentiment text, "issueTag" text, "hoaxSuspect" boolean,
       "clarificationStatus" text, "clarifiedAt" timestamptz)
     ON CONFLICT (source, external_id) DO UPDATE SET replied_at = EXCLUDED.replied_at, sentiment = EXCLUDED.sentiment,
       issue_tag = EXCLUDED.issue_tag, hoax_suspect = EXCLUDED.hoax_suspect,
       clarification_status = EXCLUDED.clarification_status, clarified_at = EXCLUDED.clarified_at, updated_at = now()
     RETURNING id, external_id`,
    [source, JSON.stringify(rows)],
  );
  const withText = ids.filter((r) => texts.has(r.external_id));
  if (withText.length === 0) return;
  await client.query(
    `INSERT INTO social_interaction_text (interaction_id, text)
     SELECT id, text FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, text text) ON CONFLICT DO NOTHING`,
    [JSON.stringify(withText.map((r) => ({ id: Number(r.id), text: texts.get(r.external_id) })))],
  );
}
