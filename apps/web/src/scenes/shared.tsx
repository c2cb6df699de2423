/** Pieces several scenes share: names, the complaint KPIs, the trend, the ticker, the late table. */
import { useContext, useMemo } from 'react';
import { EChart } from '../charts/use-echart.tsx';
import { monthLabels, monthsOption } from '../charts/months-option.ts';
import { formatNumber, intlTag, LocaleContext, useT } from '../i18n/index.ts';
import { useLabel } from '../i18n/labels.ts';
import { useFit } from './use-fit.ts';
import { Kpi } from './panel.tsx';
import type { SceneProps } from './types.ts';

export const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : x);

export const shortRegency = (name: string) =>
  name.replace(/^(Kabupaten|Kota) /, (m) => (m.startsWith('Kota') ? 'Kota ' : ''));

export function useNames(p: SceneProps) {
  return useMemo(() => {
    const opd = new Map(p.province.opds.map((o) => [o.id, o.shortName]));
    const reg = new Map(p.province.regencies.map((r) => [r.code, r.name]));
    return {
      opd: (id: string | null) => (id ? (opd.get(id) ?? id) : '–'),
      regency: (code: string | null) => (code ? shortRegency(reg.get(code) ?? code) : '–'),
    };
  }, [p.province]);
}

/**
 * The complaint figures at a real province's volume (a few a day): the month and the year to date, the
 * shares followed up and completed, what is open, late and at risk now. No per-hour counts: at three
 * complaints a day they sit at zero.
 */
export function ComplaintKpis(p: SceneProps) {
  const t = useT();
  const c = p.state?.complaints;
  return (
    <div className="kpi-row kpi-strip" data-testid="kpis">
      <Kpi label={t('wall.kpi.monthReceived')} value={c?.month.received} testId="kpi-month-received" />
      <Kpi label={t('wall.kpi.yearReceived')} value={c?.year?.received} testId="kpi-year-received" />
      <Kpi
        label={t('wall.kpi.followUpRate')}
        value={pct(c?.year?.followUpRate)}
        format="percent"
        testId="kpi-follow-up-rate"
      />
      <Kpi
        label={t('wall.kpi.completionRate')}
        value={pct(c?.year?.completionRate)}
        format="percent"
        testId="kpi-completion-rate"
      />
      <Kpi label={t('wall.kpi.open')} value={c?.open.total} testId="kpi-open" />
      <Kpi
        label={t('wall.kpi.overdue')}
        value={c?.open.overdue}
        tone={c?.open.overdue ? 'alert' : 'ok'}
        testId="kpi-overdue"
      />
      <Kpi
        label={t('wall.kpi.atRisk')}
        value={c?.open.atRisk}
        tone={c?.open.atRisk ? 'warn' : 'ok'}
        testId="kpi-at-risk"
      />
      <Kpi label={t('wall.kpi.onTimeYear')} value={pct(c?.year?.onTimeShare)} format="percent" testId="kpi-on-time" />
    </div>
  );
}

/**
 * The last 12 months: arrivals as bars, follow-ups and completions as lines; the months an operator
 * annotated carry a numbered line, and the notes under the chart say what happened (newest three).
 */
export function Trend(p: SceneProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const months = p.state?.complaints?.months;
  const items = p.state?.annotations?.items;
  const notes = useMemo(() => {
    const keys = (months ?? []).map((m) => m.month);
    const labels = monthLabels(keys, intlTag[locale]);
    const monthOf = new Intl.DateTimeFormat('en-CA', {
      timeZone: p.province.timeZone,
      year: 'numeric',
      month: '2-digit',
    });
    const day = new Intl.DateTimeFormat(intlTag[locale], {
      timeZone: p.province.timeZone,
      day: 'numeric',
      month: 'short',
    });
    return (items ?? [])
      .map((a) => ({ ...a, index: keys.indexOf(monthOf.format(new Date(a.startsAt)).slice(0, 7)) }))
      .filter((a) => a.index >= 0)
      .map((a, i) => ({
        n: i + 1,
        id: a.id,
        label: labels[a.index]!,
        when: a.endsAt
          ? `${day.format(new Date(a.startsAt))}–${day.format(new Date(a.endsAt))}`
          : day.format(new Date(a.startsAt)),
        text: a.text,
      }));
  }, [items, months, locale, p.province.timeZone]);
  const option = useMemo(
    () =>
      monthsOption(
        monthLabels(
          (months ?? []).map((m) => m.month),
          intlTag[locale],
        ),
        {
          received: (months ?? []).map((m) => m.received),
          followedUp: (months ?? []).map((m) => m.followedUp),
          completed: (months ?? []).map((m) => m.completed),
        },
        {
          received: t('wall.funnel.received'),
          followedUp: t('wall.funnel.followedUp'),
          completed: t('wall.funnel.completed'),
        },
        (n) => formatNumber(locale, n),
        p.fontSize,
        undefined,
        notes.map((a) => ({ label: a.label, n: a.n })),
      ),
    [months, p.fontSize, t, locale, notes],
  );
  return (
    <>
      <EChart option={option} label={t('wall.panel.months')} />
      {notes.length > 0 && (
        <ol className="trend-notes" data-testid="annotations">
          {notes.slice(-3).map((a) => (
            <li key={a.id}>
              <span className="trend-note-n">{a.n}</span> {a.when}: {a.text}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function Ticker(p: SceneProps) {
  const t = useT();
  const label = useLabel();
  const locale = useContext(LocaleContext);
  const names = useNames(p);
  const time = new Intl.DateTimeFormat(intlTag[locale], { timeZone: p.province.timeZone, timeStyle: 'short' });
  // At a few complaints a day the newest may be days old: its time alone would read as today.
  const dayTime = new Intl.DateTimeFormat(intlTag[locale], {
    timeZone: p.province.timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: p.province.timeZone });
  const today = dayOf.format(p.now);
  const when = (at: Date) => (dayOf.format(at) === today ? time : dayTime).format(at);
  const items = (p.state?.recent?.items ?? []).slice(0, 8);
  const { ref, fit } = useFit<HTMLUListElement>(items.length, items.map((r) => r.submittedAt).join());
  return (
    <ul className="ticker" data-testid="ticker" ref={ref}>
      {items.slice(0, fit).map((r, i) => (
        <li key={`${r.submittedAt}-${i}`}>
          <time>{when(new Date(r.submittedAt))}</time>{' '}
          <strong>{r.topic ?? label('classification', r.classification)}</strong> · {names.opd(r.opdId)} ·{' '}
          {names.regency(r.regencyCode)} · {label('channel', r.channel)}
        </li>
      ))}
      {!p.state?.recent?.items.length && <li>{t('wall.noData')}</li>}
    </ul>
  );
}

/** An id that may wrap only after its slashes (a PPID registration number: 0001/PPID-DLH/2026). */
function Breakable(props: { text: string }) {
  const parts = props.text.split('/');
  return (
    <span className="nowrap-parts">
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </span>
      ))}
    </span>
  );
}

export function LateTable(p: SceneProps & { limit: number; showLevel?: boolean }) {
  const showLevel = p.showLevel ?? true;
  const t = useT();
  const locale = useContext(LocaleContext);
  const names = useNames(p);
  // Deadlines end at 23.59 local time, so the day says it all: "19 Nov" (with the year when not this one).
  const day = new Intl.DateTimeFormat(intlTag[locale], {
    timeZone: p.province.timeZone,
    day: 'numeric',
    month: 'short',
  });
  const dayYear = new Intl.DateTimeFormat(intlTag[locale], {
    timeZone: p.province.timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  // A deadline in a year with no official calendar was counted Monday–Friday only: mark that figure,
  // not the whole wall (the console's admins get the task of loading the year).
  const unloaded = new Set(p.state?.calendar?.missingYears ?? []);
  const year = new Intl.DateTimeFormat('en', { timeZone: p.province.timeZone, year: 'numeric' });
  const thisYear = Number(year.format(p.now));
  const when = (at: Date) => (Number(year.format(at)) === thisYear ? day : dayYear).format(at);
  const rows = [...p.late]
    .sort((a, b) => b.escalationLevel - a.escalationLevel || (a.deadlineAt ?? '').localeCompare(b.deadlineAt ?? ''))
    .slice(0, p.limit);
  const { ref, fit } = useFit<HTMLTableSectionElement>(rows.length, rows.map((r) => `${r.kind}:${r.id}`).join());
  const hidden = p.late.length - Math.min(fit, rows.length);
  return (
    <table className="rank late" data-testid="late-table">
      {/* Fixed columns: the table never grows past its panel; a long registration number wraps at a slash. */}
      <colgroup>
        <col style={{ width: showLevel ? '27%' : '35%' }} />
        <col style={{ width: showLevel ? '26%' : '30%' }} />
        {showLevel && <col style={{ width: '21%' }} />}
        <col style={{ width: showLevel ? '26%' : '35%' }} />
      </colgroup>
      <thead>
        <tr>
          <th>{t('wall.col.ticket')}</th>
          <th>{t('wall.col.opd')}</th>
          {showLevel && <th>{t('wall.col.step')}</th>}
          <th>{t('wall.col.since')}</th>
        </tr>
      </thead>
      <tbody ref={ref}>
        {rows.slice(0, fit).map((r) => (
          <tr
            key={`${r.kind}:${r.id}`}
            data-testid="late-row"
            data-id={r.id}
            data-step={r.escalationLevel}
            className={r.deadlineState}
          >
            <th scope="row">
              {r.deadlineState === 'overdue' ? '▲' : '●'} <Breakable text={r.trackingId ?? r.id} />
            </th>
            <td>{names.opd(r.opdId)}</td>
            {showLevel && <td className="num">{t('wall.ladder.level').replace('{n}', String(r.escalationLevel))}</td>}
            <td className="nowrap">
              {r.deadlineAt ? when(new Date(r.deadlineAt)) : '–'}
              {r.deadlineAt && unloaded.has(Number(year.format(new Date(r.deadlineAt)))) && (
                <span className="calendar-marker" data-testid="calendar-marker" title={t('wall.calendarMarker')}>
                  *
                </span>
              )}
            </td>
          </tr>
        ))}
        {hidden > 0 && (
          <tr className="rank-more" data-testid="late-more">
            <td colSpan={showLevel ? 4 : 3}>{t('wall.more').replace('{n}', formatNumber(locale, hidden))}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
