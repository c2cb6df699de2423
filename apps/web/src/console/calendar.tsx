import type { CalendarDayKind, CalendarDayView, CalendarEditResult, CalendarYearView } from '@pantau/contracts';
import { useCallback, useContext, useEffect, useState } from 'react';
import type { ApiBody } from '@pantau/contracts/api';
import { apiGet, apiSend } from '../api/client.ts';
import { formatNumber, intlTag, LocaleContext, useT } from '../i18n/index.ts';
import { parseDecreeList } from './calendar-paste.ts';

const KINDS: CalendarDayKind[] = ['libur_nasional', 'cuti_bersama', 'libur_daerah'];

type Op = 'add' | 'move' | 'remove' | 'load';
interface EditForm {
  op: Op;
  date: string;
  kind: CalendarDayKind;
  to: string;
  name: string;
  legalBasis: string;
  reason: string;
  paste: string;
}
const ENDPOINT = {
  add: 'POST /api/calendar/days',
  move: 'POST /api/calendar/days/move',
  remove: 'POST /api/calendar/days/remove',
  load: 'POST /api/calendar/years',
} as const satisfies Record<Op, string>;

function yearFromUrl(): number {
  const y = Number(new URLSearchParams(window.location.search).get('year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : new Date().getFullYear();
}

/** The body an edit sends: only the fields its endpoint takes. */
function bodyOf(f: EditForm, year: number): Record<string, unknown> {
  const reason = f.reason.trim() || undefined;
  if (f.op === 'load') return { year, legalBasis: f.legalBasis, days: parseDecreeList(f.paste).days };
  if (f.op === 'add') return { date: f.date, kind: f.kind, name: f.name, legalBasis: f.legalBasis, reason };
  if (f.op === 'remove') return { date: f.date, kind: f.kind, legalBasis: f.legalBasis, reason };
  return { date: f.date, kind: f.kind, to: f.to, legalBasis: f.legalBasis, reason };
}

/** One month as a Monday-first grid; holidays coloured by kind, weekends shaded. */
function Month(props: { year: number; month: number; days: Map<string, CalendarDayView>; label: string }) {
  const first = new Date(Date.UTC(props.year, props.month, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const count = new Date(Date.UTC(props.year, props.month + 1, 0)).getUTCDate();
  const cells: Array<number | null> = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length: count }, (_, i) => i + 1),
  ];
  return (
    <figure className="cal-month">
      <figcaption>{props.label}</figcaption>
      <div className="cal-grid">
        {cells.map((d, i) => {
          if (d === null) return <span key={`x${i}`} />;
          const iso = `${props.year}-${String(props.month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const h = props.days.get(iso);
          const weekend = (lead + d - 1) % 7 >= 5;
          return (
            <span
              key={iso}
              className={`cal-day${weekend ? ' cal-weekend' : ''}${h ? ` cal-${h.kind}` : ''}`}
              title={h ? `${h.name} (${h.legalBasis})` : undefined}
              data-date={iso}
            >
              {d}
            </span>
          );
        })}
      </div>
    </figure>
  );
}

/**
 * Kalender hari kerja: the year as a calendar and as a list, each day with its kind and decree. Admins add,
 * move and remove a day or load a year from a pasted decree list, always seeing first how many open
 * deadlines would move; everyone else on the console reads it.
 */
export function CalendarPage(props: { isAdmin: boolean }) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const [year, setYear] = useState(yearFromUrl);
  const [view, setView] = useState<CalendarYearView | null>(null);
  const [form, setForm] = useState<EditForm | null>(null);
  const [preview, setPreview] = useState<CalendarEditResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    setView(await apiGet('GET /api/calendar/years/:year', { params: { year } }));
  }, [year]);
  useEffect(() => {
    void load();
    const url = new URL(window.location.href);
    url.searchParams.set('year', String(year));
    window.history.replaceState(null, '', url);
  }, [load, year]);

  const longDate = new Intl.DateTimeFormat(intlTag[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const monthName = new Intl.DateTimeFormat(intlTag[locale], { month: 'long', timeZone: 'UTC' });
  const active = new Map((view?.days ?? []).filter((d) => d.active).map((d) => [d.date, d]));
  const canEdit = props.isAdmin && view?.canEdit === true;
  const pasted = form?.op === 'load' ? parseDecreeList(form.paste) : null;

  const open = (f: Partial<EditForm> & { op: Op }) => {
    setForm({ date: '', kind: 'libur_nasional', to: '', name: '', legalBasis: '', reason: '', paste: '', ...f });
    setPreview(null);
    setError(null);
    setNotice(null);
  };
  const send = async (asPreview: boolean) => {
    if (!form) return;
    setError(null);
    const r = await apiSend(ENDPOINT[form.op], {
      body: { ...bodyOf(form, year), preview: asPreview } as ApiBody<(typeof ENDPOINT)[Op]>,
    });
    if (!r.ok) return setError(r.message);
    if (asPreview) return setPreview(r.body);
    setForm(null);
    setPreview(null);
    setNotice(t('console.calendar.saved').replace('{n}', formatNumber(locale, r.body.deadlinesMoving)));
    await load();
  };
  const field = (key: keyof EditForm, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        value={form?.[key] ?? ''}
        onChange={(e) => {
          setForm((f) => (f ? { ...f, [key]: e.target.value } : f));
          setPreview(null);
        }}
        data-testid={`cal-${key}`}
      />
    </label>
  );

  return (
    <section className="cs-page cal-page" aria-labelledby="cal-title">
      <div className="cal-head">
        <h1 id="cal-title">{t('console.calendar.title').replace('{year}', String(year))}</h1>
        <button type="button" onClick={() => setYear(year - 1)} aria-label={t('console.calendar.prev')}>
          ‹ {year - 1}
        </button>
        <button type="button" onClick={() => setYear(year + 1)} aria-label={t('console.calendar.next')}>
          {year + 1} ›
        </button>
        {canEdit && (
          <>
            <button type="button" onClick={() => open({ op: 'add', date: `${year}-01-01` })}>
              {t('console.calendar.add')}
            </button>
            <button type="button" onClick={() => open({ op: 'load' })} data-testid="cal-open-load">
              {t('console.calendar.load')}
            </button>
          </>
        )}
      </div>
      <p className={view?.loaded ? 'cs-note' : 'cs-notice cal-missing'} data-testid="cal-status" role="status">
        {view?.loaded
          ? t('console.calendar.loaded').replace('{basis}', view.loaded.legalBasis)
          : t('console.calendar.notLoaded')}
      </p>
      {notice && (
        <p className="cs-notice" role="status" data-testid="cal-notice">
          {notice}
        </p>
      )}
      {form && (
        <form
          className="cs-filters cal-form"
          aria-label={t(`console.calendar.op.${form.op}`)}
          onSubmit={(e) => {
            e.preventDefault();
            void send(!preview);
          }}
        >
          <strong className="cal-form-title">{t(`console.calendar.op.${form.op}`)}</strong>
          {form.op === 'load' ? (
            <label className="cal-paste">
              {t('console.calendar.paste')}
              <textarea
                rows={8}
                value={form.paste}
                autoFocus
                data-testid="cal-paste"
                onChange={(e) => {
                  const paste = e.target.value;
                  setForm((f) => (f ? { ...f, paste } : f));
                  setPreview(null);
                }}
              />
              <span data-testid="cal-paste-summary">
                {t('console.calendar.pasteSummary').replace('{n}', String(pasted?.days.length ?? 0))}
                {pasted?.errors.map((er) => ` · ${t('console.calendar.line')} ${er.line}: ${er.message}`).join('')}
              </span>
            </label>
          ) : (
            <>
              {form.op === 'add' ? field('date', t('console.calendar.date'), 'date') : <span>{form.date}</span>}
              {form.op === 'add' && (
                <label>
                  {t('console.calendar.kind')}
                  <select
                    value={form.kind}
                    onChange={(e) => setForm({ ...form, kind: e.target.value as CalendarDayKind })}
                  >
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`console.calendar.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {form.op === 'add' && field('name', t('console.calendar.name'))}
              {form.op === 'move' && field('to', t('console.calendar.to'), 'date')}
            </>
          )}
          {field('legalBasis', t('console.calendar.decree'))}
          {form.op !== 'load' && field('reason', t('console.calendar.reason'))}
          <div className="cal-actions">
            {preview ? (
              <span data-testid="cal-preview" role="status">
                {t('console.calendar.preview').replace('{n}', formatNumber(locale, preview.deadlinesMoving))}
              </span>
            ) : null}
            <button type="submit" data-testid={preview ? 'cal-confirm' : 'cal-preview-button'}>
              {preview ? t('console.calendar.confirm') : t('console.calendar.previewButton')}
            </button>
            <button type="button" onClick={() => setForm(null)}>
              {t('console.calendar.cancel')}
            </button>
          </div>
          {error && (
            <p className="cs-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      <ul className="cal-legend" aria-hidden="true">
        {KINDS.map((k) => (
          <li key={k}>
            <span className={`cal-day cal-${k}`}>1</span> {t(`console.calendar.kind.${k}`)}
          </li>
        ))}
      </ul>
      <div className="cal-months" aria-hidden="true">
        {Array.from({ length: 12 }, (_, m) => (
          <Month key={m} year={year} month={m} days={active} label={monthName.format(new Date(Date.UTC(year, m, 1)))} />
        ))}
      </div>
      <table className="cs-table cal-table" data-testid="cal-table">
        <caption>{t('console.calendar.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.calendar.date')}</th>
            <th scope="col">{t('console.calendar.kind')}</th>
            <th scope="col">{t('console.calendar.name')}</th>
            <th scope="col">{t('console.calendar.decree')}</th>
            <th scope="col">{t('console.calendar.state')}</th>
            {canEdit && <th scope="col" />}
          </tr>
        </thead>
        <tbody>
          {(view?.days ?? []).map((d) => (
            <tr
              key={`${d.date}:${d.kind}`}
              data-testid="cal-row"
              data-date={d.date}
              data-active={d.active}
              className={d.active ? undefined : 'cal-removed'}
            >
              <td>{longDate.format(new Date(`${d.date}T00:00:00Z`))}</td>
              <td>{t(`console.calendar.kind.${d.kind}`)}</td>
              <td>{d.name}</td>
              <td>{d.legalBasis}</td>
              <td>{d.active ? t('console.calendar.active') : `${t('console.calendar.removed')}: ${d.reason ?? ''}`}</td>
              {canEdit && (
                <td>
                  {d.active && (
                    <>
                      <button
                        type="button"
                        onClick={() => open({ op: 'move', date: d.date, kind: d.kind, to: d.date })}
                      >
                        {t('console.calendar.move')}
                      </button>
                      <button type="button" onClick={() => open({ op: 'remove', date: d.date, kind: d.kind })}>
                        {t('console.calendar.remove')}
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
