import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

// argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum for argon2id).
const ARGON2ID = 2;

export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so both answers take the same time. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('pantau-decoy-password'));

// No 0/O/1/l/I: a one-time password is read aloud or copied from a terminal.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password like `k7dm-3qpa-x9te-w2hn` (about 79 bits). */
export function generatePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/** Why a new password is not acceptable, or null. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return 'use at least 10 characters';
  if (password.length > 200) return 'use at most 200 characters';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'must not contain the username';
  return null;
}
