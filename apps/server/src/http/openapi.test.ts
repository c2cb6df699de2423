import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAppRoutes } from '../routes/web-app.ts';
import { createConsoleFixture, type ConsoleFixture } from '../testing/console-fixture.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Hono's route keys of an app, `METHOD /path/:param` (middleware registrations left out). */
const routeKeys = (routes: ReadonlyArray<{ method: string; path: string }>) =>
  new Set(routes.filter((r) => METHODS.includes(r.method.toLowerCase())).map((r) => `${r.method} ${r.path}`));

/** `METHOD /path/:param` for every operation of an OpenAPI document. */
const documentKeys = (doc: { paths: Record<string, Record<string, unknown>> }) =>
  new Set(
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path.replace(/\{([A-Za-z]+)\}/g, ':$1')}`),
    ),
  );

async function redoclyFindings(doc: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
}

describe('the OpenAPI documents', () => {
  let f: ConsoleFixture;
  let full: { openapi: string; paths: Record<string, Record<string, unknown>> };
  let pub: { openapi: string; paths: Record<string, Record<string, unknown>> };
  beforeAll(async () => {
    f = await createConsoleFixture('openapi');
    const res = await f.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    full = (await res.json()) as typeof full;
    pub = (await (await f.app.request('/api/public/v1/openapi.json')).json()) as typeof pub;
  });
  afterAll(async () => f.db.drop());

  it('describes every route the node serves (but the web app’s own pages), and nothing it does not serve', () => {
    const shell = routeKeys(webAppRoutes('/nonexistent').routes);
    const served = [...routeKeys(f.app.routes)].filter((k) => !shell.has(k));
    const described = documentKeys(full);
    expect(
      served.filter((k) => !described.has(k)),
      'add these routes to API in @pantau/contracts/api',
    ).toEqual([]);
    expect([...described].filter((k) => !served.includes(k))).toEqual([]);
    expect(full.openapi).toBe('3.1.0');
  });

  it('passes Redocly’s recommended rules with no finding at all, whole and public', async () => {
    expect(await redoclyFindings(full)).toEqual([]);
    expect(await redoclyFindings(pub)).toEqual([]);
  });

  it('gives the public document only the public statistics', () => {
    expect([...documentKeys(pub)].every((k) => k.startsWith('GET /api/public/v1'))).toBe(true);
    expect(documentKeys(pub).size).toBeGreaterThanOrEqual(6);
  });

  it('types request bodies from the contracts, so a field’s rules reach the reader', () => {
    const login = full.paths['/api/auth/login']!.post as {
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } };
    };
    expect(Object.keys(login.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['username', 'password']),
    );
    const worklist = full.paths['/api/worklist']!.get as { parameters: Array<{ name: string }> };
    expect(worklist.parameters.map((p) => p.name)).toContain('deadlineState');
  });

  it('is linked from the public documentation page', async () => {
    const page = await (await f.app.request('/api/public/v1')).text();
    expect(page).toContain('href="/api/openapi.json"');
  });
});
