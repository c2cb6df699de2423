import type { AuditAction } from '@pantau/contracts/labels';
import { createHash } from 'node:crypto';
import type { PoolClient } from '../../connection.ts';

export interface AuditEntry {
  actor: string;
  /** One of the catalog's actions (`@pantau/contracts/labels`), so the console can name it. */
  action: AuditAction;
  entity: string;
  entityId: string;
  details: Record<string, unknown>;
}

/** JSON with sorted keys, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(
  prevHash: string,
  row: { seq: number; at: string; actor: string; action: string; entity: string; entityId: string; details: unknown },
): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(row)).digest('hex');
}

/**
 * Appends one audit entry in the caller's transaction. The chain's tail is taken under a transaction
 * advisory lock, so concurrent writers extend it one at a time and the chain never forks.
 */
export async function appendAudit(client: PoolClient, entry: AuditEntry): Promise<number> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('pantau:audit:' || current_schema()))`);
  const { rows } = await client.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const seq = (rows[0]?.seq ?? 0) + 1;
  const prevHash = rows[0]?.hash ?? 'genesis';
  const at = new Date().toISOString();
  const hash = auditHash(prevHash, {
    seq,
    at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    details: entry.details,
  });
  await client.query(
    'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, details, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
    [seq, at, entry.actor, entry.action, entry.entity, entry.entityId, JSON.stringify(entry.details), prevHash, hash],
  );
  return seq;
}
