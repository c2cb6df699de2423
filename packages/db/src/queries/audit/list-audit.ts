import type { AuditRow } from '@pantau/contracts';
import type { Pool } from '../../connection.ts';

export interface AuditFilter {
  /** An actor id or a user's username. */
  actor?: string;
  /** An entity id, a complaint's tracking id or a PPID request's registration number. */
  item?: string;
  /** Entries about complaints and PPID requests of this OPD. */
  opdId?: string;
  from?: Date;
  to?: Date;
  /** Keyset: entries older than this sequence number. */
  beforeSeq?: number;
}

export type { AuditRow } from '@pantau/contracts';

/** The audit trail, newest first, filtered by actor, item, OPD and time. */
export async function listAudit(pool: Pool, f: AuditFilter, limit: number): Promise<AuditRow[]> {
  const { rows } = await pool.query(
    `SELECT a.seq, a.at, a.actor, a.action, a.entity, a.entity_id, a.details,
            coalesce(c.tracking_id, p.reg_no) AS item_ref, coalesce(c.opd_id, p.opd_id) AS opd_id,
            u.display_name AS actor_name
     FROM audit_log a
     LEFT JOIN app_user u ON a.actor IN (u.id, 'user:' || u.id)
     LEFT JOIN complaint c ON a.entity = 'complaint' AND c.id::text = a.entity_id
     LEFT JOIN ppid_request p ON a.entity = 'ppid_request' AND p.id::text = a.entity_id
     WHERE ($1::text IS NULL OR a.actor = $1 OR u.username = $1)
       AND ($2::text IS NULL OR a.entity_id = $2 OR c.tracking_id = $2 OR p.reg_no = $2)
       AND ($3::text IS NULL OR coalesce(c.opd_id, p.opd_id) = $3)
       AND ($4::timestamptz IS NULL OR a.at >= $4)
       AND ($5::timestamptz IS NULL OR a.at < $5)
       AND ($6::bigint IS NULL OR a.seq < $6)
     ORDER BY a.seq DESC LIMIT $7`,
    [f.actor ?? null, f.item ?? null, f.opdId ?? null, f.from ?? null, f.to ?? null, f.beforeSeq ?? null, limit],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    actorName: r.actor_name ?? null,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    itemRef: r.item_ref ?? null,
    opdId: r.opd_id ?? null,
    details: r.details,
  }));
}
