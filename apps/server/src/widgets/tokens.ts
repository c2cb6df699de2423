import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a restricted-widget token grants: exact kinds for exact OPDs until `exp`. */
export interface EmbedGrant {
  /** The token record's id (revocation applies to every renewal of it). */
  id: string;
  kinds: string[];
  opds: string[];
  /** Seconds since the epoch. */
  exp: number;
  /** The lifetime each renewal grants, in seconds. */
  ttl: number;
}

const grantShape = z.object({
  id: z.string().min(1).max(64),
  kinds: z.array(z.string()).min(1),
  opds: z.array(z.string()).min(1),
  exp: z.number().int(),
  ttl: z.number().int().positive(),
});

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** `v1.<payload>.<hmac>`: readable scope, unforgeable without the secret. */
export function signGrant(secret: string, grant: EmbedGrant): string {
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `v1.${payload}.${sign(secret, `v1.${payload}`)}`;
}

export type GrantCheck = { ok: true; grant: EmbedGrant } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/** Verifies the signature and expiry (not the scope, not revocation: the caller checks those). */
export function verifyGrant(secret: string, token: string, nowSeconds: number): GrantCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, `v1.${parts[1]}`));
  const given = Buffer.from(parts[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  let grant: EmbedGrant;
  try {
    grant = grantShape.parse(JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (grant.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, grant };
}

/** Whether a grant covers this widget: its kind, and the OPD it shows. */
export function grantCovers(grant: EmbedGrant, kind: string, scope: string): boolean {
  return grant.kinds.includes(kind) && grant.opds.includes(scope);
}
