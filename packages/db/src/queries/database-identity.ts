import type { Pool } from '../connection.ts';

/** Answers when the database does; throws when it is unreachable. */
export async function pingDatabase(pool: Pool): Promise<void> {
  await pool.query('SELECT 1');
}

/**
 * The schema this pool works in. Tests run one schema per database file; the socket.io adapter's
 * channel and the live tailer and publisher are named after it, so schemas never hear each other.
 */
export async function currentSchema(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
  return rows[0]?.schema ?? 'public';
}
