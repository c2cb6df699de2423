import type { Pool } from '../../connection.ts';
import { auditHash } from './append-audit.ts';

export type AuditVerdict =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the audit chain in order and names the first entry whose link or hash does not hold. */
export async function verifyAuditChain(pool: Pool): Promise<AuditVerdict> {
  const { rows } = await pool.query<{
    seq: number;
    at: Date;
    actor: string;
    action: string;
    entity: string;
    entity_id: string;
    details: unknown;
    prev_hash: string;
    hash: string;
  }>('SELECT seq, at, actor, action, entity, entity_id, details, prev_hash, hash FROM audit_log ORDER BY seq');
  let prev = 'genesis';
  let expectedSeq = 1;
  for (const r of rows) {
    const seq = Number(r.seq);
    if (seq !== expectedSeq)
      return { ok: false, entries: rows.length, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
    if (r.prev_hash !== prev)
      return { ok: false, entries: rows.length, brokenAt: seq, reason: 'does not link to the entry before it' };
    const h = auditHash(prev, {
      seq,
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      details: r.details,
    });
    if (h !== r.hash)
      return { ok: false, entries: rows.length, brokenAt: seq, reason: 'its content does not match its hash' };
    prev = r.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: rows.length };
}
