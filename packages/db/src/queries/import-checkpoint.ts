import type { Pool } from '../connection.ts';

/** The last line of a file (by its content hash) whose rows are committed; 0 when none. */
export async function importCheckpoint(pool: Pool, fileHash: string): Promise<number> {
  const { rows } = await pool.query<{ line: number }>('SELECT line FROM import_checkpoint WHERE file_hash = $1', [
    fileHash,
  ]);
  return rows[0]?.line ?? 0;
}

export async function saveImportCheckpoint(
  pool: Pool,
  fileHash: string,
  fileName: string,
  line: number,
): Promise<void> {
  await pool.query(
    `INSERT INTO import_checkpoint (file_hash, file_name, line, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (file_hash) DO UPDATE SET line = GREATEST(import_checkpoint.line, EXCLUDED.line), updated_at = now()`,
    [fileHash, fileName, line],
  );
}
