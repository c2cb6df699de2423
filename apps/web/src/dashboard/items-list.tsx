import type { ComplaintListRow } from '@pantau/contracts';
import { useContext, useEffect, useState } from 'react';
import { formatNumber, isMessageKey, LocaleContext, useDateTimeFormat, useT } from '../i18n/index.ts';
import { useLabel } from '../i18n/labels.ts';
import { itemsQuery, type DashboardState } from './dashboard-state.ts';
import { apiRequest } from '../api/client.ts';

type ItemRow = Pick<
  ComplaintListRow,
  | 'id'
  | 'trackingId'
  | 'title'
  | 'status'
  | 'opdId'
  | 'regencyCode'
  | 'channel'
  | 'topic'
  | 'isRahasia'
  | 'submittedAt'
  | 'deadlineState'
  | 'escalationLevel'
>;

type Load =
  | { kind: 'loading' }
  | { kind: 'signin' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; items: ItemRow[]; nextCursor: string | null };

/** The list's query for its CSV: the same filters and order, without the page size. */
function csvQuery(query: string): string {
  const q = new URLSearchParams(query);
  q.delete('limit');
  q.delete('cursor');
  return q.toString();
}

/**
 * The complaints behind the figures on screen (the end of every drilldown): same period, same filters,
 * newest first, paged from the complaint read API. Rahasia titles are not shown here even to those
 * allowed to read them: this list is for overview, the console is for case work.
 */
export function ItemsList(props: {
  state: DashboardState;
  today: string;
  timeZone: string;
  timeZoneLabel: string;
  names: { opd: (id: string | null) => string; regency: (code: string | null) => string };
}) {
  const t = useT();
  const label = useLabel();
  const locale = useContext(LocaleContext);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const query = itemsQuery(props.state, props.today);
  useEffect(() => {
    let cancelled = false;
    setLoad({ kind: 'loading' });
    apiRequest('GET /api/complaints', { query })
      .then(async (res) => {
        if (res.status === 401) return setLoad({ kind: 'signin' });
        const body = (await res.json()) as {
          items?: ItemRow[];
          nextCursor?: string | null;
          error?: { message: string };
        };
        if (cancelled) return;
        if (!res.ok || !body.items) setLoad({ kind: 'error', message: body.error?.message ?? String(res.status) });
        else setLoad({ kind: 'ready', items: body.items, nextCursor: body.nextCursor ?? null });
      })
      .catch((err: unknown) => !cancelled && setLoad({ kind: 'error', message: String(err) }));
    return () => {
      cancelled = true;
    };
  }, [query]);

  const more = async () => {
    if (load.kind !== 'ready' || !load.nextCursor) return;
    const res = await apiRequest('GET /api/complaints', {
      query: itemsQuery(props.state, props.today, load.nextCursor),
    });
    const body = await res.json();
    setLoad({ kind: 'ready', items: [...load.items, ...body.items], nextCursor: body.nextCursor });
  };

  const deadlineLabel = (state: string) => {
    const key = `dashboard.deadline.${state}`;
    return isMessageKey(key) ? t(key) : state;
  };
  const when = useDateTimeFormat(props.timeZone);
  if (load.kind === 'loading') return <p className="dash-note">{t('status.loading')}</p>;
  if (load.kind === 'signin') return <p className="dash-note">{t('dashboard.signinForItems')}</p>;
  if (load.kind === 'error') return <p className="dash-note dash-error">{load.message}</p>;
  return (
    <section className="dash-items" aria-label={t('dashboard.items')}>
      <p className="dash-note" data-testid="items-count">
        {load.nextCursor
          ? t('dashboard.itemsShownMore').replace('{n}', formatNumber(locale, load.items.length))
          : t('dashboard.itemsShown').replace('{n}', formatNumber(locale, load.items.length))}{' '}
        {/* Every complaint behind the figure, not only the pages loaded: the same filters, as a file. */}
        <a className="dash-export" href={`/api/complaints.csv?${csvQuery(query)}`} download data-testid="items-export">
          {t('dashboard.exportCsv')}
        </a>
      </p>
      <table className="dash-table">
        <thead>
          <tr>
            <th>{t('dashboard.col.tracking')}</th>
            <th>{t('dashboard.col.submitted')}</th>
            <th>{t('dashboard.col.title')}</th>
            <th>{t('dashboard.col.opd')}</th>
            <th>{t('dashboard.col.regency')}</th>
            <th>{t('dashboard.col.channel')}</th>
            <th>{t('dashboard.col.status')}</th>
            <th>{t('dashboard.col.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {load.items.map((r) => (
            <tr key={r.id} data-testid="item-row" data-id={r.id}>
              <td>{r.trackingId}</td>
              <td>
                {when.format(new Date(r.submittedAt))} {props.timeZoneLabel}
              </td>
              <td>{r.isRahasia ? <em>{t('dashboard.rahasia')}</em> : r.title}</td>
              <td>{props.names.opd(r.opdId)}</td>
              <td>{props.names.regency(r.regencyCode)}</td>
              <td>{label('channel', r.channel)}</td>
              <td>{label('status', r.status)}</td>
              <td data-state={r.deadlineState}>
                {r.deadlineState === 'overdue' ? '▲ ' : r.deadlineState === 'at_risk' ? '● ' : ''}
                {deadlineLabel(r.deadlineState)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {load.nextCursor && (
        <button type="button" className="dash-more" onClick={() => void more()}>
          {t('dashboard.more')}
        </button>
      )}
    </section>
  );
}
