import type { SessionResponse } from '@pantau/contracts';
import type { PageProps } from '../page-props.ts';
import { mutate } from '../api/session.ts';
import { useT } from '../i18n/index.ts';
import { useProvince } from '../province.ts';
import { AuditPage } from './audit.tsx';
import { CalendarDueBanner } from './calendar-due.tsx';
import { RecomputeBanner } from './recompute-status.tsx';
import { CalendarPage } from './calendar.tsx';
import { PlaylistPage } from './playlist.tsx';
import { RulesPage } from './rules.tsx';
import { SourcesPage } from './sources.tsx';
import { DevicesPage } from './devices.tsx';
import { LateAlerts } from './late-alerts.tsx';
import { LoginPage } from './login.tsx';
import { NotificationsPage } from './notifications.tsx';
import { useNames } from './province-names.ts';
import { ReportsPage } from './reports.tsx';
import { goToLogin, useConsoleSession } from './session.ts';
import { UsersPage } from './users.tsx';
import { Worklist } from './worklist.tsx';
import './console.css';

const ADMIN_PAGES = ['/console/audit', '/console/devices', '/console/users', '/console/playlist'];

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
  const isAdmin = s.user.role === 'admin';
  const nav: Array<[string, string, boolean]> = [
    ['/console', t('console.nav.worklist'), true],
    ['/console/audit', t('console.nav.audit'), isAdmin],
    ['/console/devices', t('console.nav.devices'), isAdmin],
    ['/console/playlist', t('console.nav.playlist'), isAdmin],
    ['/console/users', t('console.nav.users'), isAdmin],
    ['/console/calendar', t('console.nav.calendar'), s.user.role !== 'viewer'],
    ['/console/rules', t('console.nav.rules'), s.user.role !== 'viewer'],
    ['/console/sources', t('console.nav.sources'), isAdmin || s.user.role === 'duty_officer'],
    ['/console/notifications', t('console.nav.notifications'), true],
    ['/console/reports', t('console.nav.reports'), true],
    ['/console/widgets', t('console.nav.widgets'), true],
    ['/dashboard', t('console.nav.dashboard'), true],
  ];
  const page =
    (ADMIN_PAGES.includes(path) && !isAdmin) ||
    (['/console/calendar', '/console/rules'].includes(path) && s.user.role === 'viewer') ||
    (path === '/console/sources' && !(isAdmin || s.user.role === 'duty_officer'))
      ? '/console'
      : path;
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
          onClick={() => void mutate('POST', '/api/auth/logout').then(() => window.location.assign('/console/login'))}
        >
          {t('console.logout')}
        </button>
      </header>
      {isAdmin && <CalendarDueBanner />}
      <RecomputeBanner timeZone={province?.timeZone ?? 'Asia/Jakarta'} tzLabel={province?.timeZoneLabel ?? ''} />
      <main className="cs-main">
        {page === '/console/reports' ? (
          <ReportsPage names={names} userOpdId={s.user.opdId} timeZone={province?.timeZone ?? 'Asia/Jakarta'} />
        ) : page === '/console/notifications' ? (
          <NotificationsPage
            names={names}
            isAdmin={isAdmin}
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
        ) : page === '/console/rules' ? (
          <RulesPage isAdmin={isAdmin} />
        ) : page === '/console/calendar' ? (
          <CalendarPage isAdmin={isAdmin} />
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
      </main>
    </div>
  );
}
