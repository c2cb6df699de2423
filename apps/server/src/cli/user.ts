// `pnpm user <command>` (with DATABASE_URL set): people who sign in to the console.
//   add <username> <admin|duty_officer|opd_admin|viewer> [opd-id] [display name]  → prints a one-time password
//   reset-password <username>                                                     → prints a one-time password
//   disable <username> | enable <username>
//   list
// One-time passwords must be changed at the first sign-in. Every change is in the audit trail.
import type { AuditAction } from '@pantau/contracts/labels';
import { randomUUID } from 'node:crypto';
import {
  appendAudit,
  createPool,
  deleteUserSessions,
  findUserForLogin,
  insertUser,
  listUsers,
  setUserPassword,
  updateUser,
  withTransaction,
  type Role,
} from '@pantau/db';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { loadEnv } from '../env.ts';

const ROLES = ['admin', 'duty_officer', 'opd_admin', 'viewer'];
const [command, username, ...rest] = process.argv.slice(2);
const usage = () => {
  process.stderr.write(
    `usage: user.ts add <username> <${ROLES.join('|')}> [opd-id, for opd_admin only] [display name]\n` +
      '       user.ts reset-password <username> | disable <username> | enable <username> | list\n',
  );
  process.exit(2);
};
const env = loadEnv();
if (!env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to the database of the running Pantau.\n');
  process.exit(2);
}
const pool = createPool({ connectionString: env.DATABASE_URL, max: 2 });
const audit = (action: AuditAction, id: string, details: Record<string, unknown>) =>
  withTransaction(pool, (c) => appendAudit(c, { actor: 'cli', action, entity: 'user', entityId: id, details }));
const fail = async (message: string, code = 1) => {
  process.stderr.write(`${message}\n`);
  await pool.end();
  process.exit(code);
};

if (command === 'list') {
  for (const u of await listUsers(pool))
    process.stdout.write(
      `${u.username}\t${u.role}\t${u.opdId ?? '-'}\t${u.disabledAt ? 'disabled' : 'active'}\t${u.displayName}\n`,
    );
} else if (command === 'add') {
  const [role, ...tail] = rest;
  if (!username || !role || !ROLES.includes(role)) usage();
  const opdId = role === 'opd_admin' ? tail.shift() : null;
  if (role === 'opd_admin' && !opdId) usage();
  if (!/^[a-z0-9._-]{3,40}$/.test(username!)) await fail('username: use 3–40 lowercase letters, digits, . _ -', 2);
  const password = generatePassword();
  try {
    const u = await insertUser(pool, {
      id: randomUUID(),
      username: username!,
      displayName: tail.join(' ') || username!,
      passwordHash: await hashPassword(password),
      role: role as Role,
      opdId: opdId ?? null,
      mustChangePassword: true,
    });
    await audit('user.create', u.id, { username: u.username, role: u.role, opdId: u.opdId });
    process.stdout.write(`${password}\n`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === '23505') await fail(`username ${username} is taken`);
    if (code === '23503') await fail(`no OPD ${opdId} in this province`, 2);
    throw err;
  }
} else if (command === 'reset-password' || command === 'disable' || command === 'enable') {
  if (!username) usage();
  const user = await findUserForLogin(pool, username!);
  if (!user) await fail(`no user ${username}`);
  if (command === 'reset-password') {
    const password = generatePassword();
    await setUserPassword(pool, user!.id, await hashPassword(password), true);
    await audit('user.reset_password', user!.id, { username });
    process.stdout.write(`${password}\n`);
  } else {
    await updateUser(pool, user!.id, { disabled: command === 'disable' });
    await audit(`user.${command}`, user!.id, { username });
  }
  await deleteUserSessions(pool, user!.id);
} else {
  usage();
}
await pool.end();
