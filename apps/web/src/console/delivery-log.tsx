import type { NotificationDeliveryView } from '@pantau/contracts';
import { useCallback, useEffect, useState } from 'react';
import { isMessageKey, useDateTimeFormat, useT } from '../i18n/index.ts';
import type { ProvinceNames } from './province-names.ts';
import { apiGet } from '../api/client.ts';

const STATUSES = ['pending', 'sending', 'sent', 'failed', 'held', 'digested'] as const;
const CHANNELS = ['email', 'webhook', 'telegram'] as const;

/** The admins' delivery log: every message, its recipient and channel, its status and each attempt. */
export function DeliveryLog(props: { names: ProvinceNames; timeZone: string; tzLabel: string }) {
  const t = useT();
  const [filter, setFilter] = useState({ status: '', channel: '', q: '' });
  const [rows, setRows] = useState<NotificationDeliveryView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const query = useCallback(
    (before?: number) => {
      const q = new URLSearchParams();
      for (const k of ['status', 'channel', 'q'] as const) if (filter[k]) q.set(k, filter[k]);
      if (before) q.set('before', String(before));
      return q.toString();
    },
    [filter],
  );
  const load = useCallback(
    async (before?: number) => {
      const r = await apiGet('GET /api/notifications/deliveries', { query: query(before) });
      if (!r) return;
      setRows((prev) => (before ? [...prev, ...r.deliveries] : r.deliveries));
      setNext(r.nextBefore);
    },
    [query],
  );
  useEffect(() => {
    void load();
    // Load once; later loads come from the filter button.
  }, []);
  const when = useDateTimeFormat(props.timeZone);
  const label = (key: string) => (isMessageKey(key) ? t(key) : key);
  return (
    <section className="cs-page" aria-labelledby="delivery-log-title">
      <h2 id="delivery-log-title">{t('console.notify.log')}</h2>
      <p className="cs-note">{t('console.notify.logHint')}</p>
      <form
        className="cs-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label>
          {t('console.notify.col.status')}
          <select
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value })}
            data-testid="delivery-status"
          >
            <option value="">{t('console.filter.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(`console.notify.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.notify.col.channel')}
          <select value={filter.channel} onChange={(e) => setFilter({ ...filter, channel: e.target.value })}>
            <option value="">{t('console.filter.all')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {label(`console.notify.channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.notify.search')}
          <input
            value={filter.q}
            onChange={(e) => setFilter({ ...filter, q: e.target.value })}
            data-testid="delivery-q"
          />
        </label>
        <button type="submit" data-testid="delivery-filter">
          {t('console.notify.filter')}
        </button>
      </form>
      <table className="cs-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('console.notify.col.when')}</th>
            <th>{t('console.notify.col.to')}</th>
            <th>{t('console.notify.col.channel')}</th>
            <th>{t('console.notify.col.event')}</th>
            <th>{t('console.notify.col.item')}</th>
            <th>{t('console.notify.col.status')}</th>
            <th>{t('console.notify.col.attempts')}</th>
            <th>{t('console.notify.col.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const last = r.log.at(-1);
            return (
              <tr key={r.id} data-testid="delivery-row" data-status={r.status} data-channel={r.channel}>
                <td>{r.id}</td>
                <td>
                  {when.format(new Date(r.createdAt))} {props.tzLabel}
                </td>
                <td>{r.username ?? r.address ?? r.userId}</td>
                <td>{label(`console.notify.channel.${r.channel}`)}</td>
                <td>{label(`console.notify.event.${r.event}`)}</td>
                <td>
                  {r.trackingId ?? r.entityId}
                  {r.opdId ? ` · ${props.names.opd(r.opdId)}` : ''}
                </td>
                <td>{label(`console.notify.status.${r.status}`)}</td>
                <td>{r.attempts}</td>
                <td className="cs-details">
                  {r.lastError ?? last?.detail ?? ''}
                  {r.nextAttemptAt && r.status === 'pending' && r.attempts > 0
                    ? ` · ${t('console.notify.nextTry').replace('{when}', when.format(new Date(r.nextAttemptAt)))}`
                    : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="cs-empty">{t('console.notify.empty')}</p>}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t('console.notify.more')}
        </button>
      )}
    </section>
  );
}
