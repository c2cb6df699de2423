import { useState } from 'react';
import type { ApiBody } from '@pantau/contracts/api';
import { apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';

const DECISIONS = ['dipenuhi', 'dipenuhi_sebagian', 'ditolak', 'tidak_dikuasai', 'belum_didokumentasikan'] as const;
const PASAL17 = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
const PASAL35 = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
type Step = 'decided' | 'extended' | 'delivered' | 'objection_filed' | 'objection_answered';

/**
 * The PPID's own steps, recorded from the drawer: a decision with its kind (a rejection with its
 * Pasal 17 ground), the one extension with its reason, delivery, a keberatan filed or answered. The
 * server applies the lifecycle's rules and names the field it refuses.
 */
export function PpidRecord(props: { requestId: string; revision: number; onDone: (text: string) => void }) {
  const t = useT();
  const [step, setStep] = useState<Step>('decided');
  const [decision, setDecision] = useState<string>('dipenuhi');
  const [ground, setGround] = useState('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState('accepted');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const body: Record<string, unknown> = { event: step, expectedRevision: props.revision };
    if (step === 'decided') {
      body.decision = decision;
      if (ground) body.exclusionGround = ground;
      if (text.trim()) body.note = text.trim();
    } else if (step === 'extended') body.reason = text;
    else if (step === 'objection_filed') {
      body.ground = ground || 'a';
      if (text.trim()) body.note = text.trim();
    } else if (step === 'objection_answered') {
      body.outcome = outcome;
      if (text.trim()) body.note = text.trim();
    }
    const r = await apiSend('POST /api/ppid/requests/:id/record', {
      params: { id: props.requestId },
      // Assembled step by step above; the server's schema is the judge.
      body: body as ApiBody<'POST /api/ppid/requests/:id/record'>,
    });
    if (!r.ok) return setError(r.message);
    setError(null);
    setText('');
    props.onDone(t(`console.ppid.done.${step}`));
  };
  return (
    <form
      className="cs-ppid-record"
      data-testid="ppid-record"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('console.ppid.title')}</h3>
      <label>
        {t('console.ppid.step')}{' '}
        <select value={step} onChange={(e) => setStep(e.target.value as Step)} data-testid="ppid-step">
          {(['decided', 'extended', 'delivered', 'objection_filed', 'objection_answered'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`console.ppid.step.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {step === 'decided' && (
        <>
          <label>
            {t('console.ppid.decision')}{' '}
            <select value={decision} onChange={(e) => setDecision(e.target.value)} data-testid="ppid-decision">
              {DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`console.ppid.decision.${d}`)}
                </option>
              ))}
            </select>
          </label>
          {(decision === 'ditolak' || decision === 'dipenuhi_sebagian') && (
            <label>
              {t('console.ppid.pasal17')}{' '}
              <select value={ground} onChange={(e) => setGround(e.target.value)} data-testid="ppid-ground">
                <option value="">–</option>
                {PASAL17.map((g) => (
                  <option key={g} value={g}>
                    {`Pasal 17 huruf ${g}`}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      {step === 'objection_filed' && (
        <label>
          {t('console.ppid.pasal35')}{' '}
          <select value={ground} onChange={(e) => setGround(e.target.value)}>
            {PASAL35.map((g) => (
              <option key={g} value={g}>
                {`Pasal 35 ayat (1) huruf ${g}`}
              </option>
            ))}
          </select>
        </label>
      )}
      {step === 'objection_answered' && (
        <label>
          {t('console.ppid.outcome')}{' '}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="accepted">{t('console.ppid.outcome.accepted')}</option>
            <option value="rejected">{t('console.ppid.outcome.rejected')}</option>
          </select>
        </label>
      )}
      {step !== 'delivered' && (
        <label className="cs-wide">
          {step === 'extended' ? t('console.ppid.reason') : t('console.ppid.note')}{' '}
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="ppid-text" />
        </label>
      )}
      {error && (
        <p role="alert" className="cs-error" data-testid="ppid-error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="ppid-submit">
        {t('console.ppid.submit')}
      </button>
    </form>
  );
}
