import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleFixture, type ConsoleFixture } from '../testing/console-fixture.ts';

/** Issue 13 item 4: every request body is bounded per route, answered 413 before it is read whole. */
describe('request body limits', () => {
  let f: ConsoleFixture;
  beforeAll(async () => {
    f = await createConsoleFixture('bodylimit');
  });
  afterAll(async () => f.db.drop());

  /** POSTs an endless JSON-ish stream in 64 KiB chunks; returns the status and how much the server pulled. */
  const flood = async (path: string, headers: Record<string, string> = {}, declared?: number) => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 200 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const req = new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(declared ? { 'content-length': String(declared) } : {}),
        ...headers,
      },
      body,
      duplex: 'half',
    } as RequestInit);
    const res = await f.app.request(req);
    return { status: res.status, pulled, error: res.status === 413 ? await res.json() : null };
  };

  it('refuses a huge unauthenticated sign-in body with 413 after reading at most a few KB', async () => {
    const r = await flood('/api/auth/login');
    expect(r.status).toBe(413);
    expect(r.error.error.field).toBe('body');
    expect(r.pulled).toBeLessThanOrEqual(256 * 1024);
  });

  it('refuses a declared oversize body from its Content-Length without reading it', async () => {
    const r = await flood('/api/auth/login', {}, 200 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(r.pulled).toBeLessThanOrEqual(128 * 1024);
  });

  it('bounds the widget token renewal to a few KB', async () => {
    const r = await flood('/embed/token/renew');
    expect(r.status).toBe(413);
    expect(r.pulled).toBeLessThanOrEqual(256 * 1024);
  });

  it('bounds console actions to about 1 MB, and still takes a normal action', async () => {
    const id = f.complaint['7100002']!;
    const r = await flood(`/api/complaints/${id}/actions`, { authorization: `Bearer ${f.tokens.duty}` });
    expect(r.status).toBe(413);
    expect(r.pulled).toBeLessThanOrEqual(2 * 1024 * 1024);
    const big = await f.call('duty', 'POST', `/api/complaints/${id}/actions`, {
      action: 'note',
      expectedVersion: 1,
      text: 'x'.repeat(3000),
    });
    expect(big.status).not.toBe(413);
  });
});
