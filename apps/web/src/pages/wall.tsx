import { useContext, useEffect, useState } from 'react';
import type { PageProps } from '../app.tsx';
import { formatClock, formatDate, formatNumber, LocaleContext, useT } from '../i18n/index.ts';
import { useLiveTopic } from '../live/use-live.ts';
import { useProvince } from '../province.ts';

interface ComplaintFigures {
  today?: { received?: number };
  month?: { received?: number; onTimeShare?: number | null };
  open?: { total?: number; overdue?: number; atRisk?: number };
}

/** The video wall (placeholder until the scenes land): province, clock, and live province figures. */
export function WallPage(_props: PageProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const { province, offline } = useProvince();
  const live = useLiveTopic('province');
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const complaints = (live.state?.complaints ?? null) as ComplaintFigures | null;
  const missingYears = ((live.state?.calendar as { missingYears?: number[] } | undefined)?.missingYears ?? []).join(
    ', ',
  );
  const kpis = [
    ['today-received', t('wall.kpi.todayReceived'), complaints?.today?.received],
    ['month-received', t('wall.kpi.monthReceived'), complaints?.month?.received],
    ['open', t('wall.kpi.open'), complaints?.open?.total],
    ['overdue', t('wall.kpi.overdue'), complaints?.open?.overdue],
  ] as const;
  return (
    <div className="wall" data-testid="wall" data-connection={live.connection} data-seq={live.seq}>
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
      {(offline || live.connection === 'offline') && (
        <div className="banner banner-offline" role="alert">
          {t('status.offline')}
        </div>
      )}
      {missingYears && (
        <div className="banner banner-warning" role="status" data-testid="calendar-warning">
          {t('wall.calendarMissing').replace('{years}', missingYears)}
        </div>
      )}
      <main className="wall-main">
        <h1>{t('wall.title')}</h1>
        <div className="kpi-row">
          {kpis.map(([key, label, value]) => (
            <div className="kpi" key={key}>
              <div className="kpi-value" data-testid={`kpi-${key}`}>
                {value === undefined ? '–' : formatNumber(locale, value)}
              </div>
              <div className="kpi-label">{label}</div>
            </div>
          ))}
        </div>
        <p className="wall-note">{t(`connection.${live.connection}`)}</p>
      </main>
    </div>
  );
}
