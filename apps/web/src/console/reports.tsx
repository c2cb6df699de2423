import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { ProvinceNames } from './province-names.ts';
import { OpdSelect } from './opd-select.tsx';

/** The current month in the province's zone, as YYYY-MM. */
function thisMonth(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date());
}

/**
 * Laporan pimpinan: pick a month and the province or one OPD (an OPD admin: its own), and download the
 * PDF the server renders. A plain link, so the browser's own download handles it.
 */
export function ReportsPage(props: { names: ProvinceNames; userOpdId: string | null; timeZone: string }) {
  const t = useT();
  const [month, setMonth] = useState(() => thisMonth(props.timeZone));
  const [opd, setOpd] = useState(props.userOpdId ?? '');
  const q = new URLSearchParams({ month });
  if (opd) q.set('opd', opd);
  // The annual Laporan Layanan Informasi Publik (UU 14/2008) is due by 31 March for the year before.
  const [year, setYear] = useState(() => Number(thisMonth(props.timeZone).slice(0, 4)) - 1);
  const annual = new URLSearchParams({ from: `${year}-01-01`, to: `${year}-12-31` });
  if (opd) annual.set('opdId', opd);
  return (
    <section className="cs-page" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('console.reports.title')}</h1>
      <p className="cs-note">{t('console.reports.hint')}</p>
      <div className="cs-filters">
        <label>
          {t('console.reports.month')}
          <input
            type="month"
            value={month}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
            data-testid="report-month"
          />
        </label>
        <label>
          {t('console.filter.opd')}
          {props.userOpdId ? (
            <span data-testid="report-opd-fixed">{props.names.opd(props.userOpdId)}</span>
          ) : (
            <OpdSelect
              names={props.names}
              value={opd}
              onChange={setOpd}
              empty={t('console.reports.province')}
              testId="report-opd"
            />
          )}
        </label>
        <a
          className="cs-button"
          href={`/api/reports/leadership.pdf?${q.toString()}`}
          download
          data-testid="report-download"
        >
          {t('console.reports.download')}
        </a>
      </div>
      <h2>{t('console.reports.annualTitle')}</h2>
      <p className="cs-note">{t('console.reports.annualHint')}</p>
      <div className="cs-filters">
        <label>
          {t('console.reports.year')}
          <input
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            data-testid="annual-year"
          />
        </label>
        <a
          className="cs-button"
          href={`/api/ppid/report.csv?${annual.toString()}`}
          download
          data-testid="annual-download"
        >
          {t('console.reports.annualDownload')}
        </a>
      </div>
    </section>
  );
}
