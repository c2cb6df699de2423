import { errorText } from '@pantau/contracts/errors';

/** The signed-in session's CSRF token, needed on every mutation made with the session cookie. */
export async function csrfToken(): Promise<string | null> {
  const res = await fetch('/api/auth/session', { credentials: 'same-origin' });
  if (!res.ok) return null;
  return ((await res.json()) as { csrfToken?: string }).csrfToken ?? null;
}

export type MutationResult<T> =
  | { ok: true; body: T }
  | { ok: false; status: number; message: string; serverMessage: string | undefined; field: string | undefined };

/** The screen's language, as the app set it on the document (errors are shown in it). */
export function screenLocale(): 'id' | 'en' {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'id';
}

/**
 * A JSON mutation with the session cookie and its CSRF token. An error comes back as a sentence in the
 * screen's language (the catalog in `@pantau/contracts/errors`), with the server's own message and field
 * kept for code that needs them.
 */
export async function mutate<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<MutationResult<T>> {
  const token = await csrfToken();
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as (T & { error?: { message?: string; field?: string } }) | null;
  if (!res.ok) {
    const serverMessage = json?.error?.message;
    return {
      ok: false,
      status: res.status,
      message: errorText(screenLocale(), res.status, serverMessage),
      serverMessage,
      field: json?.error?.field,
    };
  }
  return { ok: true, body: json as T };
}
