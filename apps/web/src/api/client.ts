import type { ApiBody, ApiKey, ApiParams, ApiReply } from '@pantau/contracts/api';
import { errorText } from '@pantau/contracts/errors';
import { csrfToken, screenLocale, type MutationResult } from './session.ts';

/**
 * The web's one HTTP client, typed by the server's route table (`API` in `@pantau/contracts/api`): a call
 * names its route key, and its path parameters, body and answer are checked against that row. Only
 * types are imported from the table, so no schema reaches the bundle.
 */

type GetKey = Extract<ApiKey, `GET ${string}`>;
type SendKey = Exclude<ApiKey, GetKey>;
type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;
type Query = Record<string, string | number | boolean | null | undefined> | URLSearchParams | string;

type ParamsArg<K extends ApiKey> = keyof ApiParams<PathOf<K>> extends never ? object : { params: ApiParams<PathOf<K>> };
type BodyArg<K extends ApiKey> = [ApiBody<K>] extends [never] ? object : { body: ApiBody<K> };
export type GetCall<K extends GetKey> = ParamsArg<K> & { query?: Query };
export type SendCall<K extends SendKey> = ParamsArg<K> & BodyArg<K> & { query?: Query };

/** A route key with its parameters and query filled in, e.g. for a download link. */
export function apiUrl(key: ApiKey, call: { params?: Record<string, string | number>; query?: Query } = {}): string {
  const path = key
    .slice(key.indexOf(' ') + 1)
    .replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(String(call.params?.[name] ?? '')));
  const q = call.query;
  if (q === undefined) return path;
  let search: string;
  if (typeof q === 'string') search = q.replace(/^\?/, '');
  else if (q instanceof URLSearchParams) search = q.toString();
  else {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null) s.set(k, String(v));
    search = s.toString();
  }
  return search ? `${path}?${search}` : path;
}

/** A Response whose `json()` is the route's answer type. */
export type ApiResponse<K extends ApiKey> = Omit<Response, 'json'> & { json(): Promise<ApiReply<K>> };

/** A GET with the session cookie, for pages that read the status themselves (e.g. to show "sign in"). */
export async function apiRequest<K extends GetKey>(
  key: K,
  ...[call]: object extends GetCall<K> ? [GetCall<K>?] : [GetCall<K>]
): Promise<ApiResponse<K>> {
  return fetch(apiUrl(key, call), { credentials: 'same-origin' });
}

let signedOut: (expired: boolean) => void = () => undefined;
/** What a page does when a GET finds the session gone (the console sends the person to sign in). */
export function onSignedOut(handler: (expired: boolean) => void): void {
  signedOut = handler;
}

/**
 * A GET with the session cookie. A 401 calls the signed-out handler and answers null; any other error is
 * thrown as a sentence in the screen's language.
 */
export async function apiGet<K extends GetKey>(
  key: K,
  ...[call]: object extends GetCall<K> ? [GetCall<K>?] : [GetCall<K>]
) {
  const res = await fetch(apiUrl(key, call), { credentials: 'same-origin' });
  if (res.status === 401) {
    const err = (await res.json().catch(() => null)) as { error?: { field?: string } } | null;
    signedOut(err?.error?.field === 'session');
    return null;
  }
  if (!res.ok) {
    const err = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(errorText(screenLocale(), res.status, err?.error?.message));
  }
  return (await res.json()) as ApiReply<K>;
}

/**
 * A mutation with the session cookie and its CSRF token. An error comes back as a sentence in the screen's
 * language (the catalog in `@pantau/contracts/errors`), with the server's own message and field kept for
 * code that needs them.
 */
export async function apiSend<K extends SendKey>(
  key: K,
  ...[call]: object extends SendCall<K> ? [SendCall<K>?] : [SendCall<K>]
): Promise<MutationResult<ApiReply<K>>> {
  const method = key.slice(0, key.indexOf(' '));
  const body = (call as { body?: unknown } | undefined)?.body;
  const token = await csrfToken();
  const res = await fetch(apiUrl(key, call), {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as
    (ApiReply<K> & { error?: { message?: string; field?: string } }) | null;
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
  return { ok: true, body: json as ApiReply<K> };
}
