import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';

/**
 * The single-page app's client routes; each is answered with index.html so a reload keeps the view.
 * (`/embed` is not one: widgets are rendered on the server, see widgets/.)
 */
export const WEB_ROUTES = ['/wall', '/dashboard', '/console'] as const;

/**
 * Serves the built React app from `dist`: hashed assets with a long cache, and index.html for the app's
 * routes. When the app was not built, the routes say so instead of answering 404.
 */
export function webAppRoutes(dist: string): Hono {
  const app = new Hono();
  const indexFile = path.join(dist, 'index.html');
  const relRoot = path.relative(process.cwd(), dist) || '.';
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root: relRoot }),
  );
  const sendIndex = (c: Context) => {
    if (!existsSync(indexFile)) {
      return c.text('The web app is not built yet: run `pnpm build` (pnpm start does it for you).', 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexFile, 'utf8'));
  };
  app.get('/', (c) => c.redirect('/wall'));
  for (const route of WEB_ROUTES) {
    app.get(route, sendIndex);
    app.get(`${route}/*`, sendIndex);
  }
  app.get('/favicon.svg', serveStatic({ root: relRoot }));
  // The wall's service worker (keeps the wall's shell for a reboot during an outage); never cached itself,
  // so a new version takes over at the next visit.
  app.get(
    '/wall-sw.js',
    async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-cache');
    },
    serveStatic({ root: relRoot }),
  );
  return app;
}
