import {
  firstIssueNamingUnknown,
  publicComplaints,
  publicPpid,
  publicQuery,
  publicRankings,
  publicScopes,
  publicSocial,
  publicSummary,
  publicNoQuery,
  publicStreamAnswer,
  type PublicPeriod,
} from '@pantau/contracts';
import type { Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import type { z } from 'zod';
import { rankingFigures, summaryFigures, resolveScope, type PublicOptions, type ResolvedScope } from './figures.ts';

/** The query every figure route takes; `scope` is checked against the province's OPDs and regencies. */
const scopedQuery = publicQuery;

export interface PublicEndpoint {
  /** Path under /api/public/v1. */
  path: string;
  summary: { id: string; en: string };
  query: z.ZodType<Record<string, unknown>>;
  response: z.ZodType;
  /** Example query string for the docs page and the leak test's sweep. */
  examples: string[];
  compute(q: Record<string, unknown>, scope: ResolvedScope | null): Promise<unknown>;
}

/**
 * Every public JSON endpoint, as data: the router, the OpenAPI document, the human docs page and the
 * leak test all read this one table, so a new endpoint cannot miss any of them.
 */
export function publicEndpoints(pool: Pool, pack: ProvincePack, options: PublicOptions): PublicEndpoint[] {
  const firstOpd = pack.opds[0]!.id;
  const capital = pack.capitalRegencyCode;
  const scoped = ['', `scope=${firstOpd}`, `scope=${capital}&period=today`];
  const summary = (scope: ResolvedScope | null, period: PublicPeriod) =>
    summaryFigures(pool, pack, scope!, period, options);
  /** One stream of the summary as its own endpoint: `{scope, period, generatedAt, <stream>}`. */
  const section = (
    stream: 'complaints' | 'ppid' | 'social',
    text: PublicEndpoint['summary'],
    schema: z.ZodType,
    examples: string[],
  ): PublicEndpoint => ({
    path: `/${stream}`,
    summary: text,
    query: scopedQuery,
    response: publicStreamAnswer(stream, schema),
    examples,
    compute: async (q, scope) => {
      const s = await summary(scope, q.period as PublicPeriod);
      return { scope: s.scope.id, period: s.period, generatedAt: s.generatedAt, [stream]: s[stream] };
    },
  });
  return [
    {
      path: '/summary',
      summary: {
        id: 'Semua angka satu cakupan: pengaduan, PPID dan media sosial',
        en: 'All figures of one scope: complaints, PPID and social media',
      },
      query: scopedQuery,
      response: publicSummary,
      examples: scoped,
      compute: (q, scope) => summary(scope, q.period as PublicPeriod),
    },
    section(
      'complaints',
      { id: 'Pengaduan: diterima, selesai, tepat waktu, kanal, topik, tren', en: 'Complaints' },
      publicComplaints,
      scoped,
    ),
    section(
      'ppid',
      { id: 'Permohonan informasi publik (PPID) dan predikat Komisi Informasi', en: 'PPID requests' },
      publicPpid.nullable(),
      ['', `scope=${firstOpd}`],
    ),
    section(
      'social',
      { id: 'Media sosial: pengikut, keterlibatan, tingkat balasan', en: 'Social media' },
      publicSocial.nullable(),
      ['', `scope=${firstOpd}`],
    ),
    {
      path: '/rankings',
      summary: { id: 'Peringkat OPD dan kabupaten/kota menurut ketepatan waktu', en: 'Rankings by on-time share' },
      query: publicNoQuery,
      response: publicRankings,
      examples: [''],
      compute: () => rankingFigures(pool, pack, options),
    },
    {
      path: '/scopes',
      summary: { id: 'Daftar OPD dan kabupaten/kota (untuk pilihan widget)', en: 'OPDs and regencies' },
      query: publicNoQuery,
      response: publicScopes,
      examples: [''],
      compute: () =>
        Promise.resolve({
          province: { code: pack.code, name: pack.name, timeZone: pack.timeZone, timeZoneLabel: pack.timeZoneLabel },
          opds: pack.opds.map((o) => ({ id: o.id, name: o.name, shortName: o.shortName })),
          regencies: pack.regencies.map((r) => ({ code: r.code, name: r.name })),
        }),
    },
  ];
}

export type ParsedPublicQuery =
  | { ok: true; query: Record<string, unknown>; scope: ResolvedScope | null; key: string }
  | { ok: false; error: { field: string; message: string } };

/** Validates a request's query for an endpoint; unknown parameters and scopes are refused by name. */
export function parsePublicQuery(
  endpoint: PublicEndpoint,
  pack: ProvincePack,
  raw: Record<string, string>,
): ParsedPublicQuery {
  const parsed = endpoint.query.safeParse(raw);
  if (!parsed.success) return { ok: false, error: firstIssueNamingUnknown(parsed.error, 'unknown parameter') };
  const q = parsed.data;
  let scope: ResolvedScope | null = null;
  if (typeof q.scope === 'string') {
    scope = resolveScope(pack, q.scope);
    if (!scope) return { ok: false, error: { field: 'scope', message: `no OPD or kabupaten/kota ${q.scope} here` } };
  }
  const key = `${endpoint.path}?${Object.keys(q)
    .sort()
    .map((k) => `${k}=${String(q[k])}`)
    .join('&')}`;
  return { ok: true, query: q, scope, key };
}
