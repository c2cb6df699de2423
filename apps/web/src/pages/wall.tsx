import { useContext, useEffect, useState } from 'react';
import type { PageProps } from '../app.tsx';
import { formatClock, formatDate, LocaleContext, useT } from '../i18n/index.ts';
import { useProvince } from '../province.ts';

/** The video wall (placeholder until the scenes land): province, local clock with WIB/WITA, status. */
export function WallPage(_props: PageProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const { province, offline } = useProvince();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="wall" data-testid="wall">
      <header className="wall-header">
        <div>
          <div className="wall-brand">{t('app.name')}</div>
          <div className="wall-sub">{province ? `${t('app.tagline')} · ${province.name}` : t('status.loading')}</div>
        </div>
        {province && (
          <div className="wall-clock" data-testid="wall-clock">
            <div className="wall-time">{formatClock(locale, now, province.timeZone, province.timeZoneLabel)}</div>
            <div className="wall-date">{formatDate(locale, now, province.timeZone)}</div>
          </div>
        )}
      </header>
      {offline && (
        <div className="banner banner-offline" role="alert">
          {t('status.offline')}
        </div>
      )}
      <main className="wall-main">
        <h1>{t('wall.title')}</h1>
        <p>{t('wall.placeholder')}</p>
      </main>
    </div>
  );
}
