import type { Pool, PoolClient } from '../../connection.ts';

export interface AnnotationRow {
  id: number;
  scope: string;
  startsAt: Date;
  endsAt: Date | null;
  text: string;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `id::int AS id, scope, starts_at AS "startsAt", ends_at AS "endsAt", text, created_by AS "createdBy",
  created_at AS "createdAt"`;

/** Stores an annotation (inside the caller's transaction, which also touches the scope's topic). */
export async function addAnnotation(
  client: PoolClient,
  a: { scope: string; startsAt: Date; endsAt: Date | null; text: string; createdBy: string },
): Promise<AnnotationRow> {
  const { rows } = await client.query<AnnotationRow>(
    `INSERT INTO annotation (scope, starts_at, ends_at, text, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [a.scope, a.startsAt, a.endsAt, a.text, a.createdBy],
  );
  return rows[0]!;
}

/**
 * The annotations a topic's trends show: its own scope's and the province's (a flood marked for the
 * province explains an OPD's figures too), those that reach past `since`, oldest first.
 */
export async function annotationsFor(pool: Pool, scope: string, since: Date, limit = 50): Promise<AnnotationRow[]> {
  const { rows } = await pool.query<AnnotationRow>(
    `SELECT ${COLUMNS} FROM annotation
     WHERE scope = ANY($1::text[]) AND coalesce(ends_at, starts_at) >= $2
     ORDER BY starts_at DESC, id DESC LIMIT $3`,
    [[...new Set([scope, 'province'])], since, limit],
  );
  return rows.reverse();
}

/**
 * Opens an annotation for every source silent past its freshness target (from its last delivery, once
 * per episode) and closes every open one whose source has delivered since, at that delivery. Returns how
 * many it opened and closed.
 */
export async function recordSourceOutages(client: PoolClient, now: Date): Promise<{ opened: number; closed: number }> {
  const opened = await client.query(
    `INSERT INTO annotation (scope, starts_at, ends_at, text, created_by, source_id, source_episode)
     SELECT 'province', last_delivery_at, NULL, left('Sumber data terputus: ' || label, 200), 'system', id,
            last_delivery_at
     FROM source
     WHERE last_delivery_at IS NOT NULL AND last_delivery_at + make_interval(secs => freshness_target_seconds) < $1
     ON CONFLICT (source_id, source_episode) WHERE source_id IS NOT NULL DO NOTHING`,
    [now],
  );
  const closed = await client.query(
    `UPDATE annotation a SET ends_at = s.last_delivery_at
     FROM source s
     WHERE a.source_id = s.id AND a.ends_at IS NULL AND s.last_delivery_at > a.source_episode`,
  );
  return { opened: opened.rowCount ?? 0, closed: closed.rowCount ?? 0 };
}
