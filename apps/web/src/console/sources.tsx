import type { ConnectorView, SourcesView, SourceView } from '@pantau/contracts';
import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiSend } from '../api/client.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import type { ProvinceNames } from './province-names.ts';
import { ConfirmButton } from './confirm-button.tsx';

/**
 * Sumber data: every source with its freshness (fresh, late, never reported), last success and last error;
 * each pull connector with its cursor, back-off and pause. Admins issue a key (shown once), revoke it (after
 * a confirmation) and pause or resume a connector; duty officers read.
 */
export function SourcesPage(props: { names: ProvinceNames; timeZone: string; tzLabel: string }) {
  const t = useT();
  const [view, setView] = useState<SourcesView | null>(null);
  const [form, setForm] = useState({ id: '', label: '' });
  const [issued, setIssued] = useState<{ id: string; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => setView(await apiGet('GET /api/sources')), []);
  useEffect(() => {
    void load();
  }, [load]);
  const when = useDateTimeFormat(props.timeZone);
  const at = (iso: string | null) => (iso ? `${when.format(new Date(iso))} ${props.tzLabel}` : '–');
  const freshness = (s: SourceView) =>
    s.fresh === null ? t('console.sources.never') : s.fresh ? t('console.sources.fresh') : t('console.sources.late');
  const act = async (done: Promise<{ ok: true } | { ok: false; message: string }>) => {
    setError(null);
    const r = await done;
    if (!r.ok) setError(r.message);
    await load();
  };
  const canEdit = view?.canEdit === true;
  const nextLabel = (k: ConnectorView) =>
    k.pausedAt ? `${t('console.sources.paused')} (${k.pausedBy ?? ''}, ${at(k.pausedAt)})` : at(k.nextAttemptAt);

  return (
    <section className="cs-page sources-page" aria-labelledby="sources-title">
      <h1 id="sources-title">{t('console.sources.title')}</h1>
      {canEdit && (
        <form
          className="cs-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            void apiSend('POST /api/sources', { body: form }).then(async (r) => {
              if (!r.ok) return setError(r.message);
              setIssued(r.body);
              setForm({ id: '', label: '' });
              await load();
            });
          }}
        >
          <label>
            {t('console.sources.id')}
            <input value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value })} data-testid="source-id" />
          </label>
          <label>
            {t('console.sources.label')}
            <input
              value={form.label}
              onChange={(e) => setForm({ ...form, label: e.target.value })}
              data-testid="source-label"
            />
          </label>
          <button type="submit" data-testid="source-issue">
            {t('console.sources.issue')}
          </button>
        </form>
      )}
      {issued && (
        <p className="cs-notice" role="status">
          {t('console.sources.keyOnce').replace('{id}', issued.id)} <code data-testid="source-key">{issued.key}</code>
        </p>
      )}
      {error && (
        <p className="cs-error" role="alert">
          {error}
        </p>
      )}
      <table className="cs-table" data-testid="sources-table">
        <caption>{t('console.sources.sources')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.sources.source')}</th>
            <th scope="col">{t('console.sources.state')}</th>
            <th scope="col">{t('console.sources.lastReport')}</th>
            <th scope="col">{t('console.sources.lastError')}</th>
            <th scope="col">{t('console.sources.key')}</th>
          </tr>
        </thead>
        <tbody>
          {(view?.sources ?? []).map((s) => (
            <tr key={s.id} data-testid="source-row" data-id={s.id} data-fresh={String(s.fresh)}>
              <td>
                {s.label} <span className="cs-note">({s.id})</span>
              </td>
              <td className={s.fresh === false ? 'sources-late' : undefined}>{freshness(s)}</td>
              <td>{at(s.lastDeliveryAt)}</td>
              <td>{s.lastError ? `${s.lastError} (${at(s.lastErrorAt)})` : '–'}</td>
              <td>
                {s.hasKey ? t('console.sources.hasKey') : t('console.sources.noKey')}
                {canEdit && s.hasKey && (
                  <ConfirmButton
                    label={t('console.devices.revoke')}
                    question={t('console.sources.confirmRevoke')}
                    confirmLabel={t('console.devices.confirmYes')}
                    testId="source-revoke"
                    onConfirm={() => void act(apiSend('DELETE /api/sources/:id/key', { params: { id: s.id } }))}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="cs-table" data-testid="connectors-table">
        <caption>{t('console.sources.connectors')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.sources.connector')}</th>
            <th scope="col">{t('console.filter.opd')}</th>
            <th scope="col">{t('console.sources.lastSuccess')}</th>
            <th scope="col">{t('console.sources.next')}</th>
            <th scope="col">{t('console.sources.failures')}</th>
            <th scope="col">{t('console.sources.cursor')}</th>
            {canEdit && <th scope="col" />}
          </tr>
        </thead>
        <tbody>
          {view && view.connectors.length === 0 && (
            <tr>
              <td colSpan={canEdit ? 7 : 6} className="cs-note" data-testid="connectors-none">
                {t('console.sources.noConnectors')}
              </td>
            </tr>
          )}
          {(view?.connectors ?? []).map((k) => (
            <tr key={`${k.kind}:${k.id}`} data-testid="connector-row" data-id={k.id} data-paused={String(!!k.pausedAt)}>
              <td>{k.label}</td>
              <td>{props.names.opd(k.opdId)}</td>
              <td>{at(k.lastSuccessAt)}</td>
              <td>{nextLabel(k)}</td>
              <td>
                {k.failures}
                {k.lastError ? ` · ${k.lastError}` : ''}
              </td>
              <td>
                <code className="sources-cursor">{k.cursor === null ? '–' : JSON.stringify(k.cursor)}</code>
              </td>
              {canEdit && (
                <td>
                  <button
                    type="button"
                    data-testid="connector-toggle"
                    onClick={() =>
                      void act(
                        apiSend(
                          k.pausedAt
                            ? 'POST /api/sources/connectors/:kind/:id/resume'
                            : 'POST /api/sources/connectors/:kind/:id/pause',
                          { params: { kind: k.kind, id: k.id } },
                        ),
                      )
                    }
                  >
                    {k.pausedAt ? t('console.sources.resume') : t('console.sources.pause')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
