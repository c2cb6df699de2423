import type { SessionResponse } from '@pantau/contracts';
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ApiBody } from '@pantau/contracts/api';
import { apiGet, apiSend } from '../api/client.ts';
import { LocaleContext, useDateTimeFormat, useT } from '../i18n/index.ts';
import type { ProvinceNames } from './province-names.ts';
import { OpdSelect } from './opd-select.tsx';
import type { WorklistItem } from '@pantau/contracts';
import { OwnerLine, type Assigned } from './owner.tsx';
import { SocialActions } from './social-actions.tsx';
import { PpidRecord } from './ppid-record.tsx';
import type { CaseDetail } from '@pantau/contracts';
import { itemStatusGroup } from '@pantau/contracts/labels';
import { canActOnComplaint, canActOnPpidRequest, type ComplaintAction } from '@pantau/domain/permissions';
import { useLabel } from '../i18n/labels.ts';

type ComplaintDetail = CaseDetail;

type Action = ComplaintAction;
const ACTIONS: readonly Action[] = ['acknowledge', 'escalate', 'note', 'reassign', 'change_status'];
const PPID_ACTIONS = ['acknowledge', 'escalate', 'note'] as const;
const STATUSES = ['ditunda', 'dilanjutkan', 'ditindaklanjuti', 'selesai', 'bukan_wewenang', 'diarsipkan'] as const;

/**
 * An item's details: the full timeline and the actions the role allows, each with the reason the ladder
 * asks for. A stale version (another officer acted first) shows the newer state instead of failing silently.
 */
export function Drawer(props: {
  item: WorklistItem;
  session: SessionResponse;
  names: ProvinceNames;
  timeZone: string;
  tzLabel: string;
  onClose: () => void;
  onChanged: () => void;
  onAssigned: (a: Assigned) => void;
  /** An action whose result the worklist should say (the item may leave it). */
  onNotice?: (text: string) => void;
}) {
  const t = useT();
  const label = useLabel();
  const locale = useContext(LocaleContext);
  const [detail, setDetail] = useState<ComplaintDetail | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'conflict' | 'done'; text: string } | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  // A dialog: focus moves into it when it opens (its heading, so a screen reader reads what opened) and
  // back to what had it when it closes.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    headingRef.current?.focus();
    return () => {
      // The row it was opened from may have left the view meanwhile (reassigned, answered): the list then.
      if (before && document.contains(before) && before !== document.body) before.focus();
      else document.querySelector<HTMLElement>('[data-focus-fallback]')?.focus();
    };
  }, [props.item.kind, props.item.id]);
  const isComplaint = props.item.kind === 'complaint';
  // Complaints and PPID requests have details and actions here; comments are answered on their platform.
  const supported = isComplaint || props.item.kind === 'ppid_request';

  const load = useCallback(async () => {
    if (!supported) return;
    const d = await apiGet(isComplaint ? 'GET /api/complaints/:id' : 'GET /api/ppid/requests/:id', {
      params: { id: props.item.id },
    });
    if (d) setDetail(d);
  }, [supported, isComplaint, props.item.id]);
  useEffect(() => {
    void load();
  }, [load, props.item.version]);

  // The same predicates the server decides with; here they only hide buttons that would be refused.
  const who = props.session.user;
  const actions = !supported
    ? []
    : isComplaint
      ? ACTIONS.filter((a) => canActOnComplaint(who, { opdId: props.item.opdId, isRahasia: false }, a))
      : PPID_ACTIONS.filter((a) => canActOnPpidRequest(who, { opdId: props.item.opdId }, a));
  const choose = (a: Action) => {
    setAction(a);
    setText('');
    setMessage(null);
    setTimeout(() => reasonRef.current?.focus(), 0);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('input, textarea, select')) return;
      const map: Record<string, Action> = { a: 'acknowledge', e: 'escalate', n: 'note' };
      const a = map[e.key];
      if (a && actions.includes(a)) {
        e.preventDefault();
        choose(a);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const submit = async () => {
    if (!detail || !action) return;
    const body: Record<string, unknown> = {
      action,
      expectedVersion: detail.version,
      expectedRevision: detail.revision,
    };
    if (action === 'note') body.text = text;
    else body.reason = text;
    if (action === 'reassign') body.opdId = target;
    if (action === 'change_status') body.to = target;
    if (!isComplaint) delete body.expectedVersion;
    const r = isComplaint
      ? await apiSend('POST /api/complaints/:id/actions', {
          params: { id: detail.id },
          body: body as ApiBody<'POST /api/complaints/:id/actions'>,
        })
      : await apiSend('POST /api/ppid/requests/:id/actions', {
          params: { id: detail.id },
          body: body as ApiBody<'POST /api/ppid/requests/:id/actions'>,
        });
    if (!r.ok) {
      if (r.status === 409) {
        setMessage({ kind: 'conflict', text: t('console.drawer.conflict') });
        await load();
      } else setMessage({ kind: 'error', text: r.message });
      return;
    }
    setMessage({ kind: 'done', text: t('console.drawer.done') });
    // Said in the list too: a changed item may leave the view and close this drawer.
    props.onNotice?.(`${props.item.trackingId}: ${t('console.drawer.done')}`);
    setAction(null);
    await load();
    props.onChanged();
  };

  // What happened and who did it, in the reader's language: never a raw event code or actor id.
  const timelineLabel = (e: ComplaintDetail['timeline'][number]) => {
    const level = typeof e.details.level === 'number' ? String(e.details.level) : e.type.replace(/^level_/, '');
    if (e.kind === 'escalation') return t('console.timeline.level').replace('{n}', level);
    if (e.kind === 'acknowledgement') return t('console.timeline.ack').replace('{n}', level);
    if (e.kind === 'note') return t('console.timeline.note');
    return label('event', e.type);
  };
  const actorLabel = (actor: string) =>
    actor.startsWith('source:')
      ? `${t('console.actor.source')} ${actor.slice(7)}`
      : actor.startsWith('system:')
        ? `${t('console.actor.system')} (${actor.slice(7).replace(/-/g, ' ')})`
        : actor;
  const when = useDateTimeFormat(props.timeZone);
  return (
    <aside className="cs-drawer" role="dialog" aria-labelledby="drawer-title" data-testid="drawer">
      <header>
        <h2 id="drawer-title" ref={headingRef} tabIndex={-1}>
          {t(`console.kind.${props.item.kind}`)} {props.item.trackingId}
        </h2>
        <button type="button" onClick={props.onClose} aria-label={t('console.drawer.close')}>
          ✕
        </button>
      </header>
      <p className="cs-meta">
        {props.names.opd(props.item.opdId)} · {label(itemStatusGroup(props.item.kind), props.item.status)} ·{' '}
        <span data-testid="drawer-step">
          {t('console.col.step')}: {detail?.escalationLevel ?? props.item.escalationLevel}
        </span>
      </p>
      <OwnerLine item={props.item} session={props.session} onAssigned={props.onAssigned} />
      {detail?.deadline && (
        // The deadline in front of the officer: when, how much is left (or how late), who is next.
        <p className={`cs-deadline ${detail.deadline.overdue ? 'overdue' : ''}`} data-testid="drawer-deadline">
          {t('console.drawer.deadline')}: {when.format(new Date(detail.deadline.at))} {props.tzLabel} ·{' '}
          <strong>{detail.deadline.label[locale]}</strong>
          {detail.nextLevel && (
            <>
              {' '}
              · {t('console.drawer.next')}: {detail.nextLevel.label[locale]}
            </>
          )}
        </p>
      )}
      {props.item.kind === 'social_comment' && (
        <SocialActions
          item={props.item}
          session={props.session}
          onDone={(text) => {
            props.onNotice?.(text);
            props.onChanged();
          }}
        />
      )}
      {detail && (
        <>
          <h3>{detail.title ?? detail.regNo}</h3>
          {detail.personal?.body && (
            <p className="cs-body">
              <strong>{t('console.drawer.body')}:</strong> {detail.personal.body}
            </p>
          )}
          {detail.personal?.reporter && (
            <p>
              <strong>{t('console.drawer.reporter')}:</strong> {detail.personal.reporter.name ?? '–'} ·{' '}
              {detail.personal.reporter.contact ?? '–'}
            </p>
          )}
          {message && (
            <p
              className={`cs-${message.kind}`}
              role={message.kind === 'done' ? 'status' : 'alert'}
              data-testid="drawer-message"
            >
              {message.text}
            </p>
          )}
          {props.item.kind === 'ppid_request' && actions.length > 0 && (
            <PpidRecord
              requestId={detail.id}
              revision={detail.revision}
              onDone={(text) => {
                setMessage({ kind: 'done', text });
                // Said in the list too: a decided request may leave the worklist and close this drawer.
                props.onNotice?.(`${props.item.trackingId}: ${text}`);
                void load();
                props.onChanged();
              }}
            />
          )}
          <h3>{t('console.drawer.actions')}</h3>
          {actions.length === 0 ? (
            <p data-testid="no-actions">{t('console.drawer.noActions')}</p>
          ) : (
            <div className="cs-actions">
              {actions.map((a) => (
                <button
                  key={a}
                  type="button"
                  onClick={() => choose(a)}
                  data-testid={`action-${a}`}
                  aria-pressed={action === a}
                >
                  {t(`console.action.${a}`)}
                </button>
              ))}
            </div>
          )}
          {action && (
            <form
              className="cs-action-form"
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              {action === 'reassign' && (
                <label>
                  {t('console.drawer.opd')}
                  <OpdSelect names={props.names} value={target} onChange={setTarget} empty="" required />
                </label>
              )}
              {action === 'change_status' && (
                <label>
                  {t('console.drawer.status')}
                  <select value={target} onChange={(e) => setTarget(e.target.value)} required>
                    <option value="" />
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {s.replace(/_/g, ' ')}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label>
                {action === 'note' ? t('console.drawer.note') : t('console.drawer.reason')}
                <textarea
                  ref={reasonRef}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  data-testid="reason"
                  rows={3}
                />
              </label>
              <button type="submit" data-testid="confirm">
                {t('console.drawer.confirm')}
              </button>
            </form>
          )}
          <h3>{t('console.drawer.timeline')}</h3>
          <ol className="cs-timeline" data-testid="timeline">
            {detail.timeline.map((e, i) => (
              <li key={i}>
                <time dateTime={e.at}>
                  {when.format(new Date(e.at))} {props.tzLabel}
                </time>{' '}
                <strong>{timelineLabel(e)}</strong> — {actorLabel(e.actor)}
                {typeof e.details.reason === 'string' && <> · {e.details.reason}</>}
                {typeof e.details.text === 'string' && <> · {e.details.text}</>}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
