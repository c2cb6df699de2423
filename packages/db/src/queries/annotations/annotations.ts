import type { Pool, PoolClient } from '../../connection.ts';

export interface AnnotationRow {
  id: number;
  scope: string;
  startsAt: Date;
  endsAt: Date | null;
  text: string;
  /** Shown on the public widgets' trends too (an operator's choice; a complaint source's outage). */
  public: boolean;
  /** The source whose silence Pantau recorded (an automatic outage note), else null. */
  sourceId: string | null;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `id::int AS id, scope, starts_at AS "startsAt", ends_at AS "endsAt", text, public,
  source_id AS "sourceId", created_by AS "createdBy", created_at AS "createdAt"`;

/** Stores an annotation (inside the caller's transaction, which also touches the scope's topic). */
export async function addAnnotation(
  client: PoolClient,
  a: { scope: string; startsAt: Date; endsAt: Date | null; text: string; public: boolean; createdBy: string },
): Promise<AnnotationRow> {
  const { rows } = await client.query<AnnotationRow>(
    `INSERT INTO annotation (scope, starts_at, ends_at, text, public, created_by) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${COLUMNS}`,
    [a.scope, a.startsAt, a.endsAt, a.text, a.public, a.createdBy],
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

/** Every scope's annotations that reach past `since`, newest first: the console's list. */
export async function allAnnotations(pool: Pool, since: Date, limit = 200): Promise<AnnotationRow[]> {
  const { rows } = await pool.query<AnnotationRow>(
    `SELECT ${COLUMNS} FROM annotation WHERE coalesce(ends_at, starts_at) >= $1
     ORDER BY starts_at DESC, id DESC LIMIT $2`,
    [since, limit],
  );
  return rows;
}

/**
 * Removes an operator's annotation (inside the caller's transaction) and returns it; null when there is
 * none. An automatic outage note is not removed ('automatic'): it closes by itself.
 */
export async function removeAnnotation(client: PoolClient, id: number): Promise<AnnotationRow | 'automatic' | null> {
  const { rows } = await client.query<AnnotationRow>(`SELECT ${COLUMNS} FROM annotation WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  const row = rows[0];
  if (!row) return null;
  if (row.sourceId !== null) return 'automatic';
  await client.query(`DELETE FROM annotation WHERE id = $1`, [id]);
  return row;
}

/**
 * The annotations a public widget's trend of `scope` shows: only those marked public, its own scope's and
 * the province's, that overlap `from`..`to`, oldest first. Internal notes never leave this query.
 */
export async function publicAnnotationsFor(
  pool: Pool,
  scope: string,
  from: Date,
  to: Date,
  limit = 10,
): Promise<Array<Pick<AnnotationRow, 'id' | 'startsAt' | 'endsAt' | 'text'>>> {
  const { rows } = await pool.query<Pick<AnnotationRow, 'id' | 'startsAt' | 'endsAt' | 'text'>>(
    `SELECT id::int AS id, starts_at AS "startsAt", ends_at AS "endsAt", text FROM annotation
     WHERE public AND scope = ANY($1::text[]) AND starts_at < $3 AND coalesce(ends_at, starts_at) >= $2
     ORDER BY starts_at DESC, id DESC LIMIT $4`,
    [[...new Set([scope, 'province'])], from, to, limit],
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
    `INSERT INTO annotation (scope, starts_at, ends_at, text, public, created_by, source_id, source_episode)
     SELECT 'province', last_delivery_at, NULL, left('Sumber data terputus: ' || label, 200), stream = 'complaints',
            'system', id, last_delivery_at
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
