import type { ProvincePack } from '@pantau/provinces';
import { z } from 'zod';
import type { PublicEndpoint } from './public-api.ts';

/** An OpenAPI 3.1 document generated from the endpoint table and its zod schemas (one truth). */
export function openApiDocument(pack: ProvincePack, endpoints: PublicEndpoint[]): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const e of endpoints) {
    const query = z.toJSONSchema(e.query, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, Record<string, unknown>>;
    };
    paths[`/api/public/v1${e.path}`] = {
      get: {
        summary: e.summary.en,
        description: e.summary.id,
        parameters: Object.entries(query.properties ?? {}).map(([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          schema,
        })),
        responses: {
          '200': {
            description: 'Aggregates; counts below the threshold are given as "<N".',
            headers: {
              ETag: { schema: { type: 'string' } },
              'Cache-Control': { schema: { type: 'string' } },
            },
            content: { 'application/json': { schema: z.toJSONSchema(e.response, { unrepresentable: 'any' }) } },
          },
          '304': { description: 'Not modified (If-None-Match matched the ETag).' },
          '400': { description: 'A query parameter is invalid; `error.field` names it.' },
          '429': { description: 'Rate limit reached; see Retry-After.' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `Pantau — statistik publik ${pack.name}`,
      version: '1',
      description:
        'Public aggregate statistics of complaints (SP4N-LAPOR!), public-information requests (PPID) and ' +
        'the social-media accounts of the province and its OPDs. Aggregates only; small counts suppressed ("<5"), and larger counts that would give one away by subtraction withheld ("withheld").',
    },
    paths,
  };
}
