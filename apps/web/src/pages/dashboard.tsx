import { useContext, useEffect, useState } from 'react';
import type { PageProps } from '../page-props.ts';
import {
  crumbs,
  DASHBOARD_SCENES,
  drill,
  liveTopicOf,
  PERIODS,
  type DashboardScene,
} from '../dashboard/dashboard-state.ts';
import { ItemsList } from '../dashboard/items-list.tsx';
import { reportHref } from '../dashboard/report-link.ts';
import { SendToWall } from '../dashboard/send-to-wall.tsx';
import { useDashboardState } from '../dashboard/use-dashboard-state.ts';
import { localDateOf } from '@pantau/domain';
import { LocaleContext, useT } from '../i18n/index.ts';
import { useHeartbeat, useLiveTopic } from '../live/use-live.ts';
import { useProvince } from '../province.ts';
import { SCENES } from '../scenes/scenes.tsx';
import '../scenes/scenes.css';
import '../dashboard/dashboard.css';

/**
 * The interactive dashboard: the wall's scenes for a laptop or tablet, where every OPD, kabupaten/kota,
 * topic and channel is a drilldown. The filter and period live in the URL (Back works, links share the
 * view); breadcrumbs show the path; the end of every drilldown is the list of items behind the number.
 */
export function DashboardPage(props: PageProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const [state, navigate] = useDashboardState();
  const { province } = useProvince();
  const topic = liveTopicOf(state);
  const live = useLiveTopic(topic);
  const worklist = useLiveTopic('worklist');
  const heartbeat = useHeartbeat();
  const [now, setNow] = useState(() => new Date());
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const [ownOpd, setOwnOpd] = useState<string | null>(null);
  useEffect(() => {
    if (ownOpd && state.filter.opd !== ownOpd) navigate({ ...state, filter: { ...state.filter, opd: ownOpd } });
  }, [ownOpd]);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 5000);
    void fetch('/api/auth/session').then(async (r) => {
      setSignedIn(r.ok);
      if (!r.ok) return;
      // An OPD admin reads its own OPD only (the server refuses the province topic): start there.
      const body = (await r.json().catch(() => null)) as { user?: { role?: string; opdId?: string | null } } | null;
      const own = body?.user?.role === 'opd_admin' ? body.user.opdId : null;
      if (own && !new URLSearchParams(window.location.search).get('opd')) setOwnOpd(own);
    });
    return () => clearInterval(timer);
  }, []);
  if (signedIn === false) {
    window.location.assign(
      `/console/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
    return null;
  }
  const scene: DashboardScene = state.filter.opd && state.scene === 'ringkasan' ? 'ringkasan' : state.scene;
  const Scene = SCENES[state.filter.opd && scene === 'ringkasan' ? 'opd' : scene];
  const names = {
    opd: (id: string | null) => province?.opds.find((o) => o.id === id)?.shortName ?? id ?? '–',
    regency: (code: string | null) => province?.regencies.find((r) => r.code === code)?.name ?? code ?? '–',
  };
  const crumbLabel = (kind: string, id: string | null) =>
    kind === 'root'
      ? (province?.name ?? t('dashboard.province'))
      : `${t(`dashboard.kind.${kind as 'opd'}`)}: ${kind === 'opd' ? names.opd(id) : kind === 'regency' ? names.regency(id) : id}`;
  const late = (worklist.state?.items ?? []).filter(
    (l) =>
      (!state.filter.opd || l.opdId === state.filter.opd) &&
      (!state.filter.regency || l.regencyCode === state.filter.regency),
  );

  return (
    <div className="dash" data-testid="dashboard" data-topic={topic} data-connection={live.connection}>
      <header className="dash-header">
        <strong>{t('app.name')}</strong>
        <span className="dash-title">{t('dashboard.title')}</span>
        <nav className="dash-crumbs" aria-label={t('dashboard.crumbs')} data-testid="crumbs">
          {crumbs(state).map((c, i, all) => (
            <span key={`${c.kind}-${c.id}`}>
              {i > 0 && ' › '}
              {i === all.length - 1 ? (
                <strong>{crumbLabel(c.kind, c.id)}</strong>
              ) : (
                <a
                  href={`?${new URLSearchParams()}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(c.state);
                  }}
                >
                  {crumbLabel(c.kind, c.id)}
                </a>
              )}
            </span>
          ))}
        </nav>
        <label>
          {t('dashboard.period')}{' '}
          <select value={state.period} onChange={(e) => navigate({ ...state, period: e.target.value as 'month' })}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`dashboard.period.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={props.onToggleLocale}>
          {t('locale.switch')}
        </button>
      </header>
      <nav className="dash-tabs">
        {DASHBOARD_SCENES.map((s) => (
          <button
            key={s}
            type="button"
            aria-current={s === state.scene && !state.items ? 'page' : undefined}
            onClick={() => navigate({ ...state, scene: s, items: false })}
          >
            {t(`dashboard.scene.${s}`)}
          </button>
        ))}
        <button
          type="button"
          aria-current={state.items ? 'page' : undefined}
          onClick={() => navigate({ ...state, items: !state.items })}
          data-testid="toggle-items"
        >
          {state.items ? t('dashboard.showPanels') : t('dashboard.showItems')}
        </button>
        <SendToWall state={state} />
        {province && (
          <a
            className="dash-report"
            href={reportHref(state, localDateOf(now, province.timeZone))}
            download
            data-testid="dashboard-report"
          >
            {t('reports.dashboardDownload')}
          </a>
        )}
      </nav>
      <main className="dash-main">
        {province && state.items ? (
          <ItemsList
            state={state}
            today={localDateOf(now, province.timeZone)}
            timeZone={province.timeZone}
            timeZoneLabel={province.timeZoneLabel}
            names={names}
          />
        ) : (
          province && (
            <div className="dash-scene" data-scene={scene} key={`${topic}-${scene}`} lang={locale}>
              <Scene
                province={province}
                state={live.state}
                late={late}
                heartbeat={heartbeat}
                now={now}
                fontSize={14}
                opdId={state.filter.opd}
                onDrill={(target) => navigate(drill(state, target))}
              />
            </div>
          )
        )}
      </main>
    </div>
  );
}
