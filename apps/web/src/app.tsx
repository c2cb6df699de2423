import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { LocaleContext, resolveLocale, type Locale } from './i18n/index.ts';
import type { PageProps } from './page-props.ts';

export type { PageProps } from './page-props.ts';

// Each screen is its own chunk, loaded by route: the wall never downloads console code, the console
// never downloads the wall's charts it does not show.
const WallPage = lazy(() => import('./pages/wall.tsx').then((m) => ({ default: m.WallPage })));
const DashboardPage = lazy(() => import('./pages/dashboard.tsx').then((m) => ({ default: m.DashboardPage })));
const ConsolePage = lazy(() => import('./pages/console.tsx').then((m) => ({ default: m.ConsolePage })));
const WidgetBuilderPage = lazy(() =>
  import('./widget-builder/index.tsx').then((m) => ({ default: m.WidgetBuilderPage })),
);
const NotFoundPage = lazy(() => import('./pages/not-found.tsx').then((m) => ({ default: m.NotFoundPage })));

/** Top-level routes. */
function pageFor(pathname: string): ComponentType<PageProps> {
  if (pathname === '/wall' || pathname.startsWith('/wall/')) return WallPage;
  if (pathname === '/dashboard' || pathname.startsWith('/dashboard/')) return DashboardPage;
  if (pathname === '/console/widgets') return WidgetBuilderPage;
  if (pathname === '/console' || pathname.startsWith('/console/')) return ConsolePage;
  return NotFoundPage;
}

export function App() {
  const [locale, setLocale] = useState<Locale>(() =>
    resolveLocale(window.location.search, window.localStorage.getItem('pantau.locale')),
  );
  useEffect(() => {
    document.documentElement.lang = locale;
    window.localStorage.setItem('pantau.locale', locale);
  }, [locale]);
  const Page = pageFor(window.location.pathname);
  return (
    <LocaleContext.Provider value={locale}>
      <Suspense fallback={null}>
        <Page onToggleLocale={() => setLocale(locale === 'id' ? 'en' : 'id')} />
      </Suspense>
    </LocaleContext.Provider>
  );
}
