import type { SessionResponse } from '@pantau/contracts';
import { useEffect, useRef, useState } from 'react';
import type { ApiBody } from '@pantau/contracts/api';
import { apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { useLabel } from '../i18n/labels.ts';
import { OpdSelect } from './opd-select.tsx';
import type { ProvinceNames } from './province-names.ts';

const CLASSIFICATIONS = ['pengaduan', 'aspirasi', 'permintaan_informasi', 'wbs', 'lainnya'] as const;

/**
 * A complaint someone brings to the desk or phones in, typed by the officer. The server validates it
 * like any source's (the field it names is focused) and gives the tracking id, which the officer reads
 * back to the reporter.
 */
export function WalkInForm(props: {
  session: SessionResponse;
  names: ProvinceNames;
  onDone: (recorded: { id: string; trackingId: string }) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const label = useLabel();
  const own = props.session.user.role === 'opd_admin' ? (props.session.user.opdId ?? '') : '';
  const [f, setF] = useState({
    channel: 'tatap_muka',
    classification: 'pengaduan',
    title: '',
    body: '',
    topic: '',
    regencyCode: '',
    opdId: own,
    name: '',
    contact: '',
    isAnonim: false,
    isRahasia: false,
  });
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  const submit = async () => {
    const body: Record<string, unknown> = {
      channel: f.channel,
      classification: f.classification,
      title: f.title,
      body: f.body,
      isAnonim: f.isAnonim,
      isRahasia: f.isRahasia,
    };
    if (f.topic.trim()) body.topic = f.topic.trim();
    if (f.regencyCode) body.regencyCode = f.regencyCode;
    if (f.opdId) body.opdId = f.opdId;
    if (f.name.trim() || f.contact.trim())
      body.reporter = {
        ...(f.name.trim() ? { name: f.name.trim() } : {}),
        ...(f.contact.trim() ? { contact: f.contact.trim() } : {}),
      };
    const r = await apiSend('POST /api/complaints/walk-in', { body: body as ApiBody<'POST /api/complaints/walk-in'> });
    if (!r.ok) return setError(r.message);
    props.onDone(r.body);
  };
  return (
    <form
      className="cs-walkin"
      aria-labelledby="walkin-title"
      data-testid="walkin-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <h2 id="walkin-title">{t('console.walkin.title')}</h2>
      <label>
        {t('console.col.channel')}
        <select
          ref={first}
          value={f.channel}
          onChange={(e) => set({ channel: e.target.value })}
          data-testid="walkin-channel"
        >
          <option value="tatap_muka">{label('channel', 'tatap_muka')}</option>
          <option value="telepon">{label('channel', 'telepon')}</option>
        </select>
      </label>
      <label>
        {t('console.walkin.classification')}
        <select value={f.classification} onChange={(e) => set({ classification: e.target.value })}>
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {label('classification', c)}
            </option>
          ))}
        </select>
      </label>
      <label className="cs-wide">
        {t('console.walkin.subject')}
        <input
          required
          maxLength={200}
          value={f.title}
          onChange={(e) => set({ title: e.target.value })}
          data-testid="walkin-title"
        />
      </label>
      <label className="cs-wide">
        {t('console.walkin.body')}
        <textarea
          required
          maxLength={10_000}
          rows={4}
          value={f.body}
          onChange={(e) => set({ body: e.target.value })}
          data-testid="walkin-body"
        />
      </label>
      <label>
        {t('console.col.topic')}
        <input maxLength={100} value={f.topic} onChange={(e) => set({ topic: e.target.value })} />
      </label>
      <label>
        {t('console.col.regency')}
        <select
          value={f.regencyCode}
          onChange={(e) => set({ regencyCode: e.target.value })}
          data-testid="walkin-regency"
        >
          <option value="">–</option>
          {props.names.regencies.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('console.walkin.opd')}
        {own ? (
          <strong>{props.names.opd(own)}</strong>
        ) : (
          <OpdSelect
            names={props.names}
            value={f.opdId}
            onChange={(opdId) => set({ opdId })}
            empty={t('console.walkin.noOpd')}
            testId="walkin-opd"
          />
        )}
      </label>
      <label>
        {t('console.walkin.name')}
        <input maxLength={200} value={f.name} onChange={(e) => set({ name: e.target.value })} autoComplete="off" />
      </label>
      <label>
        {t('console.walkin.contact')}
        <input
          maxLength={200}
          value={f.contact}
          onChange={(e) => set({ contact: e.target.value })}
          autoComplete="off"
        />
      </label>
      <label className="cs-check">
        <input type="checkbox" checked={f.isAnonim} onChange={(e) => set({ isAnonim: e.target.checked })} />
        {t('console.walkin.anonim')}
      </label>
      <label className="cs-check">
        <input type="checkbox" checked={f.isRahasia} onChange={(e) => set({ isRahasia: e.target.checked })} />
        {t('console.walkin.rahasia')}
      </label>
      {error && (
        <p role="alert" className="cs-error" data-testid="walkin-error">
          {error}
        </p>
      )}
      <p className="cs-wide">
        <button type="submit" data-testid="walkin-submit">
          {t('console.walkin.submit')}
        </button>{' '}
        <button type="button" onClick={props.onCancel}>
          {t('console.walkin.cancel')}
        </button>
      </p>
    </form>
  );
}
