import { useContext, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { WallPlaylists } from '@pantau/contracts';
import { issuesTopicState, opdTopic as topicOfOpd } from '@pantau/contracts/live';
import type { PageProps } from '../page-props.ts';
import { formatClock, formatDate, LocaleContext, useT } from '../i18n/index.ts';
import { useDataAt, useHeartbeat, useLiveRefusal, useLiveTopic } from '../live/use-live.ts';
import { useProvince } from '../province.ts';
import { freshnessOf } from '../scenes/freshness.ts';
import { SCENES } from '../scenes/scenes.tsx';
import { issueSubjectName } from '../scenes/isu.tsx';
import { SCENE_IDS, type LateItem, type SceneId, type SceneProps } from '../scenes/types.ts';
import '../scenes/scenes.css';
import { direct, INITIAL_DIRECTOR, onScreen, type DirectorEvent, type DirectorState } from '../wall/director.ts';
import {
  companions,
  DEFAULT_PLAYLIST,
  negativeSpike,
  newIssues,
  newLateCrossings,
  newlyStale,
  panesFor,
  rotationFor,
  STREAM_SCENE,
  type PlaylistEntry,
} from '../wall/playlist.ts';

const params = new URLSearchParams(window.location.search);
/** `?scene=` pins one scene (operators, tests); `&opd=` picks the OPD of the OPD scene. */
const pinned = (SCENE_IDS as readonly string[]).includes(params.get('scene') ?? '')
  ? (params.get('scene') as SceneId)
  : null;
const pinnedOpd = params.get('opd');
/** `?durations=` overrides every scene's seconds (tests, demos). */
const durationOverride = Number(params.get('durations')) || null;
/** `?alertAt=` overrides the playlist's alert threshold (tests). */
const ALERT_AT = Number(params.get('alertAt')) || null;
const ALERT_SECONDS = Number(params.get('alertSeconds')) || 30;
const PLAYLIST: PlaylistEntry[] = DEFAULT_PLAYLIST.map((e) => ({ ...e, seconds: durationOverride ?? e.seconds }));

function useScreen() {
  const [size, setSize] = useState({ w: window.innerWidth, h: window.innerHeight });
  useEffect(() => {
    const on = () => setSize({ w: window.innerWidth, h: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

/**
 * The video wall: unattended, full screen, for weeks. Rotates through the scenes (the OPD scene through
 * every OPD), jumps to an OPD that crosses the late threshold and then resumes, shows the age of every
 * panel's data, says when it is offline or degraded, and reloads for a new build only once the server
 * answers. Ultra-wide walls show companion scenes beside the rotating one.
 */
export function WallPage(_props: PageProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const { province, offline } = useProvince();
  const screen = useScreen();
  const [now, setNow] = useState(() => new Date());
  // Rotation, alerts and pins: a pure state machine (wall/director.ts); this page only feeds it events.
  const [director, dispatch] = useReducer(
    (state: DirectorState, event: DirectorEvent) => direct(state, event, pinned !== null),
    INITIAL_DIRECTOR,
  );
  const alert = director.alert;
  // Which screen this is (from its device token): what an operator sends it, and its own playlist.
  const [deviceId, setDeviceId] = useState<string | null>(null);
  useEffect(() => {
    const token = window.localStorage.getItem('pantau.deviceToken');
    if (!token) return;
    void fetch('/api/wall/whoami', { headers: { 'x-device-token': token } })
      .then((r) => (r.ok ? (r.json() as Promise<{ id: string }>) : null))
      .then((d) => setDeviceId(d?.id ?? null));
  }, []);
  // The admin's playlist for this screen, else for every screen (the `wall` topic), else the built-in
  // one; `?durations=` overrides the seconds of any.
  const wallTopic = useLiveTopic('wall');
  const playlists: WallPlaylists = wallTopic.state?.playlists ?? {};
  const mine = (deviceId ? playlists[deviceId] : undefined) ?? playlists['*'];
  const fromTopic = mine?.entries ?? wallTopic.state?.playlist;
  const playlistKey = JSON.stringify(fromTopic ?? null);
  // The Isu topic: parsed with its contract (a malformed state is no issue, not a crash).
  const issuesTopic = useLiveTopic('issues');
  const issues = useMemo(() => {
    const parsed = issuesTopicState.safeParse(issuesTopic.state);
    return parsed.success ? parsed.data : null;
  }, [issuesTopic.state]);
  const hasIssue = (issues?.issues.length ?? 0) > 0;
  const playlist = useMemo(
    () =>
      rotationFor(
        fromTopic?.length ? fromTopic.map((e) => ({ ...e, seconds: durationOverride ?? e.seconds })) : PLAYLIST,
        hasIssue,
      ),
    [playlistKey, hasIssue],
  );
  const alertAt = ALERT_AT ?? mine?.lateAlertAt ?? 5;

  // What an operator sent to this screen (the `wall` topic, by this screen's id) wins until released.
  const screens = wallTopic.state?.screens ?? {};
  const sent = deviceId ? screens[deviceId] : undefined;
  const override = sent && (!sent.until || Date.parse(sent.until) > now.getTime()) ? sent : null;

  const allOpds = province?.opds ?? [];
  // The OPD scene rotates over the playlist's OPDs, in its order, or over every OPD.
  const opdKey = JSON.stringify(mine?.opdIds ?? null);
  const opds = useMemo(
    () => (mine?.opdIds?.length ? mine.opdIds.flatMap((id) => allOpds.filter((o) => o.id === id)) : allOpds),
    [opdKey, allOpds],
  );
  const opdIds = useMemo(() => opds.map((o) => o.id), [opds]);
  const {
    scene: current,
    opdId,
    entry,
  } = onScreen(director, { playlist, opdIds, pinned, pinnedOpd, override: override ?? null });

  const provinceTopic = useLiveTopic('province');
  const worklist = useLiveTopic('worklist');
  const opdTopic = useLiveTopic(opdId ? topicOfOpd(opdId) : 'province');
  const heartbeat = useHeartbeat();

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  // The rotation: one timer per scene (the director ignores it while pinned or alerting).
  useEffect(() => {
    if (pinned || alert) return;
    const timer = setTimeout(
      () => dispatch({ type: 'advance', playlist, opdCount: opds.length }),
      entry.seconds * 1000,
    );
    return () => clearTimeout(timer);
  }, [director.rotation, alert, entry.seconds, opds.length, playlist]);
  // An alert lasts its time, then the rotation resumes where it was.
  useEffect(() => {
    if (!alert) return;
    const timer = setTimeout(() => dispatch({ type: 'alert_over' }), Math.max(0, alert.until - Date.now()));
    return () => clearTimeout(timer);
  }, [alert]);

  // Alerts: an OPD whose overdue count newly crosses the threshold.
  const overdueBefore = useRef<Map<string, number> | null>(null);
  const ranking = provinceTopic.state?.complaints?.opdRanking;
  useEffect(() => {
    if (!ranking) return;
    const crossed = newLateCrossings(overdueBefore.current, ranking, alertAt);
    overdueBefore.current = new Map(ranking.map((r) => [r.opdId, r.overdue]));
    if (crossed[0])
      dispatch({
        type: 'alert',
        alert: { kind: 'late', scene: 'opd', opdId: crossed[0], until: Date.now() + ALERT_SECONDS * 1000 },
      });
  }, [ranking]);

  // A source gone stale: jump to its stream's scene, whose panels say how old the data is.
  const staleBefore = useRef<Set<'complaints' | 'ppid' | 'social'> | null>(null);
  useEffect(() => {
    if (!heartbeat) return;
    const stale = new Set(
      (['complaints', 'ppid', 'social'] as const).filter((s) => freshnessOf(heartbeat, s, new Date()).stale),
    );
    const fresh = newlyStale(staleBefore.current, stale);
    staleBefore.current = stale;
    if (fresh[0])
      dispatch({
        type: 'alert',
        alert: {
          kind: 'stale',
          scene: STREAM_SCENE[fresh[0]],
          stream: fresh[0],
          until: Date.now() + ALERT_SECONDS * 1000,
        },
      });
  }, [heartbeat]);

  // A spike of negative mentions: to the social scene.
  const negatives = useRef<Array<{ at: number; negative: number }>>([]);
  const negativeNow = provinceTopic.state?.social?.sentiment.negative;
  useEffect(() => {
    if (negativeNow === undefined) return;
    const at = Date.now();
    // A bounded history: two hours of samples at most.
    negatives.current = [...negatives.current.filter((s) => at - s.at < 2 * 3_600_000), { at, negative: negativeNow }];
    if (negativeSpike(negatives.current))
      dispatch({
        type: 'alert',
        alert: { kind: 'negative', scene: 'sosial', until: Date.now() + ALERT_SECONDS * 1000 },
      });
  }, [negativeNow]);

  // An issue newly detected (complaints and mentions about one subject rising together): to the Isu scene.
  const issuesBefore = useRef<Set<string> | null>(null);
  const regencyNames = useMemo(() => new Map((province?.regencies ?? []).map((r) => [r.code, r.name])), [province]);
  useEffect(() => {
    if (!issues) return;
    const keys = issues.issues.map((i) => `${i.kind}|${i.key}`);
    const fresh = newIssues(issuesBefore.current, keys);
    issuesBefore.current = new Set(keys);
    const first = issues.issues.find((i) => `${i.kind}|${i.key}` === fresh[0]);
    if (first)
      dispatch({
        type: 'alert',
        alert: {
          kind: 'issue',
          scene: 'isu',
          subject: issueSubjectName(first, (code) => regencyNames.get(code) ?? code),
          until: Date.now() + ALERT_SECONDS * 1000,
        },
      });
  }, [issues]);

  // The wall's shell is kept by a service worker, so a reboot during an outage still opens the wall.
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const urls = [
      '/wall',
      ...performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => new URL(u).pathname.startsWith('/assets/')),
    ];
    navigator.serviceWorker
      .register('/wall-sw.js', { scope: '/wall' })
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => reg.active?.postMessage({ type: 'cache', urls }))
      .catch(() => undefined); // no service worker (private mode, old browser): the wall still runs
  }, []);

  // A new build deployed: reload, but only because a heartbeat (the server answering) says so.
  const firstBuild = useRef<string | null>(null);
  useEffect(() => {
    if (!heartbeat) return;
    firstBuild.current ??= heartbeat.build;
    if (heartbeat.build !== firstBuild.current) window.location.reload();
  }, [heartbeat]);

  const connection = provinceTopic.connection;
  const refusal = useLiveRefusal();
  const dataAt = useDataAt();
  const hasToken = Boolean(window.localStorage.getItem('pantau.deviceToken'));
  const isOffline = offline || connection === 'offline';
  const stale = (['complaints', 'ppid', 'social'] as const).some((s) => freshnessOf(heartbeat, s, now).stale);
  const state = provinceTopic.state;
  const late: LateItem[] = worklist.state?.items ?? [];
  const fontSize = Math.max(12, Math.round(screen.h / 58));
  // A pinned scene takes the rotating pane; an ultra-wide wall keeps its companions beside it, so what a
  // pin shows (and what the clipping test measures) is the layout the wall really has.
  const panes = panesFor(screen.w, screen.h);
  const shown = [current, ...companions(current, panes)];
  const alertName = alert?.opdId ? (allOpds.find((o) => o.id === alert.opdId)?.shortName ?? alert.opdId) : '';
  const alertCount = alert?.opdId ? (ranking?.find((r) => r.opdId === alert.opdId)?.overdue ?? 0) : 0;
  const alertText = !alert
    ? ''
    : alert.kind === 'late'
      ? t('wall.alert.late').replace('{opd}', alertName).replace('{n}', String(alertCount))
      : alert.kind === 'stale'
        ? t('wall.alert.stale').replace('{stream}', t(`wall.stream.${alert.stream as 'complaints'}`))
        : alert.kind === 'issue'
          ? t('wall.alert.issue').replace('{subject}', alert.subject ?? '')
          : t('wall.alert.negative');

  const sceneProps = (scene: SceneId): SceneProps | null =>
    province
      ? {
          province,
          state: scene === 'opd' ? opdTopic.state : state,
          late,
          heartbeat,
          now,
          fontSize,
          opdId: opdId ?? undefined,
          issues,
        }
      : null;

  return (
    <div
      className={`wall panes-${panes}`}
      data-testid="wall"
      data-connection={connection}
      data-seq={provinceTopic.seq}
      data-scene={current}
      data-rotation={playlist.map((e) => e.scene).join(',')}
      data-opd={current === 'opd' ? (opdId ?? '') : ''}
      data-panes={panes}
      data-override={override ? 'yes' : 'no'}
      data-issues={issues ? issues.issues.length : ''}
    >
      <header className="wall-header">
        <div>
          <div className="wall-brand">
            {t('app.name')} · <span className="wall-scene-title">{t(`wall.scene.${current}`)}</span>
          </div>
          <div className="wall-sub">{province ? `${t('app.tagline')} · ${province.name}` : t('status.loading')}</div>
        </div>
        <div className="wall-status">
          <span className={`wall-conn wall-conn-${connection}`}>● {t(`connection.${connection}`)}</span>
        </div>
        {province && (
          <div className="wall-clock" data-testid="wall-clock">
            <div className="wall-time">{formatClock(locale, now, province.timeZone, province.timeZoneLabel)}</div>
            <div className="wall-date">{formatDate(locale, now, province.timeZone)}</div>
          </div>
        )}
      </header>
      {refusal === 'unauthorized' ? (
        // Not an outage: this screen's token is missing, revoked or wrong, and only an admin can fix it.
        <div className="banner banner-offline" role="alert" data-testid="token-banner">
          ▲ {hasToken ? t('wall.tokenInvalid') : t('wall.tokenMissing')}
        </div>
      ) : (
        isOffline && (
          <div className="banner banner-offline" role="alert" data-testid="offline-banner">
            ▲ {t('status.offline')}
            {dataAt > 0 && province && (
              <span data-testid="data-age">
                {' '}
                · {t('wall.lastData')}{' '}
                {formatClock(locale, new Date(dataAt), province.timeZone, province.timeZoneLabel)}
              </span>
            )}
          </div>
        )
      )}
      {!isOffline && stale && (
        <div className="banner banner-warning" role="status" data-testid="degraded-banner">
          ● {t('wall.degraded')}
        </div>
      )}
      {override && (
        // Leadership sees who put this view on their wall, and that the rotation is held.
        <div className="banner banner-sent" role="status" data-testid="sent-banner">
          ● {t('wall.sentBy').replace('{who}', override.sentBy ?? t('wall.sentByOperator'))}
        </div>
      )}
      {alert && (
        <div className="banner banner-alert" role="alert" data-testid="alert-banner">
          ▲ {t('wall.alert')}: {alertText}
        </div>
      )}
      <main className="wall-main">
        {shown.map((scene) => {
          const props = sceneProps(scene);
          const Scene = SCENES[scene];
          return (
            <div className="wall-pane" key={scene} data-pane={scene}>
              {props && <Scene {...props} />}
            </div>
          );
        })}
      </main>
    </div>
  );
}
