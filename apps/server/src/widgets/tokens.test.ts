import { describe, expect, it } from 'vitest';
import { grantCovers, signGrant, verifyGrant } from './tokens.ts';

const secret = 'a-test-secret-that-is-long-enough-000';
const grant = { id: 't1', kinds: ['late'], opds: ['kalteng.dinkes'], exp: 2_000, ttl: 600 };

describe('restricted-widget tokens', () => {
  it('verifies a token it signed until its expiry, and not after', () => {
    const token = signGrant(secret, grant);
    expect(verifyGrant(secret, token, 1_999)).toEqual({ ok: true, grant });
    expect(verifyGrant(secret, token, 2_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a token whose scope was edited, or signed with another secret', () => {
    const token = signGrant(secret, grant);
    const [v, , mac] = token.split('.');
    const widened = Buffer.from(JSON.stringify({ ...grant, opds: ['kalteng.dinkes', 'kalteng.pupr'] })).toString(
      'base64url',
    );
    expect(verifyGrant(secret, `${v}.${widened}.${mac}`, 1_000)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyGrant('another-secret-also-long-enough-0000', token, 1_000)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(verifyGrant(secret, 'v1.garbage', 1_000)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('covers exactly the kinds and OPDs it names', () => {
    expect(grantCovers(grant, 'late', 'kalteng.dinkes')).toBe(true);
    expect(grantCovers(grant, 'late', 'kalteng.pupr')).toBe(false);
    expect(grantCovers(grant, 'kpi', 'kalteng.dinkes')).toBe(false);
  });
});
