import type { PageProps } from '../page-props.ts';
import { useT } from '../i18n/index.ts';
import { PageFrame } from './layout.tsx';

export function NotFoundPage(props: PageProps) {
  const t = useT();
  return (
    <PageFrame title={t('notFound.title')} onToggleLocale={props.onToggleLocale}>
      <ul>
        <li>
          <a href="/wall">{t('nav.wall')}</a>
        </li>
        <li>
          <a href="/dashboard">{t('nav.dashboard')}</a>
        </li>
        <li>
          <a href="/console">{t('nav.console')}</a>
        </li>
        <li>
          <a href="/embed">{t('nav.embed')}</a>
        </li>
      </ul>
    </PageFrame>
  );
}
