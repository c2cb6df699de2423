import type { Pool, PoolClient } from '../../connection.ts';
import type { Role } from '../service-tokens.ts';
import type { ConsoleUser } from '@pantau/contracts';

/** The wire's console account (contracts), as this table stores it. */
export type AppUser = ConsoleUser;

const COLUMNS = 'id, username, display_name, role, opd_id, must_change_password, disabled_at, created_at';
const toUser = (r: Record<string, unknown>): AppUser => ({
  id: r.id as string,
  username: r.username as string,
  displayName: r.display_name as string,
  role: r.role as Role,
  opdId: (r.opd_id as string | null) ?? null,
  mustChangePassword: r.must_change_password as boolean,
  disabledAt: r.disabled_at ? (r.disabled_at as Date).toISOString() : null,
  createdAt: (r.created_at as Date).toISOString(),
});

export async function insertUser(
  db: Pool | PoolClient,
  u: {
    id: string;
    username: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    opdId: string | null;
    mustChangePassword: boolean;
  },
): Promise<AppUser> {
  const { rows } = await db.query(
    `INSERT INTO app_user (id, username, display_name, password_hash, role, opd_id, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [u.id, u.username, u.displayName, u.passwordHash, u.role, u.opdId, u.mustChangePassword],
  );
  return toUser(rows[0]);
}

/** A user and their password hash, by username (sign-in). */
export async function findUserForLogin(
  pool: Pool,
  username: string,
): Promise<(AppUser & { passwordHash: string }) | null> {
  const { rows } = await pool.query(`SELECT ${COLUMNS}, password_hash FROM app_user WHERE username = $1`, [username]);
  return rows[0] ? { ...toUser(rows[0]), passwordHash: rows[0].password_hash as string } : null;
}

export async function findUserById(pool: Pool, id: string): Promise<AppUser | null> {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM app_user WHERE id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function listUsers(pool: Pool): Promise<AppUser[]> {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM app_user ORDER BY username`);
  return rows.map(toUser);
}

export async function countUsers(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
  return rows[0]!.n;
}

/** Changes a user's role, OPD, name or disabled state; null when there is no such user. */
export async function updateUser(
  db: Pool | PoolClient,
  id: string,
  patch: { role?: Role; opdId?: string | null; displayName?: string; disabled?: boolean },
): Promise<AppUser | null> {
  const { rows } = await db.query(
    `UPDATE app_user SET
       role = coalesce($2, role),
       opd_id = CASE WHEN $3::boolean THEN $4 ELSE opd_id END,
       display_name = coalesce($5, display_name),
       disabled_at = CASE WHEN $6::boolean IS NULL THEN disabled_at WHEN $6 THEN coalesce(disabled_at, now()) ELSE NULL END,
       updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      patch.role ?? null,
      patch.opdId !== undefined,
      patch.opdId ?? null,
      patch.displayName ?? null,
      patch.disabled ?? null,
    ],
  );
  return rows[0] ? toUser(rows[0]) : null;
}

export async function setUserPassword(
  db: Pool | PoolClient,
  id: string,
  passwordHash: string,
  mustChange: boolean,
): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE app_user SET password_hash = $2, must_change_password = $3, updated_at = now() WHERE id = $1',
    [id, passwordHash, mustChange],
  );
  return (rowCount ?? 0) > 0;
}
