import type { LadderLevelView } from '@pantau/contracts';
import type {
  NotificationChannel,
  NotificationEvent,
  NotificationSubscriptionBody,
  NotificationSubscriptionView,
} from '@pantau/contracts';
import { useEffect, useState } from 'react';
import { isMessageKey, useT } from '../i18n/index.ts';
import type { ProvinceNames } from './province-names.ts';
import { DeliveryLog } from './delivery-log.tsx';
import { apiGet, apiSend } from '../api/client.ts';
import { Subscribers } from './subscribers.tsx';

const CHANNELS = ['email', 'webhook', 'telegram'] as const satisfies readonly NotificationChannel[];
const EVENTS = [
  'at_risk',
  'overdue',
  'escalated',
  'acknowledged',
  'ppid_decision_near',
  'source_stale',
] as const satisfies readonly NotificationEvent[];
const ADDRESS = { email: 'email', webhook: 'webhookUrl', telegram: 'telegramChatId' } as const;

type LadderLevel = LadderLevelView;
type Form = Omit<NotificationSubscriptionBody, 'rotateWebhookSecret'>;

const toForm = (s: NotificationSubscriptionView): Form => ({
  enabled: s.enabled,
  locale: s.locale,
  channels: s.channels,
  email: s.email,
  webhookUrl: s.webhookUrl,
  telegramChatId: s.telegramChatId,
  events: s.events,
  opdIds: s.opdIds,
  levels: s.levels,
  quietHours: s.quietHours,
  mode: s.mode,
});
const toggle = <T,>(list: readonly T[], v: T, on: boolean): T[] =>
  on ? [...new Set([...list, v])] : list.filter((x) => x !== v);

/**
 * Notifications: the signed-in person's own subscription (channels, OPDs, ladder levels, quiet hours,
 * immediate or digest) for everyone, and the delivery log for admins.
 */
export function NotificationsPage(props: {
  names: ProvinceNames;
  isAdmin: boolean;
  userOpdId: string | null;
  timeZone: string;
  tzLabel: string;
}) {
  const t = useT();
  const [form, setForm] = useState<Form | null>(null);
  const [secret, setSecret] = useState('');
  const [ladder, setLadder] = useState<LadderLevel[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const label = (key: string) => (isMessageKey(key) ? t(key) : key);
  const take = (r: { subscription: NotificationSubscriptionView | null; ladder: LadderLevel[] }) => {
    setLadder(r.ladder);
    if (r.subscription) {
      setForm(toForm(r.subscription));
      setSecret(r.subscription.webhookSecret);
    }
  };
  useEffect(() => {
    void apiGet('GET /api/notifications/subscription').then((r) => r && take(r));
  }, []);
  const save = async (rotate = false) => {
    if (!form) return;
    const r = await apiSend('PUT /api/notifications/subscription', {
      body: { ...form, ...(rotate ? { rotateWebhookSecret: true } : {}) },
    });
    if (!r.ok) return setNotice(r.message);
    take(r.body);
    setNotice(t('console.notify.saved'));
  };
  const set = (patch: Partial<Form>) => form && setForm({ ...form, ...patch });
  const opds = props.userOpdId ? props.names.opds.filter((o) => o.id === props.userOpdId) : props.names.opds;
  return (
    <div className="cs-notify">
      <section className="cs-page" aria-labelledby="notify-title">
        <h1 id="notify-title">{t('console.notify.mine')}</h1>
        <p className="cs-note">{t('console.notify.mineHint')}</p>
        {form && (
          <form
            className="cs-form notify-form"
            data-testid="notify-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label className="cs-check">
              <input
                type="checkbox"
                checked={form.enabled}
                onChange={(e) => set({ enabled: e.target.checked })}
                data-testid="notify-enabled"
              />
              {t('console.notify.enabled')}
            </label>
            <fieldset>
              <legend>{t('console.notify.channels')}</legend>
              {CHANNELS.map((ch) => (
                <div key={ch} className="notify-channel">
                  <label className="cs-check">
                    <input
                      type="checkbox"
                      checked={form.channels.includes(ch)}
                      onChange={(e) => set({ channels: toggle(form.channels, ch, e.target.checked) })}
                      data-testid={`notify-channel-${ch}`}
                    />
                    {label(`console.notify.channel.${ch}`)}
                  </label>
                  <input
                    aria-label={label(`console.notify.${ADDRESS[ch]}`)}
                    placeholder={label(`console.notify.${ADDRESS[ch]}`)}
                    value={form[ADDRESS[ch]] ?? ''}
                    onChange={(e) => set({ [ADDRESS[ch]]: e.target.value.trim() || null })}
                    data-testid={`notify-${ADDRESS[ch]}`}
                  />
                </div>
              ))}
              {secret && form.channels.includes('webhook') && (
                <p className="notify-secret">
                  {t('console.notify.secret')}: <code data-testid="notify-secret">{secret}</code>{' '}
                  <button type="button" onClick={() => void save(true)}>
                    {t('console.notify.rotate')}
                  </button>
                </p>
              )}
            </fieldset>
            <fieldset>
              <legend>{t('console.notify.events')}</legend>
              {EVENTS.map((ev) => (
                <label key={ev} className="cs-check">
                  <input
                    type="checkbox"
                    checked={form.events.includes(ev)}
                    onChange={(e) => set({ events: toggle(form.events, ev, e.target.checked) })}
                    data-testid={`notify-event-${ev}`}
                  />
                  {label(`console.notify.event.${ev}`)}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('console.notify.levels')}</legend>
              {ladder.map((l) => (
                <label key={l.level} className="cs-check">
                  <input
                    type="checkbox"
                    checked={form.levels.includes(l.level)}
                    onChange={(e) => set({ levels: toggle(form.levels, l.level, e.target.checked) })}
                    data-testid={`notify-level-${l.level}`}
                  />
                  {l.level}. {form.locale === 'en' ? l.label.en : l.label.id}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('console.notify.opds')}</legend>
              <select
                multiple
                aria-label={t('console.notify.opds')}
                size={Math.min(6, Math.max(2, opds.length))}
                value={form.opdIds}
                onChange={(e) => set({ opdIds: [...e.target.selectedOptions].map((o) => o.value) })}
                data-testid="notify-opds"
              >
                {opds.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.shortName}
                  </option>
                ))}
              </select>
            </fieldset>
            <fieldset>
              <legend>{t('console.notify.quiet')}</legend>
              <label className="cs-check">
                <input
                  type="checkbox"
                  checked={form.quietHours !== null}
                  onChange={(e) => set({ quietHours: e.target.checked ? { start: '22:00', end: '06:00' } : null })}
                  data-testid="notify-quiet"
                />
                {t('console.notify.quiet')}
              </label>
              {form.quietHours && (
                <>
                  <label>
                    {t('console.notify.quietFrom')}
                    <input
                      type="time"
                      value={form.quietHours.start}
                      onChange={(e) => set({ quietHours: { ...form.quietHours!, start: e.target.value } })}
                      data-testid="notify-quiet-start"
                    />
                  </label>
                  <label>
                    {t('console.notify.quietTo')}
                    <input
                      type="time"
                      value={form.quietHours.end}
                      onChange={(e) => set({ quietHours: { ...form.quietHours!, end: e.target.value } })}
                      data-testid="notify-quiet-end"
                    />
                  </label>
                </>
              )}
              <p className="cs-note">{t('console.notify.quietHint').replace('{tz}', props.tzLabel)}</p>
            </fieldset>
            <fieldset>
              <legend>{t('console.notify.mode')}</legend>
              {(['immediate', 'digest'] as const).map((m) => (
                <label key={m} className="cs-check">
                  <input
                    type="radio"
                    name="notify-mode"
                    checked={form.mode === m}
                    onChange={() => set({ mode: m })}
                    data-testid={`notify-mode-${m}`}
                  />
                  {label(`console.notify.mode.${m}`)}
                </label>
              ))}
            </fieldset>
            <label>
              {t('console.notify.locale')}
              <select
                value={form.locale}
                onChange={(e) => set({ locale: e.target.value as Form['locale'] })}
                data-testid="notify-locale"
              >
                <option value="id">Bahasa Indonesia</option>
                <option value="en">English</option>
              </select>
            </label>
            <button type="submit" data-testid="notify-save">
              {t('console.notify.save')}
            </button>
            {notice && (
              <p role="status" className="cs-notice" data-testid="notify-notice">
                {notice}
              </p>
            )}
          </form>
        )}
      </section>
      {props.isAdmin && <Subscribers names={props.names} />}
      {props.isAdmin && <DeliveryLog names={props.names} timeZone={props.timeZone} tzLabel={props.tzLabel} />}
    </div>
  );
}
