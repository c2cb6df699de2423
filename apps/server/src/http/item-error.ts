import type { IngestItemResult } from '@pantau/contracts';

/**
 * An ingest item's refusal said as a single request's: the field without the batch's `items.N.event.`
 * prefix (`items.0.event.exclusionGround` → `exclusionGround`), or `fallback` when it names no field.
 */
export function itemError(result: IngestItemResult, fallback: string): { field: string; message: string } {
  const error = result.error ?? { field: '', message: 'refused' };
  return { field: error.field.replace(/^items\.\d+\.?(event\.)?/, '') || fallback, message: error.message };
}
