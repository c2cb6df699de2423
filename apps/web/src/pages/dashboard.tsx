import type { PageProps } from '../app.tsx';
import { useT } from '../i18n/index.ts';
import { PageFrame } from './layout.tsx';

/** Placeholder: a later issue fills this screen. */
export function DashboardPage(props: PageProps) {
  const t = useT();
  return (
    <PageFrame title={t('nav.dashboard')} onToggleLocale={props.onToggleLocale}>
      <p>{t('dashboard.placeholder')}</p>
    </PageFrame>
  );
}
