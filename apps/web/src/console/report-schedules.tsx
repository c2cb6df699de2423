import type { ReportScheduleBody, ReportScheduleView } from '@pantau/contracts';
import { useEffect, useState } from 'react';
import { apiRequest, apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { OpdSelect } from './opd-select.tsx';
import type { ProvinceNames } from './province-names.ts';

const EMPTY = { name: '', cadence: 'weekly' as ReportScheduleBody['cadence'], opdId: '', recipients: '' };

/** Addresses typed one per line or separated by commas. */
const addresses = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);

/**
 * Scheduled leadership reports (admins): each Monday for the week before or each 1st for the month
 * before, the province's or an OPD's report mailed to the addresses listed. Hidden for anyone the server
 * does not let manage them.
 */
export function ReportSchedules(props: { names: ProvinceNames }) {
  const t = useT();
  const [list, setList] = useState<ReportScheduleView[] | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [message, setMessage] = useState<string | null>(null);
  const load = () =>
    apiRequest('GET /api/reports/schedules')
      .then(async (r) => setList(r.ok ? (await r.json()).schedules : null))
      .catch(() => setList(null));
  useEffect(() => void load(), []);
  if (list === null) return null;

  const bodyOf = (s: ReportScheduleView, enabled: boolean): ReportScheduleBody => ({
    name: s.name,
    cadence: s.cadence,
    opdId: s.opdId,
    recipients: s.recipients,
    enabled,
  });
  const after = async (res: { ok: boolean; message?: string }, ok: string) => {
    setMessage(res.ok ? ok : (res.message ?? null));
    if (res.ok) await load();
    return res.ok;
  };
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const body: ReportScheduleBody = {
      name: form.name.trim(),
      cadence: form.cadence,
      opdId: form.opdId || null,
      recipients: addresses(form.recipients),
      enabled: true,
    };
    if (await after(await apiSend('POST /api/reports/schedules', { body }), t('reports.schedule.saved')))
      setForm(EMPTY);
  };

  return (
    <>
      <h2 id="schedules-title">{t('reports.schedule.title')}</h2>
      <p className="cs-note">{t('reports.schedule.hint')}</p>
      <table className="cs-table" aria-labelledby="schedules-title" data-testid="schedules">
        <thead>
          <tr>
            <th>{t('reports.schedule.name')}</th>
            <th>{t('reports.schedule.cadence')}</th>
            <th>{t('console.filter.opd')}</th>
            <th>{t('reports.schedule.recipients')}</th>
            <th>{t('reports.schedule.last')}</th>
            <th>{t('reports.schedule.enabled')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((s) => (
            <tr key={s.id} data-testid="schedule-row">
              <td>{s.name}</td>
              <td>{t(`reports.cadence.${s.cadence}`)}</td>
              <td>{s.opdId ? props.names.opd(s.opdId) : t('console.reports.province')}</td>
              <td>{s.recipients.join(', ')}</td>
              <td>{s.lastPeriod ?? '–'}</td>
              <td>
                <input
                  type="checkbox"
                  checked={s.enabled}
                  aria-label={`${t('reports.schedule.enabled')}: ${s.name}`}
                  onChange={async (e) => {
                    const enabled = e.target.checked;
                    // Shown at once; the list is read again after the server answers.
                    setList(list.map((x) => (x.id === s.id ? { ...x, enabled } : x)));
                    await after(
                      await apiSend('PUT /api/reports/schedules/:id', {
                        params: { id: s.id },
                        body: bodyOf(s, enabled),
                      }),
                      t('reports.schedule.saved'),
                    );
                  }}
                />
              </td>
              <td>
                <button
                  type="button"
                  onClick={async () =>
                    after(
                      await apiSend('DELETE /api/reports/schedules/:id', { params: { id: s.id } }),
                      t('reports.schedule.deleted'),
                    )
                  }
                >
                  {t('reports.schedule.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.length === 0 && <p className="cs-empty">{t('reports.schedule.none')}</p>}
      <form className="cs-filters" onSubmit={(e) => void add(e)} data-testid="schedule-form">
        <label>
          {t('reports.schedule.name')}
          <input
            value={form.name}
            required
            maxLength={120}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            data-testid="schedule-name"
          />
        </label>
        <label>
          {t('reports.schedule.cadence')}
          <select
            value={form.cadence}
            onChange={(e) => setForm({ ...form, cadence: e.target.value as typeof form.cadence })}
            data-testid="schedule-cadence"
          >
            <option value="weekly">{t('reports.cadence.weekly')}</option>
            <option value="monthly">{t('reports.cadence.monthly')}</option>
          </select>
        </label>
        <label>
          {t('console.filter.opd')}
          <OpdSelect
            names={props.names}
            value={form.opdId}
            onChange={(opdId) => setForm({ ...form, opdId })}
            empty={t('console.reports.province')}
            testId="schedule-opd"
          />
        </label>
        <label>
          {t('reports.schedule.recipients')}
          <input
            type="text"
            value={form.recipients}
            required
            placeholder="kadis@contoh.go.id, sekretariat@contoh.go.id"
            onChange={(e) => setForm({ ...form, recipients: e.target.value })}
            data-testid="schedule-recipients"
          />
        </label>
        <button type="submit" className="cs-button" data-testid="schedule-add">
          {t('reports.schedule.add')}
        </button>
      </form>
      {message && (
        <p className="cs-note" role="status">
          {message}
        </p>
      )}
    </>
  );
}
