import { randomUUID } from 'node:crypto';
import { countUsers, findUserForLogin, insertUser, type Pool, type Role } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { generatePassword, hashPassword } from './passwords.ts';

/** The demo's sign-ins: one per role, one known password (a demo holds only simulated data). */
export const DEMO_PASSWORD = 'pantau-demo';

export interface FirstUsers {
  /** Set only at the very first start: the admin's one-time password (null when it came from the environment). */
  admin?: { username: string; oneTimePassword: string | null };
  /** In demo mode: the accounts a newcomer can sign in with. */
  demo?: Array<{ username: string; role: Role; opdId: string | null }>;
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/**
 * A fresh installation has no user: create `admin` with PANTAU_ADMIN_PASSWORD, or with a one-time
 * password (returned once, to be printed; it must be changed at the first sign-in). In demo mode, also
 * a duty officer, an OPD admin and a viewer with the demo password. Two nodes starting at once create
 * each account once.
 */
export async function ensureFirstUsers(
  pool: Pool,
  pack: ProvincePack,
  options: { adminPassword?: string; demo: boolean },
): Promise<FirstUsers> {
  const out: FirstUsers = {};
  if ((await countUsers(pool)) === 0) {
    const oneTime = options.adminPassword ? null : generatePassword();
    try {
      await insertUser(pool, {
        id: randomUUID(),
        username: 'admin',
        displayName: 'Administrator',
        passwordHash: await hashPassword(options.adminPassword ?? oneTime!),
        role: 'admin',
        opdId: null,
        mustChangePassword: oneTime !== null,
      });
      out.admin = { username: 'admin', oneTimePassword: oneTime };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  if (options.demo) {
    const opd = pack.opds[0]!;
    const accounts: Array<{ username: string; displayName: string; role: Role; opdId: string | null }> = [
      { username: 'piket', displayName: 'Petugas Piket (demo)', role: 'duty_officer', opdId: null },
      { username: 'opd', displayName: `Admin ${opd.shortName} (demo)`, role: 'opd_admin', opdId: opd.id },
      { username: 'pimpinan', displayName: 'Pimpinan (demo)', role: 'viewer', opdId: null },
    ];
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const a of accounts) {
      if (await findUserForLogin(pool, a.username)) continue;
      try {
        await insertUser(pool, { id: randomUUID(), ...a, passwordHash: hash, mustChangePassword: false });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    out.demo = accounts.map(({ username, role, opdId }) => ({ username, role, opdId }));
  }
  return out;
}
