import { firstIssue, type IngestItemResult } from '@pantau/contracts';
import type { z } from 'zod';

export interface ParsedItem<T> {
  index: number;
  item: T;
}

export interface ItemIdentity<T> {
  /** The item's idempotency key inside a batch (source ids of the case and of the event). */
  key: (item: T) => string;
  externalId: (item: T) => string;
  eventId: (item: T) => string;
  /** The field named when an item repeats an earlier one of the batch, e.g. `event.eventId`. */
  duplicateField: (item: T) => string;
}

/**
 * The first step of every ingest path: each raw item is parsed with its contract; a malformed item or a
 * repeat of an earlier (externalId, eventId) in the same batch gets a rejection naming the field, and the
 * rest go on in their original order.
 */
export function parseBatchItems<T>(
  schema: z.ZodType<T>,
  items: readonly unknown[],
  results: IngestItemResult[],
  id: ItemIdentity<T>,
): Array<ParsedItem<T>> {
  const valid: Array<ParsedItem<T>> = [];
  const seen = new Set<string>();
  for (const [index, raw] of items.entries()) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const r = raw as { externalId?: unknown; eventId?: unknown; event?: { eventId?: unknown } } | null;
      const eventId = typeof r?.event?.eventId === 'string' ? r.event.eventId : r?.eventId;
      results[index] = {
        index,
        externalId: typeof r?.externalId === 'string' ? r.externalId : null,
        eventId: typeof eventId === 'string' ? eventId : null,
        status: 'rejected',
        error: firstIssue(parsed.error, `items.${index}`),
      };
      continue;
    }
    const item = parsed.data;
    if (seen.has(id.key(item))) {
      results[index] = {
        index,
        externalId: id.externalId(item),
        eventId: id.eventId(item),
        status: 'rejected',
        error: { field: `items.${index}.${id.duplicateField(item)}`, message: 'repeats an earlier item of this batch' },
      };
      continue;
    }
    seen.add(id.key(item));
    valid.push({ index, item });
  }
  return valid;
}
