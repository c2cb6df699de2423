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
