import type { ProvincePack } from '@pantau/provinces';
import { html, toPage } from '../http/html.ts';
import type { PublicEndpoint } from './public-api.ts';

const TEXT = {
  id: {
    title: 'API statistik publik',
    intro:
      'Angka agregat pengaduan, permohonan informasi publik (PPID) dan media sosial pemerintah provinsi dan setiap OPD. ' +
      'Tidak ada data pribadi: jumlah di bawah ambang ditampilkan sebagai "<5", dan jumlah yang lebih besar ditahan ("withheld") bila dapat membuka angka kecil lewat pengurangan. Terbuka untuk dibaca dari situs mana pun (CORS), ' +
      'dengan ETag dan Cache-Control sehingga CDN dapat menyimpannya.',
    params:
      'Parameter: scope = province, kode OPD atau kode kabupaten/kota; period = month (bulan ini) atau today (hari ini).',
    examples: 'Contoh',
    openapi: 'Dokumen OpenAPI',
    openapiFull: 'OpenAPI seluruh API (konsol, ingest, layar)',
    widgets: 'Widget siap pasang',
    other: 'English',
  },
  en: {
    title: 'Public statistics API',
    intro:
      'Aggregate figures of complaints, public-information requests (PPID) and the social media of the province and each OPD. ' +
      'No personal data: counts below the threshold read "<5", and larger counts that would give one away by subtraction read "withheld". Readable from any site (CORS), with ETag and Cache-Control so a CDN can hold it.',
    params: 'Parameters: scope = province, an OPD id or a regency code; period = month (this month) or today.',
    examples: 'Examples',
    openapi: 'OpenAPI document',
    openapiFull: 'OpenAPI of the whole API (console, ingest, wall)',
    widgets: 'Ready-made widgets',
    other: 'Bahasa Indonesia',
  },
} as const;

/** The human page: every endpoint with what it answers and live example links, from the endpoint table. */
export function docsPage(pack: ProvincePack, endpoints: PublicEndpoint[], lang: 'id' | 'en'): string {
  const t = TEXT[lang];
  const items = endpoints.map((e) => {
    const links = e.examples.map((q) => {
      const href = `/api/public/v1${e.path}${q ? `?${q}` : ''}`;
      return html`<li><a href="${href}"><code>GET ${href}</code></a></li>`;
    });
    return html`<section><h2><code>/api/public/v1${e.path}</code></h2><p>${e.summary[lang]}</p><p>${t.examples}:</p><ul>${links}</ul></section>\n`;
  });
  return toPage(html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title} — ${pack.name}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#14212b;background:#fff}
code{background:#eef2f5;padding:0 .25em;border-radius:3px}a{color:#0b5cad}h2{font-size:1.1rem;margin-top:2rem}</style></head>
<body><header><p><a href="?lang=${lang === 'id' ? 'en' : 'id'}">${t.other}</a></p>
<h1>${t.title} — ${pack.name}</h1></header>
<p>${t.intro}</p><p>${t.params}</p>
<p><a href="/api/public/v1/openapi.json">${t.openapi}</a> · <a href="/api/openapi.json">${t.openapiFull}</a> · <a href="/embed">${t.widgets}</a></p>
${items}
</body></html>`);
}
