import { lazy, Suspense } from 'react';
import type { SessionResponse } from '@pantau/contracts';
import {
  canAnnotate,
  canEditCalendar,
  canEditComplaintSettings,
  canEditPlaylist,
  canManageNotifications,
  canManageDevices,
  canManageUsers,
  canReadAudit,
  canReadCalendar,
  canReadDeadlineSetup,
  canReadSources,
} from '@pantau/domain/permissions';
import type { PageProps } from '../page-props.ts';
import { apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { useProvince } from '../province.ts';
import { CalendarDueBanner } from './calendar-due.tsx';
import { RecomputeBanner } from './recompute-status.tsx';
import { LateAlerts } from './late-alerts.tsx';
import { LoginPage } from './login.tsx';
import { useNames } from './province-names.ts';
import { goToLogin, useConsoleSession } from './session.ts';
import { Worklist } from './worklist.tsx';
import './console.css';

// The worklist is what a duty officer opens; each admin page is its own chunk, loaded when visited.
const AnnotationsPage = lazy(() => import('./annotations.tsx').then((m) => ({ default: m.AnnotationsPage })));
const AuditPage = lazy(() => import('./audit.tsx').then((m) => ({ default: m.AuditPage })));
const CalendarPage = lazy(() => import('./calendar.tsx').then((m) => ({ default: m.CalendarPage })));
const PlaylistPage = lazy(() => import('./playlist.tsx').then((m) => ({ default: m.PlaylistPage })));
const RulesPage = lazy(() => import('./rules.tsx').then((m) => ({ default: m.RulesPage })));
const SourcesPage = lazy(() => import('./sources.tsx').then((m) => ({ default: m.SourcesPage })));
const DevicesPage = lazy(() => import('./devices.tsx').then((m) => ({ default: m.DevicesPage })));
const NotificationsPage = lazy(() => import('./notifications.tsx').then((m) => ({ default: m.NotificationsPage })));
const ReportsPage = lazy(() => import('./reports.tsx').then((m) => ({ default: m.ReportsPage })));
const UsersPage = lazy(() => import('./users.tsx').then((m) => ({ default: m.UsersPage })));

/** The duty-officer console: sign-in, the worklist, and the admin pages, behind one session. */
export function ConsolePage(props: PageProps) {
  const t = useT();
  const path = window.location.pathname;
  const [session] = useConsoleSession();
  const names = useNames();
  const { province } = useProvince();
  if (path === '/console/login') return <LoginPage />;
  if (session.state === 'loading') return <p className="cs-note">{t('console.loading')}</p>;
  if (session.state === 'signed-out') {
    goToLogin(session.expired);
    return null;
  }
  const s: SessionResponse = session;
  if (s.user.mustChangePassword) {
    goToLogin(false);
    return null;
  }
  // Each page is offered by the predicate the server answers its API with (@pantau/domain/permissions).
  const who = s.user;
  const allowed: Record<string, boolean> = {
    '/console/audit': canReadAudit(who),
    '/console/annotations': canAnnotate(who),
    '/console/devices': canManageDevices(who),
    '/console/playlist': canEditPlaylist(who),
    '/console/users': canManageUsers(who),
    '/console/calendar': canReadCalendar(who),
    '/console/rules': canReadDeadlineSetup(who),
    '/console/sources': canReadSources(who),
  };
  const nav: Array<[string, string, boolean]> = [
    ['/console', t('console.nav.worklist'), true],
    ['/console/audit', t('console.nav.audit'), allowed['/console/audit']!],
    ['/console/devices', t('console.nav.devices'), allowed['/console/devices']!],
    ['/console/playlist', t('console.nav.playlist'), allowed['/console/playlist']!],
    ['/console/annotations', t('console.nav.notes'), allowed['/console/annotations']!],
    ['/console/users', t('console.nav.users'), allowed['/console/users']!],
    ['/console/calendar', t('console.nav.calendar'), allowed['/console/calendar']!],
    ['/console/rules', t('console.nav.rules'), allowed['/console/rules']!],
    ['/console/sources', t('console.nav.sources'), allowed['/console/sources']!],
    ['/console/notifications', t('console.nav.notifications'), true],
    ['/console/reports', t('console.nav.reports'), true],
    ['/console/widgets', t('console.nav.widgets'), true],
    ['/dashboard', t('console.nav.dashboard'), true],
  ];
  const page = allowed[path] === false ? '/console' : path;
  return (
    <div className="cs">
      <header className="cs-header">
        <strong>{t('app.name')}</strong>
        <span className="cs-title">{t('console.title')}</span>
        <nav aria-label={t('console.title')}>
          {nav
            .filter(([, , show]) => show)
            .map(([href, label]) => (
              <a key={href} href={href} aria-current={href === page ? 'page' : undefined}>
                {label}
              </a>
            ))}
        </nav>
        <LateAlerts session={s} />
        <span className="cs-user" data-testid="signed-in-as">
          {s.user.displayName} · {t(`console.role.${s.user.role}`)}
        </span>
        <button type="button" onClick={props.onToggleLocale}>
          {t('locale.switch')}
        </button>
        <button
          type="button"
          onClick={() => void apiSend('POST /api/auth/logout').then(() => window.location.assign('/console/login'))}
        >
          {t('console.logout')}
        </button>
      </header>
      {canEditCalendar(who) && <CalendarDueBanner />}
      <RecomputeBanner timeZone={province?.timeZone ?? 'Asia/Jakarta'} tzLabel={province?.timeZoneLabel ?? ''} />
      <main className="cs-main">
        <Suspense fallback={<p className="cs-note">{t('status.loading')}</p>}>
          {page === '/console/reports' ? (
            <ReportsPage names={names} userOpdId={s.user.opdId} timeZone={province?.timeZone ?? 'Asia/Jakarta'} />
          ) : page === '/console/notifications' ? (
            <NotificationsPage
              names={names}
              isAdmin={canManageNotifications(who)}
              userOpdId={s.user.opdId}
              timeZone={province?.timeZone ?? 'Asia/Jakarta'}
              tzLabel={province?.timeZoneLabel ?? ''}
            />
          ) : page === '/console/sources' ? (
            <SourcesPage
              names={names}
              timeZone={province?.timeZone ?? 'Asia/Jakarta'}
              tzLabel={province?.timeZoneLabel ?? ''}
            />
          ) : page === '/console/playlist' ? (
            <PlaylistPage
              names={names}
              timeZone={province?.timeZone ?? 'Asia/Jakarta'}
              tzLabel={province?.timeZoneLabel ?? ''}
            />
          ) : page === '/console/annotations' ? (
            <AnnotationsPage
              names={names}
              timeZone={province?.timeZone ?? 'Asia/Jakarta'}
              tzLabel={province?.timeZoneLabel ?? ''}
            />
          ) : page === '/console/rules' ? (
            <RulesPage isAdmin={canEditComplaintSettings(who)} />
          ) : page === '/console/calendar' ? (
            <CalendarPage isAdmin={canEditCalendar(who)} />
          ) : page === '/console/audit' ? (
            <AuditPage
              names={names}
              timeZone={province?.timeZone ?? 'Asia/Jakarta'}
              tzLabel={province?.timeZoneLabel ?? ''}
            />
          ) : page === '/console/devices' ? (
            <DevicesPage />
          ) : page === '/console/users' ? (
            <UsersPage names={names} />
          ) : (
            <Worklist
              session={s}
              names={names}
              timeZone={province?.timeZone ?? 'Asia/Jakarta'}
              tzLabel={province?.timeZoneLabel ?? ''}
            />
          )}
        </Suspense>
      </main>
    </div>
  );
}
