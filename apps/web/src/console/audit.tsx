import type { AuditRow } from '@pantau/contracts';
import { useCallback, useContext, useEffect, useState } from 'react';
import { intlTag, LocaleContext, useT } from '../i18n/index.ts';
import { useLabel, type LabelGroup } from '../i18n/labels.ts';
import type { ProvinceNames } from './province-names.ts';
import { OpdSelect } from './opd-select.tsx';
import { apiGet, apiSend } from '../api/client.ts';

type Entry = AuditRow;

/**
 * An entry's details as labelled pairs people can read: field names from the catalog, yes/no for flags,
 * event codes and OPD ids by name (nested values stay JSON).
 */
function detailsText(
  details: Record<string, unknown>,
  label: (group: LabelGroup, code: string) => string,
  opdName: (id: string | null) => string,
  yesNo: [string, string],
): string {
  const value = (k: string, v: unknown): string => {
    if (typeof v === 'boolean') return v ? yesNo[0] : yesNo[1];
    if (typeof v !== 'string') return JSON.stringify(v);
    if (k === 'type' || k === 'event') return label('event', v);
    if (k === 'opdId') return opdName(v);
    return v;
  };
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${label('auditField', k)}: ${value(k, v)}`)
    .join(' · ');
}

/** The hash-chained audit log: filters by actor, item, OPD and time; a button that verifies the chain. */
export function AuditPage(props: { names: ProvinceNames; timeZone: string; tzLabel: string }) {
  const t = useT();
  const label = useLabel();
  const locale = useContext(LocaleContext);
  const [filter, setFilter] = useState({ actor: '', item: '', opd: '', from: '', to: '' });
  const [entries, setEntries] = useState<Entry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<string | null>(null);
  const query = useCallback(
    (before?: number) => {
      const q = new URLSearchParams();
      if (filter.actor) q.set('actor', filter.actor);
      if (filter.item) q.set('item', filter.item);
      if (filter.opd) q.set('opd', filter.opd);
      if (filter.from) q.set('from', new Date(filter.from).toISOString());
      if (filter.to) q.set('to', new Date(filter.to).toISOString());
      if (before) q.set('before', String(before));
      return q.toString();
    },
    [filter],
  );
  const load = useCallback(async () => {
    const r = await apiGet('GET /api/audit', { query: query() });
    if (r) {
      setEntries(r.entries);
      setNext(r.nextBefore);
    }
  }, [query]);
  useEffect(() => {
    void load();
    // Load once; later loads come from the filter button (load changes with every keystroke).
  }, []);
  const more = async () => {
    if (!next) return;
    const r = await apiGet('GET /api/audit', { query: query(next) });
    if (r) {
      setEntries((e) => [...e, ...r.entries]);
      setNext(r.nextBefore);
    }
  };
  const verify = async () => {
    const r = await apiSend('POST /api/audit/verify');
    if (!r.ok) return setVerdict(r.message);
    setVerdict(
      r.body.ok
        ? t('console.audit.ok').replace('{n}', String(r.body.checked))
        : t('console.audit.broken')
            .replace('{seq}', String(r.body.firstBroken?.seq))
            .replace('{reason}', r.body.firstBroken?.reason ?? ''),
    );
  };
  const when = new Intl.DateTimeFormat(intlTag[locale], {
    timeZone: props.timeZone,
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  const field = (k: keyof typeof filter, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        value={filter[k]}
        onChange={(e) => setFilter({ ...filter, [k]: e.target.value })}
        data-testid={`audit-${k}`}
      />
    </label>
  );
  return (
    <section className="cs-page" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('console.nav.audit')}</h1>
      <form
        className="cs-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        {field('actor', t('console.audit.actor'))}
        {field('item', t('console.audit.item'))}
        <label>
          {t('console.filter.opd')}
          <OpdSelect
            names={props.names}
            value={filter.opd}
            onChange={(opd) => setFilter({ ...filter, opd })}
            empty={t('console.filter.all')}
          />
        </label>
        {field('from', t('console.audit.from'), 'datetime-local')}
        {field('to', t('console.audit.to'), 'datetime-local')}
        <button type="submit" data-testid="audit-filter">
          {t('console.audit.filter')}
        </button>
        <button type="button" onClick={() => void verify()} data-testid="audit-verify">
          {t('console.audit.verify')}
        </button>
      </form>
      {verdict && (
        <p role="status" className="cs-notice" data-testid="audit-verdict">
          {verdict}
        </p>
      )}
      <table className="cs-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('console.audit.when')}</th>
            <th>{t('console.audit.actor')}</th>
            <th>{t('console.audit.action')}</th>
            <th>{t('console.audit.item')}</th>
            <th>{t('console.filter.opd')}</th>
            <th>{t('console.audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} data-testid="audit-row">
              <td>{e.seq}</td>
              <td>
                {when.format(new Date(e.at))} {props.tzLabel}
              </td>
              <td>
                {e.actorName ??
                  (e.actor.startsWith('system:') || e.actor === 'cli' ? t('console.audit.system') : e.actor)}
              </td>
              <td data-action={e.action}>{label('audit', e.action)}</td>
              <td>{e.itemRef ?? `${label('kind', e.entity)} ${e.entityId}`}</td>
              <td>{props.names.opd(e.opdId)}</td>
              <td className="cs-details">
                {detailsText(e.details, label, props.names.opd, [t('console.audit.yes'), t('console.audit.no')])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <button type="button" onClick={() => void more()}>
          {t('console.audit.more')}
        </button>
      )}
    </section>
  );
}
