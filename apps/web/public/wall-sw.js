/* global self, caches, fetch, URL, Response */
// The wall's service worker (scope /wall): a wall PC rebooted while the network or the server is down
// still opens the wall, which then draws its last figures (kept by the live client) with their age and
// the offline banner, and resumes by itself when the server returns. Nothing else is cached: the live
// data never goes through here, and hashed assets are immutable.
const CACHE = 'pantau-wall-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// The page lists what it loaded (the shell and its chunks), so the first visit is enough to work offline.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const url of data.urls) {
        const u = new URL(url, self.location.origin);
        if (u.origin !== self.location.origin) continue;
        if (!(u.pathname === '/wall' || u.pathname.startsWith('/assets/') || u.pathname === '/favicon.svg')) continue;
        try {
          const res = await fetch(u.pathname, { credentials: 'same-origin' });
          if (res.ok) await cache.put(u.pathname, res);
        } catch {
          // Offline already: keep what is cached.
        }
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate' && (url.pathname === '/wall' || url.pathname.startsWith('/wall/'))) {
    // The page: the network first (a new build reaches the wall), the cached shell when it is down.
    event.respondWith(
      (async () => {
        try {
          const res = await fetch(req);
          if (res.ok) (await caches.open(CACHE)).put('/wall', res.clone());
          return res;
        } catch {
          return (await caches.match('/wall')) ?? Response.error();
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed, immutable: the cache first, then the network (and keep it).
    event.respondWith(
      (async () => {
        const hit = await caches.match(url.pathname);
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) (await caches.open(CACHE)).put(url.pathname, res.clone());
        return res;
      })(),
    );
  }
});
