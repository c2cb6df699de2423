import { useState } from 'react';
// The narrow subpath: the domain's index carries the report's chart builders (ECharts).
import { periodContaining, type ReportPeriodKind } from '@pantau/domain/periods';
import { useT } from '../i18n/index.ts';
import type { ProvinceNames } from './province-names.ts';
import { OpdSelect } from './opd-select.tsx';
import { ReportSchedules } from './report-schedules.tsx';

/** Today in the province's zone, as YYYY-MM-DD. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

const KINDS: readonly ReportPeriodKind[] = ['week', 'month', 'quarter', 'year', 'custom'];

/**
 * Laporan pimpinan: pick a period (a week, month, quarter, year or any range of days) and the province or
 * one OPD (an OPD admin: its own), and download the PDF the server renders; the annual PPID report as
 * PDF or CSV; and, for admins, the schedules that e-mail the report. Plain links, so the browser's own
 * download handles them.
 */
export function ReportsPage(props: { names: ProvinceNames; userOpdId: string | null; timeZone: string }) {
  const t = useT();
  const now = today(props.timeZone);
  const [kind, setKind] = useState<ReportPeriodKind>('month');
  const [keys, setKeys] = useState(() => ({
    week: periodContaining('week', now).key,
    month: now.slice(0, 7),
    quarter: periodContaining('quarter', now).key,
    year: now.slice(0, 4),
    from: `${now.slice(0, 8)}01`,
    to: now,
  }));
  const set = (k: keyof typeof keys) => (v: string) => v && setKeys((s) => ({ ...s, [k]: v }));
  const [opd, setOpd] = useState(props.userOpdId ?? '');
  const period = kind === 'custom' ? `${keys.from}..${keys.to}` : keys[kind];
  const q = new URLSearchParams({ period });
  if (opd) q.set('opd', opd);
  // The annual Laporan Layanan Informasi Publik (UU 14/2008) is due by 31 March for the year before.
  const [year, setYear] = useState(() => Number(now.slice(0, 4)) - 1);
  const annual = new URLSearchParams({ from: `${year}-01-01`, to: `${year}-12-31` });
  if (opd) annual.set('opdId', opd);
  const annualPdf = new URLSearchParams({ year: String(year) });
  if (opd) annualPdf.set('opd', opd);
  const [qy, qn] = keys.quarter.split('-Q') as [string, string];
  return (
    <section className="cs-page" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('console.reports.title')}</h1>
      <p className="cs-note">{t('console.reports.hint')}</p>
      <div className="cs-filters">
        <label>
          {t('reports.period')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ReportPeriodKind)} data-testid="report-kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`reports.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'week' && (
          <label>
            {t('reports.kind.week')}
            <input
              type="week"
              value={keys.week}
              onChange={(e) => set('week')(e.target.value)}
              data-testid="report-week"
            />
          </label>
        )}
        {kind === 'month' && (
          <label>
            {t('console.reports.month')}
            <input
              type="month"
              value={keys.month}
              onChange={(e) => set('month')(e.target.value)}
              data-testid="report-month"
            />
          </label>
        )}
        {kind === 'quarter' && (
          <>
            <label>
              {t('console.reports.year')}
              <input
                type="number"
                min={2000}
                max={2100}
                value={qy}
                onChange={(e) => set('quarter')(`${e.target.value}-Q${qn}`)}
                data-testid="report-quarter-year"
              />
            </label>
            <label>
              {t('reports.kind.quarter')}
              <select
                value={qn}
                onChange={(e) => set('quarter')(`${qy}-Q${e.target.value}`)}
                data-testid="report-quarter"
              >
                {['1', '2', '3', '4'].map((n) => (
                  <option key={n} value={n}>
                    {['I', 'II', 'III', 'IV'][Number(n) - 1]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {kind === 'year' && (
          <label>
            {t('console.reports.year')}
            <input
              type="number"
              min={2000}
              max={2100}
              value={keys.year}
              onChange={(e) => set('year')(e.target.value)}
              data-testid="report-year"
            />
          </label>
        )}
        {kind === 'custom' && (
          <>
            <label>
              {t('reports.from')}
              <input
                type="date"
                value={keys.from}
                onChange={(e) => set('from')(e.target.value)}
                data-testid="report-from"
              />
            </label>
            <label>
              {t('reports.to')}
              <input type="date" value={keys.to} onChange={(e) => set('to')(e.target.value)} data-testid="report-to" />
            </label>
          </>
        )}
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
          href={`/api/reports/ppid-annual.pdf?${annualPdf.toString()}`}
          download
          data-testid="annual-download-pdf"
        >
          {t('console.reports.download')}
        </a>
        <a
          className="cs-button"
          href={`/api/ppid/report.csv?${annual.toString()}`}
          download
          data-testid="annual-download"
        >
          {t('console.reports.annualDownload')}
        </a>
      </div>
      <ReportSchedules names={props.names} />
    </section>
  );
}
