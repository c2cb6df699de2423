import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, issueSourceKey, issueWallDevice } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
const METRICS_TOKEN = 'proxy-test-metrics-token-0123456789';
if (!NGINX) console.warn("reverse-proxy test skipped: install Debian's nginx-light (apt-get install nginx-light)");

/** A node run as in production: `node apps/server/dist/main.js`. */
interface Node {
  port: number;
  url: string;
  child: ChildProcess;
  output: () => string;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The nginx site of docs/operations.md, on loopback and without TLS, in front of `ports`. */
const nginxConf = (dir: string, listen: number, ports: number[]) => `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream pantau {
    ip_hash;
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://pantau;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_set_header Connection "";
    }
    location /socket.io/ {
      proxy_pass http://pantau;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_read_timeout 120s;
    }
    location = /metrics { return 404; }
  }
}
`;

describe.skipIf(!NGINX)('two nodes behind nginx', () => {
  let db: TestDatabase;
  let dir: string;
  let nginx: ChildProcess | undefined;
  let proxy: string;
  const nodes: Node[] = [];
  const clients: Socket[] = [];
  const env = (port: number): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: urlWithSchema(db.url, db.schema),
    HOST: '127.0.0.1',
    PORT: String(port),
    PANTAU_DEMO: 'off',
    PANTAU_TRUST_PROXY: 'true',
    PANTAU_METRICS_TOKEN: METRICS_TOKEN,
    PANTAU_SHUTDOWN_GRACE_SECONDS: '0',
    PANTAU_WEB_DIST: inject('webDist'),
    LOG_LEVEL: 'warn',
  });
  const startNode = async (port: number): Promise<Node> => {
    let out = '';
    const child = spawn(process.execPath, [path.join(REPO, 'apps/server/dist/main.js')], {
      cwd: REPO,
      env: env(port),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const node = { port, url: `http://127.0.0.1:${port}`, child, output: () => out };
    await until(async () => (await fetch(`${node.url}/readyz`)).status === 200, 60_000, `node ${port}`).catch(
      (err: Error) => {
        throw new Error(`${err.message}:\n${out}`);
      },
    );
    return node;
  };
  const metric = async (node: Node, line: RegExp): Promise<number | null> => {
    const text = await (
      await fetch(`${node.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const m = text.split('\n').find((l) => line.test(l));
    return m ? Number(m.split(' ').at(-1)) : null;
  };

  beforeAll(async () => {
    // The production build, as `pnpm start` and the operator guide run it.
    const built = spawnSync(process.execPath, [path.join(REPO, 'apps/server/build.mjs')], { stdio: 'inherit' });
    expect(built.status).toBe(0);
    db = await createTestDatabase({ migrate: false, label: 'proxy' });
    nodes.push(await startNode(await freePort()));
    nodes.push(await startNode(await freePort()));
    dir = await mkdtemp(path.join(os.tmpdir(), 'pantau-nginx-'));
    await mkdir(dir, { recursive: true });
    const listen = await freePort();
    await writeFile(
      path.join(dir, 'nginx.conf'),
      nginxConf(
        dir,
        listen,
        nodes.map((n) => n.port),
      ),
    );
    nginx = spawn(NGINX!, ['-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
    proxy = `http://127.0.0.1:${listen}`;
    await until(async () => (await fetch(`${proxy}/readyz`)).status === 200, 10_000, 'nginx');
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    for (const n of nodes) n.child.kill('SIGKILL');
    nginx?.kill('SIGQUIT');
    await db?.drop();
    if (dir && process.env.PANTAU_TEST_KEEP) console.log(dir);
    else if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps walls live over WebSocket and polling while the node serving them is killed and restarted', async () => {
    const device = await issueWallDevice(db.pool, 'proxy-wall', 'Layar proxy');
    const key = await issueSourceKey(db.pool, 'proxy-test', 'Proxy test');
    const deltas = new Map<string, number>();
    const disconnects = new Map<string, number>();
    for (const transport of ['websocket', 'polling'] as const) {
      const socket = io(`${proxy}/live`, { transports: [transport], auth: { deviceToken: device }, forceNew: true });
      socket.on('connect', () => void socket.emit('subscribe', { topic: 'province' }, () => undefined));
      socket.on('delta', () => deltas.set(transport, (deltas.get(transport) ?? 0) + 1));
      socket.on('disconnect', () => disconnects.set(transport, (disconnects.get(transport) ?? 0) + 1));
      clients.push(socket);
    }
    // A source retries a batch the proxy could not deliver (a 502 while nginx finds the node dead):
    // ingest is idempotent, so resending is safe.
    const ingest = async (ids: string[]) => {
      const send = () =>
        fetch(`${proxy}/api/ingest/complaints`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            source: 'proxy-test',
            items: ids.map((id) => ({
              externalId: id,
              event: {
                type: 'submitted',
                eventId: 's',
                occurredAt: new Date().toISOString(),
                trackingId: id,
                channel: 'web',
                classification: 'pengaduan',
                topic: 'Jalan',
                title: `Jalan rusak ${id}`,
                body: 'Lubang besar.',
                regencyCode: '62.71',
                isRahasia: false,
              },
            })),
          }),
        });
      let res = await send();
      for (let i = 0; i < 10 && res.status >= 502; i++) {
        await new Promise((r) => setTimeout(r, 500));
        res = await send();
      }
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(JSON.parse(text)).toMatchObject({ accepted: ids.length });
    };
    // Live means: new data reaches both walls as deltas. A wall that resubscribes after the data it
    // waited for was published gets it in its snapshot instead, so new complaints keep arriving (one
    // every 3 s) until both have seen a delta.
    let next = 7_700_001;
    const liveAgain = async (what: string) => {
      const before = new Map(deltas);
      const bothMoved = () =>
        (['websocket', 'polling'] as const).every((t) => (deltas.get(t) ?? 0) > (before.get(t) ?? 0));
      const deadline = Date.now() + 30_000;
      while (!bothMoved()) {
        if (Date.now() > deadline)
          throw new Error(
            `no delta on both transports ${what}: ${JSON.stringify([...deltas])} (before ${JSON.stringify([...before])})`,
          );
        await ingest([String(next++)]);
        await until(async () => bothMoved(), 3000, 'deltas').catch(() => undefined);
      }
    };

    await until(async () => clients.every((c) => c.connected), 15_000, 'both clients connected');
    await liveAgain('before');

    // The node serving the walls (ip_hash: the same one for both) dies without warning.
    const counts = await Promise.all(nodes.map((n) => metric(n, /^pantau_sockets\{namespace="\/live"\}/)));
    const serving = counts.findIndex((c) => (c ?? 0) >= 2);
    expect(serving, `sockets per node: ${counts.join(', ')}`).toBeGreaterThanOrEqual(0);
    const victim = nodes[serving]!;
    const survivor = nodes[1 - serving]!;
    victim.child.kill('SIGKILL');
    await until(
      async () => disconnects.size === 2 && clients.every((c) => c.connected),
      30_000,
      'clients reconnected through nginx',
    );
    await liveAgain('after kill');
    // Leadership moved: the survivor publishes and watches.
    expect(await metric(survivor, /^pantau_leader\{role="live-publisher"\}/)).toBe(1);
    expect(await metric(survivor, /^pantau_leader\{role="deadline-watcher"\}/)).toBe(1);

    // The dead node comes back on its port; widgets are served by every node and through the proxy.
    nodes[serving] = await startNode(victim.port);
    for (const base of [...nodes.map((n) => n.url), proxy]) {
      const widget = await fetch(`${base}/embed/kpi?scope=province`);
      expect(widget.status, base).toBe(200);
      expect(widget.headers.get('content-type')).toMatch(/text\/html/);
    }
    await liveAgain('after restart');
  });
});
