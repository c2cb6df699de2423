import type { WallScreenChoice } from '@pantau/contracts';
import { useEffect, useState } from 'react';
import type { ApiBody } from '@pantau/contracts/api';
import { apiRequest, apiSend } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import type { DashboardState } from './dashboard-state.ts';

type Screen = WallScreenChoice;

/**
 * The operator's "show this on the wall": sends the current drilldown (scene, scope) to a chosen wall
 * screen, which shows it until released or until the given time passes; then the rotation resumes.
 */
export function SendToWall(props: { state: DashboardState }) {
  const t = useT();
  const [screens, setScreens] = useState<Screen[] | null>(null);
  const [screen, setScreen] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    apiRequest('GET /api/wall/screens')
      .then(async (res) => (res.ok ? (await res.json()).screens : []))
      .then((list) => {
        setScreens(list);
        setScreen((s) => s || list[0]?.id || '');
      })
      .catch(() => setScreens([]));
  }, []);
  if (screens === null) return null;
  if (screens.length === 0) return <span className="dash-note">{t('dashboard.noScreens')}</span>;

  const call = async (method: 'POST' | 'DELETE') => {
    const { scene, filter } = props.state;
    const body = {
      scene: (filter.opd && scene === 'ringkasan'
        ? 'opd'
        : scene) as ApiBody<'POST /api/wall/screens/:id/show'>['scene'],
      ...(filter.opd ? { opdId: filter.opd } : {}),
      ...(filter.regency ? { regencyCode: filter.regency } : {}),
    };
    const res =
      method === 'POST'
        ? await apiSend('POST /api/wall/screens/:id/show', { params: { id: screen }, body })
        : await apiSend('DELETE /api/wall/screens/:id/show', { params: { id: screen } });
    if (!res.ok) {
      setMessage(res.message);
      return;
    }
    const name = screens.find((s) => s.id === screen)?.name ?? screen;
    setMessage(method === 'POST' ? t('dashboard.sent').replace('{screen}', name) : t('dashboard.released'));
  };

  return (
    <div className="dash-send" role="group" aria-label={t('dashboard.sendToWall')}>
      <label>
        {t('dashboard.sendTo')}{' '}
        <select value={screen} onChange={(e) => setScreen(e.target.value)} data-testid="wall-screen">
          {screens.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void call('POST')} data-testid="send-to-wall">
        {t('dashboard.send')}
      </button>
      <button type="button" onClick={() => void call('DELETE')} data-testid="release-wall">
        {t('dashboard.release')}
      </button>
      {message && (
        <span className="dash-note" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
