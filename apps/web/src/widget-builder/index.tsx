import type { PublicScopes } from '@pantau/contracts';
import { REGENCY_CODE_PATTERN, RESTRICTED_KINDS, WIDGET_KINDS, type WidgetKind } from '@pantau/contracts/constants';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PageProps } from '../page-props.ts';
import { useT } from '../i18n/index.ts';
import { PageFrame } from '../pages/layout.tsx';
import { TokenAdmin } from './token-admin.tsx';
import './widget-builder.css';

export interface BuilderOptions {
  kind: WidgetKind;
  scope: string;
  period: 'month' | 'today';
  lang: 'id' | 'en';
  theme: 'auto' | 'light' | 'dark';
  size: 'normal' | 'compact';
  accent: string;
  live: boolean;
  token: string;
  /** A site key for a static site's loader line (replaces the token there). */
  siteKey: string;
}

const DEFAULTS: BuilderOptions = {
  kind: 'kpi',
  scope: 'province',
  period: 'month',
  lang: 'id',
  theme: 'auto',
  size: 'normal',
  accent: '',
  live: false,
  token: '',
  siteKey: '',
};

/** The widget's query string: only options that differ from the widget's own defaults. */
export function widgetQuery(o: BuilderOptions): string {
  const q = new URLSearchParams();
  if (o.scope !== 'province') q.set('scope', o.scope);
  if (o.period !== 'month') q.set('period', o.period);
  if (o.lang !== 'id') q.set('lang', o.lang);
  if (o.theme !== 'auto') q.set('theme', o.theme);
  if (o.size !== 'normal') q.set('size', o.size);
  if (o.accent) q.set('accent', o.accent.replace('#', ''));
  if (o.live) q.set('live', '1');
  if (o.token && RESTRICTED_KINDS.includes(o.kind)) q.set('token', o.token);
  return q.toString();
}

/** The loader line a webmaster pastes: the same options as data attributes. */
export function scriptSnippet(origin: string, o: BuilderOptions): string {
  const keyed = o.siteKey && RESTRICTED_KINDS.includes(o.kind);
  const attrs =
    [...new URLSearchParams(widgetQuery(keyed ? { ...o, token: '' } : o))]
      .map(([k, v]) => ` data-${k}="${v}"`)
      .join('') + (keyed ? ` data-key="${o.siteKey}"` : '');
  return `<script src="${origin}/embed.js" data-kind="${o.kind}"${attrs} async></script>`;
}

export function iframeSnippet(origin: string, o: BuilderOptions, height: number): string {
  const q = widgetQuery(o);
  return `<iframe src="${origin}/embed/${o.kind}${q ? `?${q}` : ''}" title="Statistik Pantau" style="border:0;width:100%;height:${height}px"></iframe>`;
}

/** The widget builder: pick kind and options, see the live preview, copy the snippet; admins manage tokens. */
export function WidgetBuilderPage(props: PageProps) {
  const t = useT();
  const [o, setO] = useState<BuilderOptions>(DEFAULTS);
  const [scopes, setScopes] = useState<PublicScopes | null>(null);
  const [height, setHeight] = useState(220);
  const [copied, setCopied] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const origin = window.location.origin;

  useEffect(() => {
    fetch('/api/public/v1/scopes')
      .then(async (r) => (r.ok ? ((await r.json()) as PublicScopes) : null))
      .then(setScopes)
      .catch(() => setScopes(null));
  }, []);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const data = e.data as { type?: string; height?: number } | null;
      if (e.origin !== origin || e.source !== frame.current?.contentWindow || data?.type !== 'pantau:height') return;
      if (typeof data.height === 'number' && data.height > 0 && data.height < 5000) setHeight(Math.ceil(data.height));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [origin]);

  const set = <K extends keyof BuilderOptions>(k: K, v: BuilderOptions[K]) => setO((prev) => ({ ...prev, [k]: v }));
  const src = useMemo(() => {
    const q = widgetQuery(o);
    return `/embed/${o.kind}${q ? `?${q}` : ''}`;
  }, [o]);
  const copy = (text: string, which: string) => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(which));
    setTimeout(() => setCopied(null), 2000);
  };
  const scriptText = scriptSnippet(origin, o);
  const iframeText = iframeSnippet(origin, o, height);
  // The ranking covers the province; PPID, social and late lists belong to OPDs.
  const scopeAllowed = (kind: WidgetKind, scope: string) =>
    kind === 'ranking'
      ? scope === 'province'
      : ['ppid', 'social', 'late'].includes(kind)
        ? !REGENCY_CODE_PATTERN.test(scope)
        : true;

  return (
    <PageFrame title={t('widgets.title')} onToggleLocale={props.onToggleLocale}>
      <div className="wb">
        <p className="wb-intro">
          {t('widgets.intro')} <a href="/embed">{t('widgets.gallery')}</a> ·{' '}
          <a href="/api/public/v1">{t('widgets.publicApi')}</a>
        </p>
        <form className="wb-form" onSubmit={(e) => e.preventDefault()} aria-label={t('widgets.title')}>
          <label>
            {t('widgets.kind')}
            <select
              value={o.kind}
              data-testid="wb-kind"
              onChange={(e) => {
                const kind = e.target.value as WidgetKind;
                setO((prev) => ({
                  ...prev,
                  kind,
                  scope: scopeAllowed(kind, prev.scope)
                    ? prev.scope
                    : kind === 'late'
                      ? (scopes?.opds[0]?.id ?? 'province')
                      : 'province',
                }));
              }}
            >
              {WIDGET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`widgets.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('widgets.scope')}
            <select value={o.scope} data-testid="wb-scope" onChange={(e) => set('scope', e.target.value)}>
              {o.kind !== 'late' && <option value="province">{t('widgets.scope.province')}</option>}
              {scopes && o.kind !== 'ranking' && (
                <optgroup label={t('widgets.scope.opds')}>
                  {scopes.opds.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.shortName} — {x.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {scopes && scopeAllowed(o.kind, '00.00') && o.kind !== 'ranking' && (
                <optgroup label={t('widgets.scope.regencies')}>
                  {scopes.regencies.map((x) => (
                    <option key={x.code} value={x.code}>
                      {x.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          <label>
            {t('widgets.period')}
            <select value={o.period} onChange={(e) => set('period', e.target.value as BuilderOptions['period'])}>
              <option value="month">{t('widgets.period.month')}</option>
              <option value="today">{t('widgets.period.today')}</option>
            </select>
          </label>
          <label>
            {t('widgets.lang')}
            <select value={o.lang} onChange={(e) => set('lang', e.target.value as BuilderOptions['lang'])}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {t('widgets.theme')}
            <select
              value={o.theme}
              data-testid="wb-theme"
              onChange={(e) => set('theme', e.target.value as BuilderOptions['theme'])}
            >
              <option value="auto">{t('widgets.theme.auto')}</option>
              <option value="light">{t('widgets.theme.light')}</option>
              <option value="dark">{t('widgets.theme.dark')}</option>
            </select>
          </label>
          <label>
            {t('widgets.size')}
            <select value={o.size} onChange={(e) => set('size', e.target.value as BuilderOptions['size'])}>
              <option value="normal">{t('widgets.size.normal')}</option>
              <option value="compact">{t('widgets.size.compact')}</option>
            </select>
          </label>
          <label>
            {t('widgets.accent')}
            <input type="color" value={o.accent || '#0b6e4f'} onChange={(e) => set('accent', e.target.value)} />
          </label>
          <label className="wb-check">
            <input type="checkbox" checked={o.live} onChange={(e) => set('live', e.target.checked)} />
            {t('widgets.live')}
          </label>
          {RESTRICTED_KINDS.includes(o.kind) && (
            <label className="wb-wide">
              {t('widgets.token')}
              <input value={o.token} onChange={(e) => set('token', e.target.value.trim())} spellCheck={false} />
            </label>
          )}
        </form>
        <section className="wb-preview" aria-label={t('widgets.preview')}>
          <h2>{t('widgets.preview')}</h2>
          <iframe
            ref={frame}
            src={src}
            title={t('widgets.preview')}
            data-testid="wb-preview"
            style={{ height: `${height}px` }}
          />
        </section>
        <section className="wb-snippets">
          <h2>{t('widgets.snippetScript')}</h2>
          <pre data-testid="wb-snippet-script">{scriptText}</pre>
          <button type="button" onClick={() => copy(scriptText, 'script')}>
            {copied === 'script' ? t('widgets.copied') : t('widgets.copy')}
          </button>
          <h2>{t('widgets.snippetIframe')}</h2>
          <pre>{iframeText}</pre>
          <button type="button" onClick={() => copy(iframeText, 'iframe')}>
            {copied === 'iframe' ? t('widgets.copied') : t('widgets.copy')}
          </button>
        </section>
        <TokenAdmin
          opds={scopes?.opds ?? []}
          onIssued={(token, siteKey) => setO((prev) => ({ ...prev, kind: 'late', token, siteKey: siteKey ?? '' }))}
        />
      </div>
    </PageFrame>
  );
}
