import type { PublicCount, PublicRankings, PublicSummary, WidgetKind, WidgetOptions } from '@pantau/contracts';
import { barsOption, gaugeOption, renderSvg, sparklineOption, THEMES, trendOption, type ChartTheme } from './charts.ts';
import { html, raw, toPage, type Html } from '../http/html.ts';
import { WIDGET_TEXT, type WidgetText } from './messages.ts';
import type { TrendBucket, TrendNote, TrendSeries } from './trend-series.ts';

/** The figures a restricted `late` widget shows (an OPD's own open backlog). */
export interface LateFigures {
  scopeName: string;
  overdue: number;
  atRisk: number;
  ppidOverdue: number;
}

export type WidgetData =
  | { kind: 'ranking'; rankings: PublicRankings }
  | { kind: 'late'; late: LateFigures }
  | {
      kind: Exclude<WidgetKind, 'ranking' | 'late'>;
      summary: PublicSummary;
      trend: TrendSeries;
      /** The public annotations over the trend's window (the trend kind shows them). */
      notes?: TrendNote[];
    };

export interface PageContext {
  provinceName: string;
  timeZone: string;
  timeZoneLabel: string;
  generatedAt: Date;
  /** The public minimum (PANTAU_PUBLIC_MIN_COUNT): counts below it read "<min". */
  minCount: number;
  /** The token's expiry (seconds since the epoch) when the page renews one. */
  tokenExp?: number;
}

const DEFAULT_ACCENT = { light: '#0b6e4f', dark: '#4fd1a5' } as const;

/**
 * Renders one widget as a complete, small HTML page: text first (every number is in the markup, so it
 * reads with scripts off and in a screen reader), charts as inline SVG drawn on the server, and one
 * tiny script that reports the page height to the host and, when asked, refreshes the figures.
 */
export function renderWidgetPage(data: WidgetData, o: WidgetOptions, ctx: PageContext): string {
  const t = WIDGET_TEXT[o.lang];
  const locale = o.lang === 'id' ? 'id-ID' : 'en-GB';
  const nf = new Intl.NumberFormat(locale);
  // Set once a "<min" or a withheld count is shown, so the page says in words what it means.
  let suppressedShown = false;
  let withheldShown = false;
  const count = (v: PublicCount | number | null | undefined) => {
    if (v === null || v === undefined) return '–';
    if (typeof v === 'number') return nf.format(v);
    if (v === 'withheld') {
      withheldShown = true;
      return `≥${nf.format(ctx.minCount)}`;
    }
    suppressedShown = true;
    return v;
  };
  // A total in running text: "kurang dari 5" or "sedikitnya 5", never "<5" inside a sentence.
  const total = (v: PublicCount) =>
    typeof v === 'number'
      ? nf.format(v)
      : (v === 'withheld' ? t.atLeast : t.fewer).replace('{min}', nf.format(ctx.minCount));
  const dates = (b: { from: string; to: string }, month: 'long' | 'short' = 'long', year = true) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month,
      year: year ? 'numeric' : undefined,
      timeZone: 'UTC',
    }).formatRange(new Date(`${b.from}T00:00:00Z`), new Date(`${b.to}T00:00:00Z`));
  const pct = (share: number | null) =>
    share === null
      ? '–'
      : `${new Intl.NumberFormat(o.lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(share * 100)} %`;
  const dec = (n: number | null) =>
    n === null
      ? '–'
      : new Intl.NumberFormat(o.lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
  const compact = o.size === 'compact';
  let charts = 0;
  const themes = o.theme === 'auto' ? (['light', 'dark'] as const) : ([o.theme] as const);
  /**
   * One SVG per theme (auto ships both) and, when `narrow` is given, per layout: the narrow drawing
   * replaces the wide one below 560 px, where the wide one's labels would shrink under 10 px. An SVG
   * scales with its box but never past 1.5× its drawn size (a gauge 1,000 px wide helps no one).
   */
  const chart = (
    build: (th: ChartTheme, narrow: boolean) => Parameters<typeof renderSvg>[0],
    size: { w: number; h: number; narrow?: { w: number; h: number } },
  ): Html[] =>
    themes.flatMap((name) => {
      const th: ChartTheme = { ...THEMES[name], accent: o.accent ?? DEFAULT_ACCENT[name] };
      const layouts = size.narrow ? ([size, size.narrow] as const) : ([size] as const);
      return layouts.map((s, i) => {
        const narrow = i === 1;
        const cls = ['chart', o.theme === 'auto' ? `only-${name}` : '', size.narrow ? (narrow ? 'narrow' : 'wide') : '']
          .filter(Boolean)
          .join(' ');
        // The SVG is drawn by ECharts' renderer from numbers and escaped labels: the one raw part.
        const svg = raw(renderSvg(build(th, narrow), s.w, s.h, false, `c${charts++}`));
        return html`<div class="${cls}" style="max-width:${Math.round(s.w * 1.5)}px">${svg}</div>`;
      });
    });
  const figure = (svg: Html[], caption: string) => html`<figure>${svg}<figcaption>${caption}</figcaption></figure>`;
  const stat = (label: string, value: string, cls = '') =>
    html`<div class="${cls ? `stat ${cls}` : 'stat'}"><dt>${label}</dt><dd>${value}</dd></div>`;
  const periodWord = o.period === 'today' ? t.today : t.month;
  // The numbers behind a chart, for screen readers (the SVG is hidden from them) and anyone who asks.
  const dataTable = (rows: string[][]) =>
    html`<details class="chart-data"><summary>${t.tableSummary}</summary><table class="chart-data"><thead><tr><th scope="col">${t.periodCol}</th><th scope="col" class="num">${t.received}</th><th scope="col" class="num">${t.resolved}</th></tr></thead><tbody>${rows.map(
      ([p, a, b]) => html`<tr><th scope="row">${p}</th><td class="num">${a}</td><td class="num">${b}</td></tr>`,
    )}</tbody></table></details>`;

  let title: string;
  let body: Html;
  switch (data.kind) {
    case 'kpi': {
      const c = data.summary.complaints;
      const tr = data.trend;
      title = `${t.complaints} ${periodWord} — ${data.summary.scope.name}`;
      body = html`<p class="big" data-testid="kpi-value">${count(c.received)}</p><p class="big-label">${t.received}</p><dl class="stats">${stat(t.resolved, count(c.resolved))}${stat(t.onTime, pct(c.onTimeShare))}${stat(t.overdue, count(c.overdue))}</dl>${
        compact || tr.granularity === 'total'
          ? ''
          : figure(
              chart(
                (th) =>
                  sparklineOption(
                    th,
                    tr.buckets.map((b) => b.received),
                  ),
                { w: 320, h: 56 },
              ),
              t.kpiCaption[tr.granularity].replace('{period}', dates(tr.period)),
            )
      }`;
      break;
    }
    case 'trend': {
      const tr = data.trend;
      const notes = data.notes ?? [];
      title = `${t.trend[tr.granularity]} — ${data.summary.scope.name}`;
      const label = (b: TrendBucket) =>
        tr.granularity === 'week' ? dates(b, 'short', false) : dates({ from: b.from, to: b.from }, 'short', false);
      const caption = [
        t.trendCaption
          .replace('{period}', dates(tr.period))
          .replace('{received}', total(tr.received))
          .replace('{resolved}', total(tr.resolved)),
        tr.granularity !== 'total' && tr.peak
          ? t.peak[tr.granularity]
              .replace('{peak}', nf.format(tr.peak.received))
              .replace(
                '{when}',
                tr.granularity === 'week'
                  ? dates(tr.peak, 'long', false)
                  : dates({ from: tr.peak.from, to: tr.peak.from }, 'long', false),
              )
          : '',
        tr.granularity === 'day' ? '' : t.coarser[tr.granularity],
      ]
        .filter(Boolean)
        .join(' ');
      body =
        tr.granularity === 'total'
          ? html`<p class="summary">${caption}</p>`
          : html`${figure(
              chart(
                (th, narrow) =>
                  trendOption(
                    th,
                    tr.buckets.map(label),
                    tr.buckets.map((b) => b.received),
                    tr.buckets.map((b) => b.resolved),
                    { received: t.received, resolved: t.resolved },
                    narrow,
                    notes.flatMap((n) => (n.buckets ? [{ n: n.n, buckets: n.buckets }] : [])),
                  ),
                { w: 560, h: compact ? 160 : 220, narrow: { w: 300, h: compact ? 170 : 210 } },
              ),
              caption,
            )}${dataTable(tr.buckets.map((b) => [label(b), nf.format(b.received), nf.format(b.resolved)]))}`;
      // What explains a rise or a gap, as the duty desk marked it for the public (or a source's outage).
      if (notes.length > 0)
        body = html`${body}<section class="notes" aria-labelledby="notes-h"><h2 id="notes-h">${t.notes}</h2><ol class="notes">${notes.map(
          (n) => html`<li value="${String(n.n)}"><time datetime="${n.from}">${dates(n, 'short')}</time> ${n.text}</li>`,
        )}</ol></section>`;
      break;
    }
    case 'ontime': {
      const c = data.summary.complaints;
      title = `${t.onTimeShare} — ${data.summary.scope.name}`;
      const caption =
        c.onTimeShare === null
          ? `${t.onTimeShare}: ${t.noRating}.`
          : t.gaugeCaption
              .replace('{share}', pct(c.onTimeShare))
              .replace('{period}', periodWord)
              .replace('{avg}', dec(c.avgFollowUpHK));
      body = html`${figure(
        chart((th) => gaugeOption(th, c.onTimeShare, t.onTime), { w: 300, h: compact ? 150 : 190 }),
        caption,
      )}<dl class="stats">${stat(t.followedUp, count(c.followedUp))}${stat(t.avgFollowUp, `${dec(c.avgFollowUpHK)} ${t.hk}`)}</dl>`;
      break;
    }
    case 'ranking': {
      title = t.ranking;
      const rows = data.rankings.opds.slice(0, compact ? 5 : 10);
      body = html`<table class="rank"><thead><tr><th scope="col">${t.rank}</th><th scope="col">${t.opd}</th><th scope="col" class="num">${t.received}</th><th scope="col" class="num">${t.onTime}</th><th scope="col" class="num">${t.overdue}</th></tr></thead><tbody>${rows.map(
        (r, i) =>
          html`<tr><td>${i + 1}</td><th scope="row">${r.name}</th><td class="num" data-label="${t.received}">${count(r.received)}</td><td class="num" data-label="${t.onTime}">${pct(r.onTimeShare)}</td><td class="num" data-label="${t.overdue}">${count(r.overdue)}</td></tr>`,
      )}</tbody></table>`;
      break;
    }
    case 'ppid': {
      const p = data.summary.ppid;
      title = `${t.ppid} — ${data.summary.scope.name}`;
      if (!p) {
        body = html`<p>${t.noData}</p>`;
        break;
      }
      const decisions = Object.entries(p.decisions).filter(([, v]) => v !== 0);
      const numeric = decisions.filter((d): d is [string, number] => typeof d[1] === 'number');
      body = html`<dl class="stats">${stat(t.requests, count(p.requests))}${stat(t.decided, count(p.decided))}${stat(t.onTime, pct(p.onTimeShare))}${stat(t.objections, count(p.objections))}${stat(t.disputes, count(p.disputes))}${p.ki ? stat(`${t.kiBand} ${p.ki.year}`, p.ki.band.replace(/_/g, ' ')) : ''}</dl>${
        compact || numeric.length === 0
          ? ''
          : figure(
              chart(
                (th, narrow) =>
                  barsOption(
                    th,
                    numeric.map(([k]) => t.decision[k] ?? k),
                    numeric.map(([, v]) => v),
                    narrow,
                  ),
                {
                  w: 420,
                  h: 30 + numeric.length * 26,
                  narrow: { w: 300, h: 30 + numeric.length * 34 },
                },
              ),
              t.ppidCaption.replace(
                '{list}',
                decisions.map(([k, v]) => `${t.decision[k] ?? k} ${count(v)}`).join(', '),
              ),
            )
      }`;
      break;
    }
    case 'social': {
      const s = data.summary.social;
      title = `${t.social} — ${data.summary.scope.name}`;
      body = s
        ? html`<dl class="stats">${stat(t.followers, count(s.followers))}${stat(
            t.growth,
            s.followerGrowth === null ? '–' : `${s.followerGrowth >= 0 ? '+' : ''}${nf.format(s.followerGrowth)}`,
          )}${stat(t.engagement, s.engagementRatePct === null ? '–' : `${dec(s.engagementRatePct)} %`)}${stat(
            t.replyRate,
            s.replyRatePct === null ? '–' : `${dec(s.replyRatePct)} %`,
          )}${stat(
            t.replyTime,
            s.medianReplyMinutes === null
              ? '–'
              : `${nf.format(s.medianReplyMinutes)} ${t.minutes} (${t.target} ${nf.format(s.replyTargetMinutes)})`,
          )}</dl>`
        : html`<p>${t.noData}</p>`;
      break;
    }
    case 'late': {
      title = `${t.late} — ${data.late.scopeName}`;
      body = html`<dl class="stats">${stat(t.overdue, nf.format(data.late.overdue), 'alert')}${stat(t.atRisk, nf.format(data.late.atRisk))}${stat(t.ppidOverdue, nf.format(data.late.ppidOverdue))}</dl><p class="note">${t.lateCaption}</p>`;
      break;
    }
  }
  const time = new Intl.DateTimeFormat(o.lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: ctx.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ctx.generatedAt);
  const note = html`${
    suppressedShown
      ? html`<p class="note" data-testid="suppressed-note">${t.suppressed
          .replace('{min}', nf.format(ctx.minCount))
          .replace('{max}', nf.format(ctx.minCount - 1))}</p>`
      : ''
  }${
    withheldShown
      ? html`<p class="note" data-testid="withheld-note">${t.withheld.replaceAll('{min}', nf.format(ctx.minCount))}</p>`
      : ''
  }`;
  // Credit and age on every widget: where the figures come from (the public page about them, in a new
  // tab: the widget sits in someone else's page) and when they were read.
  const footer = html`<a href="/embed?lang=${o.lang}" target="_blank" rel="noopener">${t.source}</a> · ${ctx.provinceName} · ${t.updated} <time datetime="${ctx.generatedAt.toISOString()}">${time} ${ctx.timeZoneLabel}</time>`;
  const accentLight = o.accent ?? DEFAULT_ACCENT.light;
  const accentDark = o.accent ?? DEFAULT_ACCENT.dark;
  // The style sheet is raw: entities are not decoded inside <style>, and every value in it is validated
  // (accent: hex; font: names, quotes, commas and spaces).
  return toPage(html`<!doctype html>
<html lang="${o.lang}" data-theme="${o.theme}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>${raw(styles(accentLight, accentDark, compact, o.font))}</style></head>
<body data-kind="${data.kind}" data-live="${String(o.live)}"${ctx.tokenExp ? raw(` data-token-exp="${ctx.tokenExp}"`) : ''}>
<main class="w" tabindex="0" aria-labelledby="w-title"><h1 id="w-title">${title}</h1>${body}${note}
<footer>${footer}</footer></main>
<script src="/embed/widget.js" defer></script>
</body></html>`);
}

function styles(accentLight: string, accentDark: string, compact: boolean, font?: string): string {
  // The host's fonts first (the option admits names, quotes, commas and spaces only), then the system's.
  const family = `${font ? `${font},` : ''}system-ui,-apple-system,'Segoe UI',sans-serif`;
  const light = `--bg:#ffffff;--fg:#14212b;--muted:#4d5b66;--line:#d5dde3;--accent:${accentLight};--alert:#b42318`;
  const dark = `--bg:#0f1b24;--fg:#f1f5f8;--muted:#b4c3cf;--line:#2b3d4a;--accent:${accentDark};--alert:#ff8a80`;
  return `:root{${light}}[data-theme=dark]{${dark}}
@media (prefers-color-scheme:dark){[data-theme=auto]{${dark}}[data-theme=auto] .only-light{display:none}}
@media not (prefers-color-scheme:dark){[data-theme=auto] .only-dark{display:none}}
html,body{margin:0;background:var(--bg);color:var(--fg);font:${compact ? 13 : 15}px/1.4 ${family}}
.w{padding:${compact ? '8px 10px' : '14px 16px'};outline-offset:-3px}.w:focus-visible{outline:3px solid var(--accent)}
h1{font-size:${compact ? 14 : 16}px;margin:0 0 8px;font-weight:600}
.big{font-size:${compact ? 30 : 42}px;font-weight:700;margin:0;color:var(--accent);line-height:1.1}.big-label{margin:0 0 6px;color:var(--muted)}
.stats{display:flex;flex-wrap:wrap;gap:6px 18px;margin:6px 0}.stat dt{color:var(--muted);font-size:.85em}.stat dd{margin:0;font-weight:600;font-size:1.15em}
.stat.alert dd{color:var(--alert)}.stat.alert dd::before{content:'▲ '}
.narrow{display:none}@media (max-width:559px){.wide{display:none}.narrow{display:block}}
figure{margin:6px 0 0}figcaption{color:var(--muted);font-size:.85em;margin-top:2px}svg{display:block;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.95em}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid var(--line)}
thead th{color:var(--muted);font-weight:600}tbody th{font-weight:500}.num{text-align:right;font-variant-numeric:tabular-nums}
.note{color:var(--muted);font-size:.85em;margin:4px 0 0}
details.chart-data{font-size:.85em;color:var(--muted);margin-top:4px}details.chart-data summary{cursor:pointer}
section.notes{font-size:.85em;margin-top:6px}section.notes h2{font-size:1em;font-weight:600;margin:0}
ol.notes{margin:2px 0 0;padding-left:1.6em}ol.notes time{color:var(--muted);font-variant-numeric:tabular-nums}
footer{color:var(--muted);font-size:.75em;margin-top:8px}footer a{color:inherit}
@media (max-width:420px){.rank thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.rank tr{display:grid;grid-template-columns:1.6em repeat(3,minmax(0,1fr));gap:0 6px;padding:4px 0;border-bottom:1px solid var(--line)}
.rank td,.rank th{border:0;padding:0}.rank tbody th{grid-column:2/span 3;font-weight:600}
.rank tr>:nth-child(3){grid-row:2;grid-column:2}.rank tr>:nth-child(4){grid-row:2;grid-column:3}.rank tr>:nth-child(5){grid-row:2;grid-column:4}
.rank td.num{text-align:left}.rank td.num::before{content:attr(data-label);display:block;font-size:.8em;color:var(--muted)}}`;
}

/** A small error page (bad option, missing or invalid token) in the widget's own style. */
export function renderProblemPage(lang: 'id' | 'en', heading: string, detail: string): string {
  return toPage(html`<!doctype html><html lang="${lang}" data-theme="auto"><head><meta charset="utf-8"><title>${heading}</title>
<style>${raw(styles(DEFAULT_ACCENT.light, DEFAULT_ACCENT.dark, false))}</style></head>
<body><main class="w" role="alert"><h1>${heading}</h1><p>${detail}</p></main><script src="/embed/widget.js" defer></script></body></html>`);
}

export type { WidgetText };
