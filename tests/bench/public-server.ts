// A Pantau HTTP node for the public benchmark, in its own process so the load generator does not share
// its event loop: the app as `pnpm start` builds it (public API, widgets, caches), no background work.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createPool, loadWorkingCalendar } from '@pantau/db';
import { loadProvincePack } from '@pantau/provinces';
import { createApp } from '../../apps/server/src/app.ts';
import { createLogger } from '../../apps/server/src/logger.ts';
import { DEFAULT_PUBLIC_OPTIONS } from '../../apps/server/src/public/routes.ts';

const [url, schema] = process.argv.slice(2);
const pack = loadProvincePack('kalteng');
const pool = createPool({ connectionString: url!, schema: schema!, max: 10 });
const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
const app = createApp({
  pool,
  pack,
  logger: createLogger('silent'),
  webDist: '/nonexistent',
  complaints: { pack, calendar: () => calendar },
  // The limiter stays on (its cost is part of every public request), set high enough not to refuse the bench.
  publicApi: { ...DEFAULT_PUBLIC_OPTIONS, rateLimitPerMinute: 100_000_000, rateLimitBurst: 100_000_000 },
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`PORT ${info.port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
