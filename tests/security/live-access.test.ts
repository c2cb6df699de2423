import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket as NetSocket, connect as netConnect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { insertUser, issueServiceToken, issueWallDevice, type Role } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../apps/server/src/auth/passwords.ts';
import { createLogger, loadEnv, startServer, type RunningServer } from '@pantau/server';

/**
 * Issue 13 items 1 and 2, issue 12 item 6: the live socket checks where it is called from, is only as
 * good as its credential now, and tells a database outage apart from "unauthorized". Real servers on
 * port 0, real socket.io clients, a real second origin.
 */
const PASSWORD = 'kata-sandi-uji-123';
const env = (url: string, extra: Record<string, string> = {}) =>
  loadEnv({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    PORT: '0',
    PANTAU_DEMO: 'off',
    PANTAU_WEB_DIST: '/nonexistent',
    LOG_LEVEL: process.env.PANTAU_TEST_LOG ?? 'silent',
    ...extra,
  });

async function addUser(server: RunningServer, username: string, role: Role, opdId: string | null = null) {
  const id = randomUUID();
  await insertUser(server.pool, {
    id,
    username,
    displayName: username,
    passwordHash: await hashPassword(PASSWORD),
    role,
    opdId,
    mustChangePassword: false,
  });
  return id;
}

async function signIn(url: string, username: string, password = PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status, `sign-in ${username}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: csrfToken };
}

/** A socket to `/live`, resolved once connected or refused (`error` is the connect_error). */
function liveSocket(
  url: string,
  opts: { cookie?: string; origin?: string; deviceToken?: string },
): Promise<{ socket: Socket; error?: Error & { data?: Record<string, unknown> } }> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = opts.origin;
  const socket = io(`${url}/live`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
    auth: opts.deviceToken ? { deviceToken: opts.deviceToken } : {},
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error) => resolve({ socket, error }));
  });
}

const subscribe = (socket: Socket, topic: string) =>
  socket.timeout(5000).emitWithAck('subscribe', { topic }) as Promise<{ ok: boolean; error?: { field: string } }>;
const disconnected = (socket: Socket) =>
  new Promise<string>((resolve, reject) => {
    if (!socket.connected) return resolve('already');
    const timer = setTimeout(() => reject(new Error('socket still connected after 10 s')), 10_000);
    socket.once('disconnect', (why) => {
      clearTimeout(timer);
      resolve(why);
    });
  });

describe('the live socket: origin, credential now, outages', () => {
  let db: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  let admin = '';
  const opdA = 'kalteng.dinkes';
  const sockets: Socket[] = [];
  const open = async (...args: Parameters<typeof liveSocket>) => {
    const r = await liveSocket(...args);
    sockets.push(r.socket);
    return r;
  };
  const api = (server: RunningServer, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'liveaccess' });
    const url = urlWithSchema(db.url, db.schema);
    a = await startServer(env(url, { PANTAU_ALLOWED_ORIGINS: 'https://pantau.example.go.id' }), createLogger('silent'));
    b = await startServer(env(url), createLogger('silent'));
    admin = await issueServiceToken(a.pool, 'root', 'Root', 'admin');
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await b?.close();
    await a?.close();
    await db?.drop();
  });

  it('refuses a handshake from another origin of the same host, and accepts its own and the listed ones', async () => {
    await addUser(a, 'piket-origin', 'duty_officer');
    const { cookie } = await signIn(a.url, 'piket-origin');
    const otherPort = `http://127.0.0.1:${a.port + 1}`;
    const foreign = await open(a.url, { cookie, origin: otherPort });
    expect(foreign.error?.message).toBe('origin');
    expect(foreign.socket.connected).toBe(false);
    const sibling = await open(a.url, { cookie, origin: 'https://dinkes.example.go.id' });
    expect(sibling.error?.message).toBe('origin');
    const own = await open(a.url, { cookie, origin: a.url });
    expect(own.error).toBeUndefined();
    expect((await subscribe(own.socket, 'worklist')).ok).toBe(true);
    const proxied = await open(a.url, { cookie, origin: 'https://pantau.example.go.id' });
    expect(proxied.error).toBeUndefined();
  });

  it('re-checks the session on every subscribe: an ended session or a changed role counts at once', async () => {
    const id = await addUser(a, 'piket-recheck', 'duty_officer');
    const { cookie } = await signIn(a.url, 'piket-recheck');
    const { socket } = await open(a.url, { cookie });
    expect((await subscribe(socket, 'worklist')).ok).toBe(true);
    // Changed behind the API's back (no kick): only the re-check can notice.
    await a.pool.query(`UPDATE app_user SET role = 'opd_admin', opd_id = $2 WHERE id = $1`, [id, opdA]);
    const demoted = await subscribe(socket, 'worklist');
    expect(demoted.ok).toBe(false);
    expect((await subscribe(socket, `opd:${opdA}`)).ok).toBe(true);
    await a.pool.query(`DELETE FROM user_session WHERE user_id = $1`, [id]);
    const gone = disconnected(socket);
    expect((await subscribe(socket, `opd:${opdA}`)).ok).toBe(false);
    await gone;
  });

  it('disconnects every socket of a user, on every node, when an admin disables it or changes its role', async () => {
    const id = await addUser(a, 'piket-kick', 'duty_officer');
    const { cookie } = await signIn(a.url, 'piket-kick');
    const onA = (await open(a.url, { cookie })).socket;
    const onB = (await open(b.url, { cookie })).socket;
    expect((await subscribe(onB, 'worklist')).ok).toBe(true);
    const gone = Promise.all([disconnected(onA), disconnected(onB)]);
    expect((await api(a, 'PATCH', `/api/users/${id}`, { role: 'opd_admin', opdId: opdA })).status).toBe(200);
    await gone;
    const again = await open(b.url, { cookie });
    expect(again.error?.message).toBe('unauthorized');
  });

  it('disconnects the other sockets of a user whose password changed', async () => {
    await addUser(a, 'piket-pass', 'duty_officer');
    const first = await signIn(a.url, 'piket-pass');
    const second = await signIn(a.url, 'piket-pass');
    const old = (await open(b.url, { cookie: first.cookie })).socket;
    expect(old.connected).toBe(true);
    const gone = disconnected(old);
    const res = await fetch(`${a.url}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: second.cookie, 'x-csrf-token': second.csrf },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'kata-sandi-baru-456' }),
    });
    expect(res.status).toBe(200);
    await gone;
    expect((await open(b.url, { cookie: first.cookie })).error?.message).toBe('unauthorized');
  });

  it('never lets a wall leave its own device room, so a revocation still reaches it', async () => {
    const token = await issueWallDevice(a.pool, 'wall-leaver', 'Layar');
    const { socket } = await open(b.url, { deviceToken: token });
    expect((await subscribe(socket, 'province')).ok).toBe(true);
    socket.emit('unsubscribe', { topic: 'device:wall-leaver' });
    await new Promise((r) => setTimeout(r, 200));
    const gone = disconnected(socket);
    expect((await api(a, 'DELETE', '/api/devices/wall-leaver')).status).toBe(200);
    await gone;
  });

  it('re-checks a wall device on subscribe: a revoked token reads no more topics', async () => {
    const token = await issueWallDevice(a.pool, 'wall-recheck', 'Layar');
    const { socket } = await open(a.url, { deviceToken: token });
    expect((await subscribe(socket, 'province')).ok).toBe(true);
    await a.pool.query(`UPDATE wall_device SET revoked_at = now() WHERE id = 'wall-recheck'`);
    expect((await subscribe(socket, 'worklist')).ok).toBe(false);
  });
});

describe('live topics × principals', () => {
  let db: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'topicmatrix' });
    server = await startServer(env(urlWithSchema(db.url, db.schema)), createLogger('silent'));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('lets each principal subscribe to exactly the topics its role reads', async () => {
    const opdA = server.pack.opds[0]!.id;
    const opdB = server.pack.opds[1]!.id;
    const regency = server.pack.regencies[0]!.code;
    const topics = [
      'province',
      'worklist',
      'wall',
      `opd:${opdA}`,
      `opd:${opdB}`,
      `regency:${regency}`,
      'public:province',
    ];
    const everything = new Set(topics);
    for (const [username, role] of [
      ['m-admin', 'admin'],
      ['m-duty', 'duty_officer'],
      ['m-viewer', 'viewer'],
      ['m-opd', 'opd_admin'],
    ] as const)
      await addUser(server, username, role, role === 'opd_admin' ? opdA : null);
    const cookieOf = async (u: string) => (await signIn(server.url, u)).cookie;
    const cases: Array<[string, { cookie?: string; deviceToken?: string }, Set<string>]> = [
      ['admin', { cookie: await cookieOf('m-admin') }, everything],
      ['duty officer', { cookie: await cookieOf('m-duty') }, everything],
      ['viewer', { cookie: await cookieOf('m-viewer') }, everything],
      ['OPD admin A', { cookie: await cookieOf('m-opd') }, new Set([`opd:${opdA}`])],
      ['wall device', { deviceToken: await issueWallDevice(server.pool, 'm-wall', 'Layar') }, everything],
    ];
    const wrong: string[] = [];
    for (const [who, credential, allowed] of cases) {
      const { socket, error } = await liveSocket(server.url, credential);
      expect(error, who).toBeUndefined();
      for (const topic of topics) {
        const ack = await subscribe(socket, topic);
        if (ack.ok !== allowed.has(topic)) wrong.push(`${who} ${topic}: ${ack.ok ? 'allowed' : 'refused'}`);
      }
      socket.disconnect();
    }
    const anonymous = await liveSocket(server.url, {});
    anonymous.socket.disconnect();
    expect(anonymous.error?.message).toBe('unauthorized');
    const pub = io(`${server.url}/public`, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((r) => pub.once('connect', () => r()));
    for (const topic of topics) {
      const ack = await subscribe(pub, topic);
      if (ack.ok !== topic.startsWith('public:')) wrong.push(`public ${topic}: ${ack.ok ? 'allowed' : 'refused'}`);
    }
    pub.disconnect();
    expect(wrong).toEqual([]);
  });
});

describe('the anonymous /public socket', () => {
  let db: TestDatabase;
  let server: RunningServer;
  const open = (): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = io(`${server.url}/public`, { transports: ['websocket'], forceNew: true, reconnection: false });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  const outboxRows = async () =>
    Number((await server.pool.query('SELECT count(*)::int AS n FROM live_outbox')).rows[0].n);
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'publicsock' });
    server = await startServer(env(urlWithSchema(db.url, db.schema)), createLogger('silent'));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('writes nothing for subscribes to made-up topics', async () => {
    const socket = await open();
    const before = await outboxRows();
    const acks = await Promise.all(
      Array.from({ length: 300 }, (_, i) => subscribe(socket, `public:opd:kalteng.nope-${i}`)),
    );
    socket.disconnect();
    expect(acks.every((a) => !a.ok)).toBe(true);
    expect(await outboxRows()).toBe(before);
  });

  it('bounds subscribes per connection and per address', async () => {
    const one = await open();
    const acks = await Promise.all(Array.from({ length: 200 }, () => subscribe(one, 'public:province')));
    one.disconnect();
    const accepted = acks.filter((a) => a.ok).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(60);
    const many = await Promise.all(Array.from({ length: 20 }, () => open()));
    const all = await Promise.all(
      many.map((s) => Promise.all(Array.from({ length: 20 }, () => subscribe(s, 'public:province')))),
    );
    for (const s of many) s.disconnect();
    expect(all.flat().filter((a) => a.ok).length).toBeLessThanOrEqual(200);
  });
});

/** A TCP relay in front of PostgreSQL that a test can cut, as an outage does. */
async function relay(target: { host: string; port: number }) {
  const conns = new Set<NetSocket>();
  let server: Server | undefined;
  let port = 0;
  const up = () =>
    new Promise<void>((resolve, reject) => {
      if (server?.listening) return resolve();
      server = createServer((c) => {
        const upstream = netConnect(target.port, target.host);
        conns.add(c).add(upstream);
        c.pipe(upstream).pipe(c);
        const end = () => {
          c.destroy();
          upstream.destroy();
        };
        c.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  await up();
  return {
    get port() {
      return port;
    },
    up,
    async down() {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      for (const c of conns) c.destroy();
      conns.clear();
      await closed;
    },
  };
}

describe('the live socket during a database outage', () => {
  it('answers a handshake it cannot check with a retryable "unavailable", never "unauthorized"', async () => {
    const db = await createTestDatabase({ migrate: false, label: 'liveoutage' });
    const pg = new URL(db.url);
    const r = await relay({ host: pg.hostname, port: Number(pg.port || 5432) });
    const relayed = new URL(db.url);
    relayed.port = String(r.port);
    const server = await startServer(env(urlWithSchema(relayed.toString(), db.schema)), createLogger('silent'));
    try {
      await addUser(server, 'piket-outage', 'duty_officer');
      const { cookie } = await signIn(server.url, 'piket-outage');
      const wall = await issueWallDevice(server.pool, 'wall-outage', 'Layar');
      await r.down();
      for (const opts of [{ cookie }, { deviceToken: wall }]) {
        const refused = await liveSocket(server.url, opts);
        refused.socket.disconnect();
        expect(refused.error?.message).toBe('unavailable');
        expect(refused.error?.data).toMatchObject({ code: 'unavailable', retryable: true });
      }
      await r.up();
      const back = await liveSocket(server.url, { cookie });
      back.socket.disconnect();
      expect(back.error).toBeUndefined();
    } finally {
      await r.up();
      await server.close();
      await db.drop();
    }
  }, 60_000);
});
