import type { LadderLevelView } from '@pantau/contracts';
import type { NotificationSubscriptionView } from '@pantau/contracts';
import { useEffect, useState } from 'react';
import { isMessageKey, useT } from '../i18n/index.ts';
import type { ProvinceNames } from './province-names.ts';
import { apiGet } from '../api/client.ts';

type LadderLevel = LadderLevelView;

/**
 * The admins' overview of who hears what: every saved subscription with its channels, events, ladder
 * levels, OPDs, quiet hours and mode (set one with PUT /api/notifications/subscriptions/:userId).
 */
export function Subscribers(props: { names: ProvinceNames }) {
  const t = useT();
  const [rows, setRows] = useState<NotificationSubscriptionView[]>([]);
  const [ladder, setLadder] = useState<LadderLevel[]>([]);
  useEffect(() => {
    void apiGet('GET /api/notifications/subscriptions').then((r) => {
      if (!r) return;
      setRows(r.subscriptions);
      setLadder(r.ladder);
    });
  }, []);
  const label = (key: string) => (isMessageKey(key) ? t(key) : key);
  const all = t('console.filter.all');
  return (
    <section className="cs-page" aria-labelledby="subscribers-title">
      <h2 id="subscribers-title">{t('console.notify.subscribers')}</h2>
      <table className="cs-table">
        <thead>
          <tr>
            <th>{t('console.notify.col.to')}</th>
            <th>{t('console.notify.enabled')}</th>
            <th>{t('console.notify.channels')}</th>
            <th>{t('console.notify.events')}</th>
            <th>{t('console.notify.col.levels')}</th>
            <th>OPD</th>
            <th>{t('console.notify.quiet')}</th>
            <th>{t('console.notify.mode')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.userId} data-testid="subscriber-row">
              <td>
                {s.displayName} ({s.username}) · {label(`console.role.${s.role}`)}
              </td>
              <td>{s.enabled ? '✓' : '–'}</td>
              <td>{s.channels.map((c) => label(`console.notify.channel.${c}`)).join(', ') || '–'}</td>
              <td>{s.events.map((e) => label(`console.notify.event.${e}`)).join(', ') || '–'}</td>
              <td>
                {s.levels.length === 0
                  ? all
                  : s.levels.map((l) => ladder.find((x) => x.level === l)?.label.id ?? String(l)).join(', ')}
              </td>
              <td>{s.opdIds.length === 0 ? all : s.opdIds.map((o) => props.names.opd(o)).join(', ')}</td>
              <td>{s.quietHours ? `${s.quietHours.start}–${s.quietHours.end}` : '–'}</td>
              <td>{label(`console.notify.mode.${s.mode}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="cs-empty">{t('console.notify.noSubscribers')}</p>}
    </section>
  );
}
