import {
  opdTopic,
  publicTopic,
  socialIngestItem,
  type IngestItemResult,
  type SocialIngestItem,
} from '@pantau/contracts';
import {
  appendSocialEvents,
  lockSocialInteractions,
  lockSocialPosts,
  markSourceDelivered,
  resolveSocialAccounts,
  seenSocialEvents,
  touchTopics,
  upsertDailyMetrics,
  upsertSocialInteractions,
  upsertSocialPosts,
  type DailyMetricWrite,
  type InteractionRow,
  type Pool,
  type PoolClient,
  type PostRow,
  type SocialAccountRow,
  type SocialEventWrite,
} from '@pantau/db';
import { parseBatchItems } from './batch-items.ts';
import { isTransientDbError, withRetriedTransaction } from './transient.ts';
import { metricsFor } from '../metrics/node-metrics.ts';

type ItemError = { field: string; message: string };
type Valid = { index: number; item: SocialIngestItem };

const accountKey = (a: { platform: string; handle: string }) => `${a.platform}\u0000${a.handle.toLowerCase()}`;

function reject(index: number, item: SocialIngestItem, error: ItemError): IngestItemResult {
  return {
    index,
    externalId: item.externalId,
    eventId: item.event.eventId,
    status: 'rejected',
    error: { ...error, field: `items.${index}.${error.field}` },
  };
}

function parseItems(items: readonly unknown[], results: IngestItemResult[]): Valid[] {
  return parseBatchItems(socialIngestItem, items, results, {
    key: (i) => `${i.externalId}\u0000${i.event.eventId}`,
    externalId: (i) => i.externalId,
    eventId: (i) => i.event.eventId,
    duplicateField: () => 'event.eventId',
  });
}

/**
 * Folds one event into the in-memory rows of the batch. Returns an error naming the field when the event
 * does not fit what is known (an unknown account, a reply to a comment never received).
 */
function applyItem(
  item: SocialIngestItem,
  accounts: Map<string, SocialAccountRow>,
  posts: Map<string, PostRow>,
  interactions: Map<string, InteractionRow>,
  metrics: Map<string, DailyMetricWrite>,
  texts: Map<string, string>,
  touched: Set<string>,
): ItemError | null {
  const { externalId, event } = item;
  const account = 'account' in event ? accounts.get(accountKey(event.account)) : undefined;
  if ('account' in event && !account)
    return {
      field: 'event.account',
      message: `no registered ${event.account.platform} account "${event.account.handle}" for an OPD of this province`,
    };
  switch (event.type) {
    case 'account_metrics': {
      const key = `${account!.id}\u0000${event.date}`;
      const prior = metrics.get(key);
      metrics.set(key, { accountId: account!.id, day: event.date, figures: { ...prior?.figures, ...event.figures } });
      touched.add(account!.opdId);
      return null;
    }
    case 'post_published': {
      const prior = posts.get(externalId);
      if (prior && prior.accountId !== account!.id)
        return { field: 'event.account', message: 'this post was published by another account' };
      posts.set(externalId, {
        externalId,
        accountId: account!.id,
        publishedAt: event.publishedAt,
        format: event.format,
        url: event.url ?? prior?.url ?? null,
        figures: { ...prior?.figures, ...event.figures },
      });
      touched.add(account!.opdId);
      return null;
    }
    case 'post_metrics': {
      const prior = posts.get(externalId);
      if (!prior) return { field: 'externalId', message: 'unknown post: send post_published first' };
      posts.set(externalId, { ...prior, figures: { ...prior.figures, ...event.figures } });
      return null;
    }
    case 'interaction_received': {
      if (interactions.has(externalId))
        return { field: 'externalId', message: 'this interaction was already received' };
      interactions.set(externalId, {
        externalId,
        accountId: account!.id,
        kind: event.kind,
        receivedAt: event.occurredAt,
        needsReply: event.needsReply,
        repliedAt: null,
        sentiment: event.sentiment ?? null,
        issueTag: event.issueTag ?? null,
        hoaxSuspect: event.hoaxSuspect,
        clarificationStatus: event.hoaxSuspect || event.issueTag ? 'belum' : null,
        clarifiedAt: null,
      });
      if (event.text !== undefined) texts.set(externalId, event.text);
      touched.add(account!.opdId);
      return null;
    }
    default: {
      const prior = interactions.get(externalId);
      if (!prior) return { field: 'externalId', message: 'unknown interaction: send interaction_received first' };
      if (new Date(event.occurredAt).getTime() < new Date(prior.receivedAt).getTime())
        return { field: 'event.occurredAt', message: 'is before the interaction was received' };
      const next = { ...prior };
      if (event.type === 'interaction_replied') next.repliedAt ??= event.occurredAt;
      else if (event.type === 'interaction_classified') {
        if (event.sentiment) next.sentiment = event.sentiment;
        if (event.issueTag !== undefined) next.issueTag = event.issueTag;
        if (event.hoaxSuspect !== undefined) next.hoaxSuspect = event.hoaxSuspect;
        if ((next.hoaxSuspect || next.issueTag) && next.clarificationStatus === null)
          next.clarificationStatus = 'belum';
      } else {
        next.clarificationStatus = event.status;
        next.clarifiedAt = event.status === 'diklarifikasi' || event.status === 'bukan_hoaks' ? event.occurredAt : null;
      }
      interactions.set(externalId, next);
      touched.add(`account:${prior.accountId}`);
      return null;
    }
  }
}

async function applyBatch(
  client: PoolClient,
  source: string,
  valid: Valid[],
  results: IngestItemResult[],
): Promise<void> {
  const refs = valid.flatMap(({ item }) => ('account' in item.event ? [item.event.account] : []));
  const accounts = await resolveSocialAccounts(client, refs);
  const externalIds = [...new Set(valid.map((v) => v.item.externalId))];
  const posts = await lockSocialPosts(client, source, externalIds);
  const interactions = await lockSocialInteractions(client, source, externalIds);
  const seen = await seenSocialEvents(
    client,
    source,
    valid.map((v) => ({ externalId: v.item.externalId, eventId: v.item.event.eventId })),
  );
  const metrics = new Map<string, DailyMetricWrite>();
  const texts = new Map<string, string>();
  const touched = new Set<string>();
  const changedPosts = new Set<string>();
  const changedInteractions = new Set<string>();
  const events: SocialEventWrite[] = [];
  for (const { index, item } of valid) {
    if (seen.has(`${item.externalId}\u0000${item.event.eventId}`)) {
      results[index] = { index, externalId: item.externalId, eventId: item.event.eventId, status: 'duplicate' };
      continue;
    }
    const error = applyItem(item, accounts, posts, interactions, metrics, texts, touched);
    if (error) {
      results[index] = reject(index, item, error);
      continue;
    }
    const t = item.event.type;
    if (t === 'post_published' || t === 'post_metrics') changedPosts.add(item.externalId);
    if (t.startsWith('interaction') || t === 'issue_clarification') changedInteractions.add(item.externalId);
    // Interaction text is personal data of its author: the log keeps the event without it.
    const payload = item.event.type === 'interaction_received' ? { ...item.event, text: undefined } : item.event;
    events.push({
      externalId: item.externalId,
      eventId: item.event.eventId,
      type: item.event.type,
      payload,
      occurredAt: item.event.occurredAt,
    });
    results[index] = { index, externalId: item.externalId, eventId: item.event.eventId, status: 'accepted' };
  }
  if (events.length === 0) return;
  await upsertDailyMetrics(client, [...metrics.values()]);
  await upsertSocialPosts(
    client,
    source,
    [...changedPosts].map((id) => posts.get(id)!),
  );
  await upsertSocialInteractions(
    client,
    source,
    [...changedInteractions].map((id) => interactions.get(id)!),
    texts,
  );
  await appendSocialEvents(client, source, events);
  // Interactions updated without their account in the item are touched through the account's OPD.
  const opdOfAccount = new Map([...accounts.values()].map((a) => [a.id, a.opdId]));
  const opds = new Set<string>();
  for (const t of touched) {
    if (!t.startsWith('account:')) opds.add(t);
    else {
      const opd = opdOfAccount.get(t.slice('account:'.length)) ?? t.slice('account:'.length).split(':')[0];
      if (opd) opds.add(opd);
    }
  }
  await touchTopics(client, [
    'province',
    'public:province',
    ...[...opds].flatMap((id) => [opdTopic(id), publicTopic(opdTopic(id))]),
  ]);
  await markSourceDelivered(client, { id: source, stream: 'social', label: source, freshnessTargetSeconds: 86_400 });
}

/**
 * Ingests a batch of social-media items from one source, exactly once: each item is idempotent by
 * (source, external id, event id); a bad item is rejected with the field that is wrong and writes
 * nothing, the others commit together, and results are returned only after COMMIT. The HTTP route,
 * the platform connectors and the simulator all come through here.
 */
export async function ingestSocialBatch(
  pool: Pool,
  source: string,
  items: readonly unknown[],
): Promise<IngestItemResult[]> {
  const results: IngestItemResult[] = new Array<IngestItemResult>(items.length);
  const valid = parseItems(items, results);
  if (valid.length === 0) return metricsFor(pool).countIngested('social', results);
  try {
    await withRetriedTransaction(pool, (client) => applyBatch(client, source, valid, results));
  } catch (err) {
    // An outage or a lock conflict that outlived the retries is no verdict on the data: the whole
    // request fails (503 at the edge) and the source sends it again.
    if (isTransientDbError(err)) throw err;
    // The database refused something the checks let through: find it item by item.
    for (const v of valid) {
      const one: IngestItemResult[] = [];
      try {
        await withRetriedTransaction(pool, (client) => applyBatch(client, source, [{ ...v, index: 0 }], one));
        const r = one[0]!;
        results[v.index] = {
          ...r,
          index: v.index,
          ...(r.error ? { error: { ...r.error, field: r.error.field.replace(/^items\.0/, `items.${v.index}`) } } : {}),
        };
      } catch (e) {
        if (isTransientDbError(e)) throw e;
        results[v.index] = {
          ...reject(v.index, v.item, { field: '', message: `not stored: ${(e as { message?: string }).message}` }),
          error: { field: `items.${v.index}`, message: `not stored: ${(e as { message?: string }).message}` },
        };
      }
    }
  }
  return metricsFor(pool).countIngested('social', results);
}
