/** The signed-in session's CSRF token, needed on every mutation made with the session cookie. */
export async function csrfToken(): Promise<string | null> {
  const res = await fetch('/api/auth/session', { credentials: 'same-origin' });
  if (!res.ok) return null;
  return ((await res.json()) as { csrfToken?: string }).csrfToken ?? null;
}

export type MutationResult<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

/** A JSON mutation with the session cookie and its CSRF token; errors come back as the server's message. */
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
  const json = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok) return { ok: false, status: res.status, message: json?.error?.message ?? String(res.status) };
  return { ok: true, body: json as T };
}
