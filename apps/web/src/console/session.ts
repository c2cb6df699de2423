import type { SessionResponse } from '@pantau/contracts';
import { useCallback, useEffect, useState } from 'react';
import { onSignedOut } from '../api/client.ts';

export type ConsoleSession =
  { state: 'loading' } | { state: 'signed-out'; expired: boolean } | ({ state: 'ready' } & SessionResponse);

/** The sign-in page, remembering where to come back to (the same view, filters and all). */
export function loginUrl(expired = false): string {
  const next = `${window.location.pathname}${window.location.search}`;
  return `/console/login?next=${encodeURIComponent(next)}${expired ? '&expired=1' : ''}`;
}

/** Sends a signed-out or expired visitor to sign in; a 401 from any call ends up here too. */
export function goToLogin(expired: boolean): void {
  window.location.assign(loginUrl(expired));
}

export function useConsoleSession(): [ConsoleSession, () => void] {
  const [session, setSession] = useState<ConsoleSession>({ state: 'loading' });
  const load = useCallback(() => {
    fetch('/api/auth/session', { credentials: 'same-origin' })
      .then(async (res) => {
        if (res.status === 401) {
          const err = (await res.json().catch(() => null)) as { error?: { field?: string } } | null;
          return setSession({ state: 'signed-out', expired: err?.error?.field === 'session' });
        }
        setSession({ state: 'ready', ...((await res.json()) as SessionResponse) });
      })
      .catch(() => setSession({ state: 'signed-out', expired: false }));
  }, []);
  useEffect(load, [load]);
  return [session, load];
}

// A GET of the typed client that finds the session gone sends the person to sign in.
onSignedOut(goToLogin);
