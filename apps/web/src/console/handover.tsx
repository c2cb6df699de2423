import type { HandoverGroup } from '@pantau/contracts';
import { useContext, useEffect, useState } from 'react';
import { formatNumber, LocaleContext, useDateTimeFormat, useT } from '../i18n/index.ts';
import type { ProvinceNames } from './province-names.ts';
import { apiGet } from '../api/client.ts';

/**
 * The shift handover: per officer, what they own that is still open, most urgent first. Follows the
 * live worklist (`seq`), so a change made while it is open shows at once.
 */
export function Handover(props: { names: ProvinceNames; timeZone: string; tzLabel: string; seq: number }) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const [groups, setGroups] = useState<HandoverGroup[] | null>(null);
  useEffect(() => {
    void apiGet('GET /api/worklist/handover').then((r) => r && setGroups(r.groups));
  }, [props.seq]);
  const when = useDateTimeFormat(props.timeZone);
  return (
    <section className="cs-handover" aria-labelledby="handover-title" data-testid="handover">
      <h2 id="handover-title">{t('console.handover.title')}</h2>
      {groups === null && <p>{t('console.loading')}</p>}
      {groups?.length === 0 && <p>{t('console.handover.empty')}</p>}
      {groups?.map((g) => (
        <details key={g.assigneeId} open>
          <summary>
            <strong>{g.assigneeName}</strong> —{' '}
            {t('console.handover.counts')
              .replace('{n}', formatNumber(locale, g.total))
              .replace('{overdue}', formatNumber(locale, g.overdue))
              .replace('{atRisk}', formatNumber(locale, g.atRisk))}
          </summary>
          <ul>
            {g.items.map((i) => (
              <li key={`${i.kind}:${i.id}`} className={`cs-${i.deadlineState}`}>
                {t(`console.kind.${i.kind as 'complaint'}`)} {i.trackingId} · {props.names.opd(i.opdId)}
                {i.deadlineAt && (
                  <>
                    {' '}
                    · {t('console.col.deadline')} {when.format(new Date(i.deadlineAt))} {props.tzLabel}
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
