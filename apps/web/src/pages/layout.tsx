import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

/** The frame around non-wall screens: product name, the screen's title and the locale switch. */
export function PageFrame(props: { title: string; onToggleLocale: () => void; children: ReactNode }) {
  const t = useT();
  return (
    <div className="frame">
      <header className="frame-header">
        <strong>{t('app.name')}</strong>
        <span className="frame-title">{props.title}</span>
        <button type="button" className="locale-switch" onClick={props.onToggleLocale}>
          {t('locale.switch')}
        </button>
      </header>
      <main className="frame-main">{props.children}</main>
    </div>
  );
}
