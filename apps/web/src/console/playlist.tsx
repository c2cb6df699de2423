import type { WallScreenChoice } from '@pantau/contracts';
import type { WallPlaylistView } from '@pantau/contracts';
import { SCENE_IDS, type SceneIdWire } from '@pantau/contracts/constants';
import { useCallback, useEffect, useState } from 'react';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { useLiveTopic } from '../live/use-live.ts';
import { DEFAULT_PLAYLIST } from '../wall/playlist.ts';
import type { ProvinceNames } from './province-names.ts';
import { apiGet, apiSend } from '../api/client.ts';

type Screen = WallScreenChoice;
interface Draft {
  entries: Array<{ scene: SceneIdWire; seconds: number }>;
  /** null: every OPD. */
  opdIds: string[] | null;
  lateAlertAt: string;
}
const ALL = '*';
const fromView = (v: WallPlaylistView | null): Draft => ({
  entries: v?.entries?.map((e) => ({ ...e })) ?? DEFAULT_PLAYLIST.map((e) => ({ ...e })),
  opdIds: v?.opdIds ?? null,
  lateAlertAt: v?.lateAlertAt ? String(v.lateAlertAt) : '',
});

/**
 * Playlist dinding: the rotation of every wall screen, or of one screen — its scenes in order with their
 * seconds, the OPDs its OPD scene rotates over, the overdue count that interrupts it with an alert — saved
 * and pushed live to the open screens; and the screens, with their last contact and what each shows now.
 */
export function PlaylistPage(props: { names: ProvinceNames; timeZone: string; tzLabel: string }) {
  const t = useT();
  const [screens, setScreens] = useState<Screen[]>([]);
  const [target, setTarget] = useState(ALL);
  const [saved, setSaved] = useState<WallPlaylistView | null>(null);
  const [draft, setDraft] = useState<Draft>(fromView(null));
  const [message, setMessage] = useState<{ kind: 'error' | 'notice'; text: string } | null>(null);
  const wall = useLiveTopic('wall');
  const shown = wall.state?.screens ?? {};
  const playlists = wall.state?.playlists ?? {};

  const load = useCallback(async () => {
    const [s, p] = await Promise.all([
      apiGet('GET /api/wall/screens'),
      apiGet('GET /api/wall/playlist', { query: { screen: target } }),
    ]);
    if (s) setScreens(s.screens);
    const own = p && p.entries ? p : null;
    // A screen without its own playlist starts from the one every screen follows.
    const base =
      own ?? (target === ALL ? null : ((await apiGet('GET /api/wall/playlist', { query: { screen: '*' } })) ?? null));
    setSaved(own);
    setDraft(fromView(base?.entries ? base : null));
  }, [target]);
  useEffect(() => {
    void load();
  }, [load]);

  const when = useDateTimeFormat(props.timeZone);
  const setEntry = (i: number, patch: Partial<Draft['entries'][number]>) =>
    setDraft({ ...draft, entries: draft.entries.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  const swap = (i: number, j: number) => {
    const entries = [...draft.entries];
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    setDraft({ ...draft, entries });
  };
  const save = async () => {
    setMessage(null);
    if (draft.opdIds?.length === 0) return setMessage({ kind: 'error', text: t('console.playlist.opdsEmpty') });
    const r = await apiSend('PUT /api/wall/playlist', {
      body: {
        screen: target,
        entries: draft.entries,
        opdIds: draft.opdIds,
        lateAlertAt: draft.lateAlertAt ? Number(draft.lateAlertAt) : null,
      },
    });
    if (!r.ok) return setMessage({ kind: 'error', text: r.message });
    setMessage({ kind: 'notice', text: t('console.playlist.saved') });
    await load();
  };
  const dropOwn = async () => {
    const r = await apiSend('DELETE /api/wall/playlist', { query: { screen: target } });
    if (!r.ok) return setMessage({ kind: 'error', text: r.message });
    setMessage({ kind: 'notice', text: t('console.playlist.dropped') });
    await load();
  };
  const opdChecked = (id: string) => draft.opdIds === null || draft.opdIds.includes(id);
  const toggleOpd = (id: string) => {
    const all = props.names.opds.map((o) => o.id);
    const current = draft.opdIds ?? all;
    const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
    setDraft({ ...draft, opdIds: next.length === all.length ? null : next });
  };

  return (
    <section className="cs-page playlist-page" aria-labelledby="playlist-title">
      <h1 id="playlist-title">{t('console.playlist.title')}</h1>
      <form
        className="playlist-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="playlist-target">
          {t('console.playlist.for')}
          <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="playlist-target">
            <option value={ALL}>{t('console.playlist.all')}</option>
            {screens.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.id})
              </option>
            ))}
          </select>
          {target !== ALL && (
            <span className="cs-note" data-testid="playlist-own">
              {saved ? t('console.playlist.ownYes') : t('console.playlist.ownNo')}
            </span>
          )}
        </label>
        <fieldset className="rules-set">
          <legend>{t('console.playlist.scenes')}</legend>
          <ol className="playlist-entries">
            {draft.entries.map((e, i) => (
              <li key={i} data-testid="playlist-entry">
                <select
                  value={e.scene}
                  aria-label={`${t('console.playlist.scene')} ${i + 1}`}
                  onChange={(ev) => setEntry(i, { scene: ev.target.value as SceneIdWire })}
                >
                  {SCENE_IDS.map((s) => (
                    <option key={s} value={s}>
                      {t(`wall.scene.${s}`)}
                    </option>
                  ))}
                </select>
                <input
                  type="number"
                  min={5}
                  max={600}
                  value={e.seconds}
                  aria-label={`${t('console.playlist.seconds')} ${i + 1}`}
                  onChange={(ev) => setEntry(i, { seconds: Number(ev.target.value) })}
                />
                <span className="cs-note">{t('console.playlist.secondsUnit')}</span>
                <button
                  type="button"
                  disabled={i === 0}
                  onClick={() => swap(i, i - 1)}
                  aria-label={`${t('console.playlist.up')} ${i + 1}`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={i === draft.entries.length - 1}
                  onClick={() => swap(i, i + 1)}
                  aria-label={`${t('console.playlist.down')} ${i + 1}`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  disabled={draft.entries.length === 1}
                  onClick={() => setDraft({ ...draft, entries: draft.entries.filter((_, j) => j !== i) })}
                  aria-label={`${t('console.calendar.remove')} ${i + 1}`}
                >
                  ✕
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            data-testid="playlist-add"
            onClick={() => setDraft({ ...draft, entries: [...draft.entries, { scene: 'ringkasan', seconds: 20 }] })}
          >
            {t('console.playlist.add')}
          </button>
        </fieldset>
        <fieldset className="rules-set">
          <legend>{t('console.playlist.opds')}</legend>
          <div className="cal-actions">
            <button type="button" onClick={() => setDraft({ ...draft, opdIds: null })}>
              {t('console.playlist.opdsAll')}
            </button>
            <button type="button" data-testid="playlist-opds-none" onClick={() => setDraft({ ...draft, opdIds: [] })}>
              {t('console.playlist.opdsNone')}
            </button>
          </div>
          <div className="playlist-opds">
            {props.names.opds.map((o) => (
              <label key={o.id} className="cs-check">
                <input type="checkbox" checked={opdChecked(o.id)} onChange={() => toggleOpd(o.id)} data-opd={o.id} />
                {o.shortName}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="rules-set">
          <legend>{t('console.playlist.alerts')}</legend>
          <label>
            {t('console.playlist.lateAlertAt')}
            <input
              type="number"
              min={1}
              max={1000}
              placeholder="5"
              value={draft.lateAlertAt}
              data-testid="playlist-late-alert"
              onChange={(e) => setDraft({ ...draft, lateAlertAt: e.target.value })}
            />
          </label>
        </fieldset>
        <div className="cal-actions">
          <button type="submit" data-testid="playlist-save">
            {t('console.playlist.save')}
          </button>
          {target !== ALL && saved && (
            <button type="button" onClick={() => void dropOwn()} data-testid="playlist-drop">
              {t('console.playlist.drop')}
            </button>
          )}
        </div>
        {message && (
          <p
            className={message.kind === 'error' ? 'cs-error' : 'cs-notice'}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid="playlist-message"
          >
            {message.text}
          </p>
        )}
      </form>
      <table className="cs-table" data-testid="screens-table">
        <caption>{t('console.playlist.screens')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.devices.name')}</th>
            <th scope="col">{t('console.devices.lastSeen')}</th>
            <th scope="col">{t('console.playlist.showsNow')}</th>
            <th scope="col">{t('console.playlist.follows')}</th>
          </tr>
        </thead>
        <tbody>
          {screens.map((s) => {
            const o = shown[s.id];
            const live = o && (!o.until || Date.parse(o.until) > Date.now());
            return (
              <tr key={s.id} data-testid="screen-row" data-id={s.id}>
                <td>
                  {s.name} <span className="cs-note">({s.id})</span>
                </td>
                <td>{s.lastSeenAt ? `${when.format(new Date(s.lastSeenAt))} ${props.tzLabel}` : '–'}</td>
                <td>
                  {live
                    ? `${t(`wall.scene.${o.scene}`)}${o.opdId ? ` · ${props.names.opd(o.opdId)}` : ''} (${t('console.playlist.sent')}${o.sentBy ? `: ${o.sentBy}` : ''})`
                    : t('console.playlist.rotating')}
                </td>
                <td>{playlists[s.id] ? t('console.playlist.ownYes') : t('console.playlist.all')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
