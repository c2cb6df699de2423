import type { SocialDailyFigures, SocialPlatform } from '@pantau/contracts';
import type { Failure } from './http.ts';

/** The account a connector polls: Pantau's id and the platform's own id. */
export interface PolledAccount {
  id: string;
  platform: SocialPlatform;
  handle: string;
  platformAccountId: string;
}

/** What one poll of one account yields: figures per local date, and where to resume next time. */
export type PollOutcome =
  | {
      ok: true;
      days: Array<{ date: string; figures: SocialDailyFigures }>;
      cursor: Record<string, unknown>;
      /** The platform says no more calls until then (e.g. X's x-rate-limit-remaining: 0). */
      notBefore: Date | null;
    }
  | { ok: false; failure: Failure };

/** A platform's documented API, behind one function. */
export interface PlatformClient {
  platform: SocialPlatform;
  poll(account: PolledAccount, cursor: Record<string, unknown>, now: Date): Promise<PollOutcome>;
}

export interface ClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  /** The province's zone: "today" is a local date. */
  timeZone: string;
}

/** The local date of an instant in a zone, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A non-negative integer from a platform value (number or numeric string), else undefined. */
export function count(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** A failure for a document that is JSON but not in the documented shape. */
export const wrongShape = (what: string): { ok: false; failure: Failure } => ({
  ok: false,
  failure: { kind: 'garbage', message: `unexpected response shape: ${what}` },
});
