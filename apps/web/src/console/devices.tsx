import type { WallDevice } from '@pantau/contracts';
import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { ConfirmButton } from './confirm-button.tsx';

type Device = WallDevice;

/** Wall screens: issue a device token (its URL shown once) and revoke one (the wall is disconnected). */
export function DevicesPage() {
  const t = useT();
  const [devices, setDevices] = useState<Device[]>([]);
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await apiGet('GET /api/devices');
    if (r) setDevices(r.devices);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="cs-page" aria-labelledby="devices-title">
      <h1 id="devices-title">{t('console.nav.devices')}</h1>
      <form
        className="cs-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void apiSend('POST /api/devices', { body: { name } }).then((r) => {
            if (!r.ok) return setError(r.message);
            setIssued(r.body.url);
            setName('');
            void load();
          });
        }}
      >
        <label>
          {t('console.devices.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="device-name" />
        </label>
        <button type="submit" data-testid="device-issue">
          {t('console.devices.issue')}
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {issued && (
        <p className="cs-notice">
          {t('console.devices.url')} <code data-testid="device-url">{issued}</code>
        </p>
      )}
      <ul className="cs-list">
        {devices.map((d) => (
          <li key={d.id} data-testid="device-row">
            <strong>{d.name}</strong> ({d.id}) · {t('console.devices.lastSeen')}: {d.lastSeenAt ?? '–'}
            {d.revokedAt ? (
              <> · {t('console.devices.revoked')}</>
            ) : (
              <ConfirmButton
                label={t('console.devices.revoke')}
                question={t('console.devices.confirmRevoke')}
                confirmLabel={t('console.devices.confirmYes')}
                testId="device-revoke"
                onConfirm={() => void apiSend('DELETE /api/devices/:id', { params: { id: d.id } }).then(load)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
