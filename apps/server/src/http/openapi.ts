import { API, type ApiAuth, type ApiMedia, type ApiRoute, type ApiTag } from '@pantau/contracts/api';
import type { ProvincePack } from '@pantau/provinces';
import { z } from 'zod';
import type { PublicEndpoint } from '../public/public-api.ts';

/**
 * OpenAPI 3.1 documents generated from the contracts: the API table (`@pantau/contracts/api`) for every
 * route of the node and the public endpoint table for the statistics API. Nothing here is written by
 * hand per route, so a route cannot be served undescribed (openapi.test.ts holds the document equal to
 * Hono's own route table) and the document lints clean under Redocly's recommended rules.
 */

type Json = Record<string, unknown>;

const MEDIA: Record<ApiMedia, string> = {
  json: 'application/json',
  csv: 'text/csv',
  pdf: 'application/pdf',
  html: 'text/html',
  javascript: 'text/javascript',
  text: 'text/plain',
};

const TAGS: Record<ApiTag, string> = {
  public: 'Public aggregate statistics: no personal data, small counts suppressed, cacheable.',
  widgets: 'Statistics widgets for OPD websites, and the tokens of restricted ones.',
  ingest: 'Sources: complaint, PPID, SMS and social-media feeds, exactly once by source id.',
  console: 'The duty desk: worklist, cases, people, rules and the working-day calendar.',
  wall: 'The video wall: screens, rotations and annotations.',
  reports: 'Reports and exports (PDF, CSV).',
  operations: 'Health, readiness and metrics.',
};

const SECURITY_SCHEMES: Record<Exclude<ApiAuth, 'public'>, Json> = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'pantau_session',
    description: 'The console session cookie; mutations also send the `x-csrf-token` of GET /api/auth/session.',
  },
  source: { type: 'http', scheme: 'bearer', description: 'A source key issued in the console (Sumber data).' },
  device: {
    type: 'apiKey',
    in: 'header',
    name: 'x-device-token',
    description: 'A wall screen’s device token, issued in the console (Layar).',
  },
  metrics: { type: 'http', scheme: 'bearer', description: 'PANTAU_METRICS_TOKEN, for a Prometheus scraper.' },
  widget: {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: 'A restricted widget’s signed token; public widgets take none.',
  },
};
/** A console user may also call with `Authorization: Bearer <API token>` instead of the cookie. */
const CONSOLE_TOKEN: Json = { type: 'http', scheme: 'bearer', description: 'A console user’s API token.' };

const securityOf = (auth: ApiAuth): Array<Record<string, string[]>> => {
  switch (auth) {
    case 'public':
      return [];
    case 'session':
      return [{ session: [] }, { consoleToken: [] }];
    case 'widget':
      return [{}, { widget: [] }];
    default:
      return [{ [auth]: [] }];
  }
};

const errorResponse = (description: string): Json => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/**
 * A record keyed by an enum (`z.record(ppidDecision, …)`) has every key: zod writes it as
 * `propertyNames` + `required`, which leaves the required keys without a declared property. Spelled out
 * as `properties`, it says the same and tools can show each key.
 */
function spellOutEnumRecords(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(spellOutEnumRecords);
  if (!node || typeof node !== 'object') return;
  const s = node as Json;
  const names = (s.propertyNames as { enum?: string[] } | undefined)?.enum;
  if (names && s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties) {
    s.properties = Object.fromEntries(names.map((k) => [k, s.additionalProperties]));
    s.additionalProperties = false;
    delete s.propertyNames;
  }
  Object.values(s).forEach(spellOutEnumRecords);
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  delete s.$schema;
  spellOutEnumRecords(s);
  return s;
};

/** `GET /api/users/:id/reset-password` → `getApiUsersIdResetPassword`. */
function operationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

function queryParameters(schema: z.ZodType | undefined): Json[] {
  if (!schema) return [];
  const q = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(q.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: q.required?.includes(name) ?? false,
    schema: s,
  }));
}

function operation(method: string, path: string, r: ApiRoute & { description?: string }): Json {
  const media = MEDIA[r.media ?? 'json'];
  const status = String(r.status ?? 200);
  const pathParams = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const responses: Json = {
    [status]: {
      description: 'Done.',
      content: { [media]: { schema: r.response ? jsonSchema(r.response, 'output') : {} } },
    },
  };
  // Every route refuses a NUL character in its query string (input-guard.ts), so every route can say 400.
  responses['400'] = errorResponse('Invalid input; `error.field` names it.');
  if (r.auth !== 'public') {
    responses['401'] = errorResponse('Not signed in, or the credential is unknown, expired or revoked.');
    responses['403'] = errorResponse('The caller may not do this (role or OPD).');
  }
  if (pathParams.length) responses['404'] = errorResponse('No such item, or not one the caller may see.');
  if (r.tag === 'public' || r.tag === 'widgets')
    responses['429'] = errorResponse('Rate limit reached; see Retry-After.');
  return {
    operationId: operationId(method, path),
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    tags: [r.tag],
    security: securityOf(r.auth),
    parameters: [...pathParams, ...queryParameters(r.query)],
    ...(r.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } }
      : {}),
    responses,
  };
}

/** The public statistics endpoints as API rows (their table lives with their computations). */
const publicRows = (endpoints: PublicEndpoint[]): Array<[string, ApiRoute & { description?: string }]> => [
  ...endpoints.map((e): [string, ApiRoute & { description?: string }] => [
    `GET /api/public/v1${e.path}`,
    {
      summary: e.summary.en,
      description: `${e.summary.id}. Counts below the threshold are given as "<N"; ETag and Cache-Control allow caching (304 on If-None-Match).`,
      tag: 'public',
      auth: 'public',
      query: e.query,
      response: e.response,
    },
  ]),
  ['GET /api/public/v1/openapi.json', { summary: 'The public API’s OpenAPI document', tag: 'public', auth: 'public' }],
  [
    'GET /api/public/v1',
    { summary: 'The public API’s documentation page', tag: 'public', auth: 'public', media: 'html' },
  ],
];

function document(pack: ProvincePack, title: string, description: string, rows: Array<[string, ApiRoute]>): Json {
  const paths: Record<string, Json> = {};
  for (const [key, r] of rows) {
    const [method, path] = key.split(' ') as [string, string];
    (paths[openApiPath(path)] ??= {})[method.toLowerCase()] = operation(method, path, r);
  }
  const used = new Set(rows.map(([, r]) => r.tag));
  const schemes = new Set(rows.flatMap(([, r]) => securityOf(r.auth).flatMap((s) => Object.keys(s))));
  return {
    openapi: '3.1.0',
    info: {
      title,
      version: '1',
      description,
      license: { name: 'CC BY 4.0 (the published figures)', identifier: 'CC-BY-4.0' },
      contact: { name: `Command center of ${pack.name}` },
    },
    servers: [{ url: '/', description: 'This Pantau node' }],
    tags: (Object.keys(TAGS) as ApiTag[]).filter((t) => used.has(t)).map((name) => ({ name, description: TAGS[name] })),
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['message'],
              properties: { field: { type: 'string' }, message: { type: 'string' } },
            },
            requestId: { type: 'string' },
          },
        },
      },
      securitySchemes: Object.fromEntries(
        [...schemes].map((s) => [
          s,
          s === 'consoleToken' ? CONSOLE_TOKEN : SECURITY_SCHEMES[s as Exclude<ApiAuth, 'public'>],
        ]),
      ),
    },
  };
}

/** The public statistics API alone (`/api/public/v1/openapi.json`). */
export function publicOpenApiDocument(pack: ProvincePack, endpoints: PublicEndpoint[]): Json {
  return document(
    pack,
    `Pantau — statistik publik ${pack.name}`,
    'Public aggregate statistics of complaints (SP4N-LAPOR!), public-information requests (PPID) and ' +
      'the social-media accounts of the province and its OPDs. Aggregates only; small counts suppressed ("<5"), and larger counts that would give one away by subtraction withheld ("withheld").',
    publicRows(endpoints),
  );
}

/** Every route of a node (`/api/openapi.json`): public, widgets, ingest, console, wall, operations. */
export function fullOpenApiDocument(pack: ProvincePack, endpoints: PublicEndpoint[]): Json {
  return document(
    pack,
    `Pantau — ${pack.name}`,
    'The whole HTTP API of a Pantau node: public statistics and widgets, source ingest, the console, the ' +
      'wall and operations. Personal data is only served to signed-in users of the console, within their OPD.',
    [...(Object.entries(API) as Array<[string, ApiRoute]>), ...publicRows(endpoints)],
  );
}
