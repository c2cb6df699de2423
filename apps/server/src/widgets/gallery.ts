import { WIDGET_KINDS } from '@pantau/contracts';
import type { ProvincePack } from '@pantau/provinces';
import { html, toPage } from '../http/html.ts';

const TEXT = {
  id: {
    title: 'Widget statistik publik',
    intro:
      'Tempel satu baris ini di situs OPD Anda. Angka diperbarui otomatis, tanpa data pribadi. Pilihan: data-scope (province, kode OPD, kode kabupaten/kota), data-period (month/today), data-lang (id/en), data-theme (light/dark/auto), data-size (normal/compact), data-accent (warna hex), data-live (1).',
    kinds: {
      kpi: 'Kartu KPI',
      trend: 'Tren harian',
      ontime: 'Ketepatan waktu',
      ranking: 'Peringkat OPD',
      ppid: 'Ringkasan PPID',
      social: 'Ringkasan media sosial',
      late: 'Aduan terlambat (perlu token)',
    },
    api: 'API statistik publik',
  },
  en: {
    title: 'Public statistics widgets',
    intro:
      'Paste this one line into your website. Figures refresh by themselves and carry no personal data. Options: data-scope (province, an OPD id, a regency code), data-period (month/today), data-lang (id/en), data-theme (light/dark/auto), data-size (normal/compact), data-accent (hex colour), data-live (1).',
    kinds: {
      kpi: 'KPI card',
      trend: 'Daily trend',
      ontime: 'On-time share',
      ranking: 'Agency ranking',
      ppid: 'PPID summary',
      social: 'Social media summary',
      late: 'Overdue complaints (token needed)',
    },
    api: 'Public statistics API',
  },
} as const;

/** `/embed`: every public widget kind live, each shown by the one line to paste. */
export function galleryPage(pack: ProvincePack, lang: 'id' | 'en', origin: string): string {
  const t = TEXT[lang];
  // Each widget is shown by the very line offered beside it, so it appears at its real height, as it will
  // on the OPD's site (a fixed-height iframe clipped the taller kinds).
  const sections = WIDGET_KINDS.filter((k) => k !== 'late').map((kind) => {
    const script = `<script src="${origin}/embed.js" data-kind="${kind}" data-lang="${lang}" async></script>`;
    return html`<section><h2>${t.kinds[kind]}</h2><div class="demo"><script src="/embed.js" data-kind="${kind}" data-lang="${lang}" data-title="${t.kinds[kind]}" async></script></div>
<pre><code>${script}</code></pre></section>\n`;
  });
  return toPage(html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title} — ${pack.name}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#14212b;background:#f6f8fa}
.demo{border:1px solid #d5dde3;background:#fff}pre{white-space:pre-wrap;background:#eef2f5;padding:.5rem;border-radius:4px}
a{color:#0b5cad}h2{font-size:1.1rem;margin-top:2rem}</style></head>
<body><p><a href="?lang=${lang === 'id' ? 'en' : 'id'}">${lang === 'id' ? 'English' : 'Bahasa Indonesia'}</a> · <a href="/api/public/v1">${t.api}</a></p>
<h1>${t.title} — ${pack.name}</h1><p>${t.intro}</p>
${sections}</body></html>`);
}
