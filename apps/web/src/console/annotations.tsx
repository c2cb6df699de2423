import type { AnnotationView } from '@pantau/contracts';
import { localDateOf, startOfLocalDay, zoneOffsetMinutes } from '@pantau/domain';
import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiSend } from '../api/client.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { ConfirmButton } from './confirm-button.tsx';
import type { ProvinceNames } from './province-names.ts';

/** A date and a time typed in the province's zone, as an instant (whatever the officer's browser zone). */
export function provinceInstant(date: string, time: string, timeZone: string): string {
  const [h, m] = time.split(':').map(Number);
  return new Date(startOfLocalDay(date, timeZone).getTime() + ((h ?? 0) * 60 + (m ?? 0)) * 60_000).toISOString();
}

/** Today's date and the time now, in the province's zone, for the form's defaults. */
function nowInProvince(timeZone: string): { date: string; time: string } {
  const now = new Date();
  const wall = new Date(now.getTime() + zoneOffsetMinutes(now, timeZone) * 60_000);
  return { date: localDateOf(now, timeZone), time: wall.toISOString().slice(11, 16) };
}

/**
 * Catatan peristiwa: the duty desk marks what explains a figure (a flood, a policy, an outage) for the
 * province, an OPD or a kabupaten/kota, in the province's time, and whether the public widgets show it;
 * the list holds every scope's notes, the automatic outage notes among them, and removes a mistaken one.
 */
export function AnnotationsPage(props: { names: ProvinceNames; timeZone: string; tzLabel: string }) {
  const t = useT();
  const [notes, setNotes] = useState<AnnotationView[]>([]);
  // Read once, for the form's first values.
  const [start] = useState(() => nowInProvince(props.timeZone));
  const [text, setText] = useState('');
  const [scope, setScope] = useState('province');
  const [startDate, setStartDate] = useState(start.date);
  const [startTime, setStartTime] = useState(start.time);
  const [endDate, setEndDate] = useState('');
  const [endTime, setEndTime] = useState('');
  const [isPublic, setPublic] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);

  const load = useCallback(async () => {
    const r = await apiGet('GET /api/annotations', { query: { scope: 'all' } });
    if (r) setNotes(r.annotations);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const when = useDateTimeFormat(props.timeZone);
  const scopeName = (s: string) =>
    s === 'province'
      ? t('console.notes.province')
      : s.startsWith('opd:')
        ? props.names.opd(s.slice(4))
        : props.names.regency(s.slice(8));

  const add = async () => {
    setMessage(null);
    if (!text.trim()) return setMessage({ kind: 'error', text: t('console.notes.textRequired') });
    if (!startDate || !startTime) return setMessage({ kind: 'error', text: t('console.notes.startRequired') });
    const r = await apiSend('POST /api/annotations', {
      body: {
        text,
        startsAt: provinceInstant(startDate, startTime, props.timeZone),
        endsAt: endDate ? provinceInstant(endDate, endTime || '23:59', props.timeZone) : null,
        public: isPublic,
        ...(scope.startsWith('opd:') ? { opdId: scope.slice(4) } : {}),
        ...(scope.startsWith('regency:') ? { regencyCode: scope.slice(8) } : {}),
      },
    });
    if (!r.ok) return setMessage({ kind: 'error', text: r.message });
    setText('');
    setPublic(false);
    setMessage({ kind: 'notice', text: t('console.notes.added') });
    await load();
  };

  return (
    <section className="cs-page" aria-labelledby="notes-title">
      <h1 id="notes-title">{t('console.nav.notes')}</h1>
      <p className="cs-note">{t('console.notes.intro')}</p>
      <form
        className="cs-filters cs-notes-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="cs-notes-text">
          {t('console.notes.text')}
          <input value={text} maxLength={200} onChange={(e) => setText(e.target.value)} data-testid="note-text" />
        </label>
        <label>
          {t('console.notes.scope')}
          <select value={scope} onChange={(e) => setScope(e.target.value)} data-testid="note-scope">
            <option value="province">{t('console.notes.province')}</option>
            <optgroup label={t('console.notes.opds')}>
              {props.names.opds.map((o) => (
                <option key={o.id} value={`opd:${o.id}`}>
                  {o.shortName}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('console.notes.regencies')}>
              {props.names.regencies.map((r) => (
                <option key={r.code} value={`regency:${r.code}`}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <DateTimeField
          legend={`${t('console.notes.start')} (${props.tzLabel})`}
          label={t('console.notes.start')}
          date={[startDate, setStartDate]}
          time={[startTime, setStartTime]}
          testId="note-start"
        />
        <DateTimeField
          legend={`${t('console.notes.end')} (${props.tzLabel})`}
          label={t('console.notes.end')}
          date={[endDate, setEndDate]}
          time={[endTime, setEndTime]}
          testId="note-end"
        />
        <label className="cs-check">
          <input
            type="checkbox"
            checked={isPublic}
            onChange={(e) => setPublic(e.target.checked)}
            data-testid="note-public"
          />
          {t('console.notes.public')}
          <small>{t('console.notes.publicHint')}</small>
        </label>
        <button type="submit" data-testid="note-add">
          {t('console.notes.add')}
        </button>
      </form>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className="cs-notice" data-testid="note-message">
          {message.text}
        </p>
      )}
      {notes.length === 0 ? (
        <p className="cs-note">{t('console.notes.none')}</p>
      ) : (
        <table className="cs-table">
          <thead>
            <tr>
              <th scope="col">{t('console.notes.when')}</th>
              <th scope="col">{t('console.notes.scope')}</th>
              <th scope="col">{t('console.notes.text')}</th>
              <th scope="col">{t('console.notes.visibility')}</th>
              <th scope="col" className="cs-notes-action">
                {t('console.notes.remove')}
              </th>
            </tr>
          </thead>
          <tbody>
            {notes.map((n) => (
              <tr key={n.id} data-testid="note-row">
                <td>
                  {n.endsAt
                    ? when.formatRange(new Date(n.startsAt), new Date(n.endsAt))
                    : n.source
                      ? `${when.format(new Date(n.startsAt))} – ${t('console.notes.ongoing')}`
                      : when.format(new Date(n.startsAt))}{' '}
                  {props.tzLabel}
                </td>
                <td>{scopeName(n.scope)}</td>
                <td>
                  {n.text}
                  {n.source && <small className="cs-notes-auto"> · {t('console.notes.automatic')}</small>}
                </td>
                <td data-testid="note-public-mark">
                  {n.public ? t('console.notes.isPublic') : t('console.notes.isInternal')}
                </td>
                <td>
                  {!n.source && (
                    <ConfirmButton
                      label={t('console.notes.remove')}
                      question={t('console.notes.confirmRemove')}
                      confirmLabel={t('console.notes.confirmYes')}
                      testId="note-remove"
                      onConfirm={() =>
                        void apiSend('DELETE /api/annotations/:id', { params: { id: String(n.id) } }).then((r) => {
                          if (!r.ok) setMessage({ kind: 'error', text: r.message });
                          return load();
                        })
                      }
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A date and a time typed together (in the province's zone, said in the legend). */
function DateTimeField(props: {
  legend: string;
  label: string;
  date: [string, (v: string) => void];
  time: [string, (v: string) => void];
  testId: string;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <input
        type="date"
        aria-label={`${props.label}: ${t('console.notes.date')}`}
        value={props.date[0]}
        onChange={(e) => props.date[1](e.target.value)}
        data-testid={`${props.testId}-date`}
      />
      <input
        type="time"
        aria-label={`${props.label}: ${t('console.notes.time')}`}
        value={props.time[0]}
        onChange={(e) => props.time[1](e.target.value)}
        data-testid={`${props.testId}-time`}
      />
    </fieldset>
  );
}
