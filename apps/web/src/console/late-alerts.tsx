import type { SessionResponse } from '@pantau/contracts';
import { opdTopic } from '@pantau/contracts/live';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { useLiveTopic } from '../live/use-live.ts';
import { apiGet } from '../api/client.ts';

const SOUND_KEY = 'pantau.alertSound';

/** A short two-tone chime, made on the spot (no audio file to ship or cache). */
function chime(): void {
  const Ctx =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  const gain = ctx.createGain();
  gain.gain.value = 0.08;
  gain.connect(ctx.destination);
  [880, 660].forEach((hz, i) => {
    const osc = ctx.createOscillator();
    osc.frequency.value = hz;
    osc.connect(gain);
    osc.start(ctx.currentTime + i * 0.18);
    osc.stop(ctx.currentTime + i * 0.18 + 0.15);
  });
  setTimeout(() => void ctx.close(), 800);
}

/**
 * The console's own alerts for an officer who is in another tab: the number of overdue items in the
 * tab title, a browser notification when it goes up (once the officer allowed them), and an optional
 * chime. The count is the worklist's (an OPD admin's own OPD), refreshed when its live topic moves.
 */
export function LateAlerts(props: { session: SessionResponse }) {
  const t = useT();
  const user = props.session.user;
  const topic = user.role === 'opd_admin' && user.opdId ? opdTopic(user.opdId) : 'worklist';
  const live = useLiveTopic(topic);
  const [count, setCount] = useState<number | null>(null);
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    'Notification' in window ? Notification.permission : 'unsupported',
  );
  const [sound, setSound] = useState(() => window.localStorage.getItem(SOUND_KEY) === '1');
  const baseTitle = useRef(document.title);
  const previous = useRef<number | null>(null);

  // At most one count a second, however fast the stream moves.
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, 1000 - (Date.now() - last.current));
    const timer = setTimeout(() => {
      last.current = Date.now();
      void apiGet('GET /api/worklist', { query: { deadlineState: 'overdue', offset: 0, limit: 1 } }).then(
        (r) => r && setCount(r.total),
      );
    }, wait);
    return () => clearTimeout(timer);
  }, [live.seq]);

  useEffect(() => {
    if (count === null) return;
    document.title =
      count > 0
        ? `${t('console.alerts.title').replace('{n}', String(count))} · ${baseTitle.current}`
        : baseTitle.current;
    const before = previous.current;
    previous.current = count;
    if (before === null || count <= before) return;
    if (permission === 'granted')
      new Notification(t('console.alerts.notice').replace('{n}', String(count)), {
        body: t('console.alerts.noticeBody').replace('{from}', String(before)).replace('{to}', String(count)),
        tag: 'pantau-late',
      });
    if (sound) chime();
  }, [count]);
  useEffect(() => () => void (document.title = baseTitle.current), []);

  return (
    <span className="cs-alerts">
      {permission === 'default' && (
        <button
          type="button"
          data-testid="alerts-enable"
          onClick={() => void Notification.requestPermission().then(setPermission)}
        >
          {t('console.alerts.enable')}
        </button>
      )}
      <label className="cs-check" data-testid="alerts-sound">
        <input
          type="checkbox"
          checked={sound}
          onChange={(e) => {
            setSound(e.target.checked);
            window.localStorage.setItem(SOUND_KEY, e.target.checked ? '1' : '0');
            if (e.target.checked) chime();
          }}
        />
        {t('console.alerts.sound')}
      </label>
    </span>
  );
}
