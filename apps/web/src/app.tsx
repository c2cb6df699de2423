import { useEffect, useState } from 'react';
import { LocaleContext, resolveLocale, type Locale } from './i18n/index.ts';
import { ConsolePage } from './pages/console.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { WallPage } from './pages/wall.tsx';
import { WidgetBuilderPage } from './widget-builder/index.tsx';

/** Top-level routes; each screen is its own page so the wall never loads console code paths. */
function pageFor(pathname: string) {
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
      <Page onToggleLocale={() => setLocale(locale === 'id' ? 'en' : 'id')} />
    </LocaleContext.Provider>
  );
}

export interface PageProps {
  onToggleLocale: () => void;
}
