import type { ComplaintSettingsView, EscalationStepView } from '@pantau/contracts';
import { useCallback, useContext, useEffect, useState } from 'react';
import type { ApiBody } from '@pantau/contracts/api';
import { apiGet, apiSend } from '../api/client.ts';
import { formatNumber, LocaleContext, useT } from '../i18n/index.ts';

type RuleKey = 'verifyDispatchHK' | 'opdFollowUpHK' | 'autoCloseHK' | 'atRiskHK';
const RULES: RuleKey[] = ['verifyDispatchHK', 'opdFollowUpHK', 'autoCloseHK', 'atRiskHK'];
const TIERS = ['ringan', 'sedang', 'berat'] as const;

interface Draft {
  rules: Record<RuleKey, number>;
  tiers: Record<(typeof TIERS)[number], number>;
  ladder: EscalationStepView[];
}

const draftOf = (v: ComplaintSettingsView): Draft => ({
  rules: {
    verifyDispatchHK: v.rules.verifyDispatchHK,
    opdFollowUpHK: v.rules.opdFollowUpHK,
    autoCloseHK: v.rules.autoCloseHK,
    atRiskHK: v.rules.atRiskHK,
  },
  tiers: { ...v.rules.completionTiersHK },
  ladder: v.ladder.map((s) => ({ ...s, label: { ...s.label } })),
});

/**
 * Aturan & tangga eskalasi: the complaint step deadlines, completion tiers, at-risk threshold and
 * auto-close in working days, and the escalation ladder (who is responsible at each level, after how many
 * working days overdue). Admins edit, see first how many open deadlines would move, then save (audited;
 * every open deadline is recomputed); others read.
 */
export function RulesPage(props: { isAdmin: boolean }) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const [view, setView] = useState<ComplaintSettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [preview, setPreview] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  const load = useCallback(async () => {
    const v = await apiGet('GET /api/complaints/settings');
    setView(v);
    if (v) setDraft(draftOf(v));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  if (!view || !draft) return <p className="cs-note">{t('console.loading')}</p>;
  const ro = !props.isAdmin;
  const change = (d: Draft) => {
    setDraft(d);
    setPreview(null);
    setMessage(null);
  };
  const body = () => ({
    rules: { ...draft.rules, completionTiersHK: draft.tiers },
    ladder: draft.ladder.map((s, i) => ({ ...s, level: i + 1 })),
    labels: view.overrides.labels,
  });
  const send = async (asPreview: boolean) => {
    const r = await apiSend('PUT /api/complaints/settings', {
      query: asPreview ? { preview: true } : undefined,
      // The stored overrides' labels come back as plain strings; the server checks each status.
      body: body() as ApiBody<'PUT /api/complaints/settings'>,
    });
    if (!r.ok) return setMessage({ kind: 'error', text: r.message });
    if (asPreview) return setPreview(r.body.deadlinesMoving ?? 0);
    setPreview(null);
    setMessage({
      kind: 'notice',
      text: t('console.calendar.saved').replace('{n}', formatNumber(locale, r.body.deadlinesMoving ?? 0)),
    });
    await load();
  };
  const num = (value: number, onChange: (n: number) => void, testId: string, label: string) => (
    <input
      type="number"
      min={0}
      max={365}
      value={value}
      disabled={ro}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => onChange(Number(e.target.value))}
    />
  );
  const step = (i: number, patch: Partial<EscalationStepView>) =>
    change({ ...draft, ladder: draft.ladder.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  return (
    <section className="cs-page rules-page" aria-labelledby="rules-title">
      <h1 id="rules-title">{t('console.rules.title')}</h1>
      {view.warnings.map((w) => (
        <p key={w} className="cs-error" role="alert">
          {w}
        </p>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send(preview === null);
        }}
      >
        <fieldset className="rules-set">
          <legend>{t('console.rules.deadlines')}</legend>
          {RULES.map((k) => (
            <label key={k}>
              {t(`console.rules.${k}`)}
              {num(
                draft.rules[k],
                (n) => change({ ...draft, rules: { ...draft.rules, [k]: n } }),
                `rule-${k}`,
                t(`console.rules.${k}`),
              )}
              <span className="cs-note">{t('console.rules.hk')}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="rules-set">
          <legend>{t('console.rules.tiers')}</legend>
          {TIERS.map((k) => (
            <label key={k}>
              {t(`console.rules.tier.${k}`)}
              {num(
                draft.tiers[k],
                (n) => change({ ...draft, tiers: { ...draft.tiers, [k]: n } }),
                `tier-${k}`,
                t(`console.rules.tier.${k}`),
              )}
              <span className="cs-note">{t('console.rules.hk')}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="rules-set">
          <legend>{t('console.rules.ladder')}</legend>
          <table className="cs-table" data-testid="ladder-table">
            <thead>
              <tr>
                <th scope="col">{t('console.rules.level')}</th>
                <th scope="col">{t('console.rules.role')}</th>
                <th scope="col">{t('console.rules.after')}</th>
                <th scope="col">{t('console.rules.labelId')}</th>
                <th scope="col">{t('console.rules.labelEn')}</th>
                {!ro && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {draft.ladder.map((s, i) => (
                <tr key={i} data-testid="ladder-row">
                  <th scope="row">{i + 1}</th>
                  <td>
                    <input
                      value={s.role}
                      disabled={ro}
                      aria-label={`${t('console.rules.role')} ${i + 1}`}
                      onChange={(e) => step(i, { role: e.target.value })}
                    />
                  </td>
                  <td>
                    {num(
                      s.afterOverdueHK,
                      (n) => step(i, { afterOverdueHK: n }),
                      `ladder-after-${i + 1}`,
                      `${t('console.rules.after')} ${i + 1}`,
                    )}
                  </td>
                  <td>
                    <input
                      value={s.label.id}
                      disabled={ro}
                      aria-label={`${t('console.rules.labelId')} ${i + 1}`}
                      data-testid={`ladder-label-${i + 1}`}
                      onChange={(e) => step(i, { label: { ...s.label, id: e.target.value } })}
                    />
                  </td>
                  <td>
                    <input
                      value={s.label.en}
                      disabled={ro}
                      aria-label={`${t('console.rules.labelEn')} ${i + 1}`}
                      onChange={(e) => step(i, { label: { ...s.label, en: e.target.value } })}
                    />
                  </td>
                  {!ro && (
                    <td>
                      <button
                        type="button"
                        disabled={draft.ladder.length === 1}
                        onClick={() => change({ ...draft, ladder: draft.ladder.filter((_, j) => j !== i) })}
                      >
                        {t('console.calendar.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {!ro && (
            <button
              type="button"
              data-testid="ladder-add"
              onClick={() => {
                const last = draft.ladder.at(-1);
                change({
                  ...draft,
                  ladder: [
                    ...draft.ladder,
                    {
                      level: draft.ladder.length + 1,
                      role: '',
                      afterOverdueHK: (last?.afterOverdueHK ?? 0) + 1,
                      label: { id: '', en: '' },
                    },
                  ],
                });
              }}
            >
              {t('console.rules.addLevel')}
            </button>
          )}
        </fieldset>
        {!ro && (
          <div className="cal-actions">
            {preview !== null && (
              <span data-testid="rules-preview" role="status">
                {t('console.calendar.preview').replace('{n}', formatNumber(locale, preview))}
              </span>
            )}
            <button type="submit" data-testid={preview === null ? 'rules-preview-button' : 'rules-confirm'}>
              {preview === null ? t('console.calendar.previewButton') : t('console.calendar.confirm')}
            </button>
            <button type="button" onClick={() => change(draftOf(view))}>
              {t('console.calendar.cancel')}
            </button>
          </div>
        )}
        {message && (
          <p
            className={message.kind === 'error' ? 'cs-error' : 'cs-notice'}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid="rules-message"
          >
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
