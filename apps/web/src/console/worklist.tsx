import type { SessionResponse } from '@pantau/contracts';
import type { WorklistItem } from '@pantau/contracts';
import { opdTopic } from '@pantau/contracts/live';
import { itemStatusGroup } from '@pantau/contracts/labels';
import { actsOnItems } from '@pantau/domain/permissions';
import { useLabel } from '../i18n/labels.ts';
import { tableFeatures, useTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { formatNumber, intlTag, isMessageKey, LocaleContext, useT } from '../i18n/index.ts';
import { useLiveTopic } from '../live/use-live.ts';
import type { ProvinceNames } from './province-names.ts';
import { OpdSelect } from './opd-select.tsx';
import { Drawer } from './drawer.tsx';
import { apiGet } from '../api/client.ts';
import { apiQuery, parseView, viewSearch, type WorklistView } from './worklist-state.ts';
import { assign, type Assigned } from './owner.tsx';
import { Handover } from './handover.tsx';
import { WalkInForm } from './walk-in.tsx';

const PAGE = 100;
const keyOf = (i: Pick<WorklistItem, 'kind' | 'id'>) => `${i.kind}:${i.id}`;
const features = tableFeatures({});
const fingerprint = (i: WorklistItem) =>
  `${i.version}|${i.deadlineState}|${i.escalationLevel}|${i.acknowledgedAt ?? ''}|${i.status}|${i.assigneeId ?? ''}`;

/**
 * The live worklist: server-side filters, order and pages; rows appear, change and leave with the live
 * stream without losing the officer's scroll, selection or open drawer; keyboard first.
 */
export function Worklist(props: { session: SessionResponse; names: ProvinceNames; timeZone: string; tzLabel: string }) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const [view, setView] = useState<WorklistView>(() => parseView(window.location.search));
  const [items, setItems] = useState<WorklistItem[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [groups, setGroups] = useState<Array<{ opdId: string | null; total: number; overdue: number; atRisk: number }>>(
    [],
  );
  const [selected, setSelected] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [changed, setChanged] = useState<Map<string, number>>(new Map());
  const [help, setHelp] = useState(false);
  const [handover, setHandover] = useState(false);
  const [walkIn, setWalkIn] = useState(false);
  // What the last ownership change did, said where the officer looks (the item may leave this view).
  const [notice, setNotice] = useState<string | null>(null);
  const [viewName, setViewName] = useState('');
  const [saved, setSaved] = useState<Array<{ name: string; search: string }>>(() =>
    JSON.parse(window.localStorage.getItem('pantau.worklistViews') ?? '[]'),
  );
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const loaded = useRef(0);
  loaded.current = items.length;

  // The live topic that moves when this officer's items move: the worklist, or its own OPD.
  const user = props.session.user;
  const topic = user.role === 'opd_admin' && user.opdId ? opdTopic(user.opdId) : 'worklist';
  const live = useLiveTopic(topic);

  const navigate = (next: WorklistView) => {
    window.history.pushState(null, '', `/console${viewSearch(next)}`);
    setView(next);
  };
  useEffect(() => {
    const onPop = () => setView(parseView(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // A new view: first page from the top.
  useEffect(() => {
    let cancelled = false;
    setItems([]);
    setTotal(null);
    void apiGet('GET /api/worklist', { query: apiQuery(view, 0, PAGE) }).then((r) => {
      if (!r || cancelled) return;
      setItems(r.items);
      setTotal(r.total);
    });
    if (view.group)
      void apiGet('GET /api/worklist/groups', { query: apiQuery(view, 0, PAGE) }).then(
        (r) => r && !cancelled && setGroups(r.groups),
      );
    return () => {
      cancelled = true;
    };
  }, [view]);

  // The stream moved: refetch what is loaded and reconcile by id (at most once a second).
  const lastRefresh = useRef(0);
  const refresh = useCallback(async () => {
    const limit = Math.min(500, Math.max(PAGE, loaded.current));
    const r = await apiGet('GET /api/worklist', { query: apiQuery(view, 0, limit) });
    if (!r) return;
    setItems((prev) => {
      const before = new Map(prev.map((i) => [keyOf(i), fingerprint(i)]));
      const now = Date.now();
      setChanged((c) => {
        const next = new Map([...c].filter(([, at]) => now - at < 4000));
        for (const i of r.items) if (before.get(keyOf(i)) !== fingerprint(i)) next.set(keyOf(i), now);
        return next;
      });
      return r.items;
    });
    setTotal(r.total);
  }, [view]);
  useEffect(() => {
    if (live.seq === 0) return;
    const wait = Math.max(0, 1000 - (Date.now() - lastRefresh.current));
    const timer = setTimeout(() => {
      lastRefresh.current = Date.now();
      void refresh();
    }, wait);
    return () => clearTimeout(timer);
  }, [live.seq, refresh]);

  const loadMore = useCallback(async () => {
    if (total === null || items.length >= total) return;
    const r = await apiGet('GET /api/worklist', { query: apiQuery(view, items.length, PAGE) });
    if (r) setItems((prev) => [...prev, ...r.items.filter((i) => !prev.some((p) => keyOf(p) === keyOf(i)))]);
  }, [items.length, total, view]);

  const when = useMemo(
    () =>
      new Intl.DateTimeFormat(intlTag[locale], { timeZone: props.timeZone, dateStyle: 'medium', timeStyle: 'short' }),
    [locale, props.timeZone],
  );
  const label = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  const codeLabel = useLabel();
  const columns = useMemo<Array<ColumnDef<typeof features, WorklistItem>>>(
    () => [
      { id: 'kind', header: t('console.col.kind'), accessorFn: (r) => label(`console.kind.${r.kind}`, r.kind) },
      { id: 'tracking', header: t('console.col.tracking'), accessorFn: (r) => r.trackingId },
      { id: 'opd', header: t('console.col.opd'), accessorFn: (r) => props.names.opd(r.opdId) },
      { id: 'regency', header: t('console.col.regency'), accessorFn: (r) => props.names.regency(r.regencyCode) },
      { id: 'channel', header: t('console.col.channel'), accessorFn: (r) => codeLabel('channel', r.channel) },
      { id: 'topic', header: t('console.col.topic'), accessorFn: (r) => r.topic ?? '–' },
      {
        id: 'status',
        header: t('console.col.status'),
        accessorFn: (r) => codeLabel(itemStatusGroup(r.kind), r.status),
      },
      { id: 'age', header: t('console.col.age'), accessorFn: (r) => formatNumber(locale, r.ageHK) },
      {
        id: 'left',
        header: t('console.col.left'),
        accessorFn: (r) =>
          r.overdueHK !== null
            ? `▲ ${t('console.left.late').replace('{n}', formatNumber(locale, r.overdueHK))}`
            : r.leftHK !== null
              ? `● ${t('console.left.due').replace('{n}', formatNumber(locale, r.leftHK))}`
              : '–',
      },
      {
        id: 'deadline',
        header: t('console.col.deadline'),
        accessorFn: (r) => (r.deadlineAt ? `${when.format(new Date(r.deadlineAt))} ${props.tzLabel}` : '–'),
      },
      { id: 'step', header: t('console.col.step'), accessorFn: (r) => String(r.escalationLevel) },
      { id: 'ack', header: t('console.col.ack'), accessorFn: (r) => r.acknowledgedBy ?? '–' },
      { id: 'owner', header: t('console.col.owner'), accessorFn: (r) => r.assigneeName ?? '–' },
    ],
    [locale, props.names, when],
  );
  const sortable: Record<string, WorklistView['sort']> = {
    kind: 'kind',
    opd: 'opd',
    status: 'status',
    age: 'age',
    left: 'deadline',
    deadline: 'deadline',
    step: 'step',
  };
  const table = useTable({ features, columns, data: items, getRowId: (r) => keyOf(r) });
  const rows = table.getRowModel().rows;
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 34,
    overscan: 12,
  });
  const virtualRows = virtual.getVirtualItems();
  useEffect(() => {
    const last = virtualRows.at(-1);
    if (last && last.index >= rows.length - 10) void loadMore();
  }, [virtualRows, rows.length, loadMore]);

  // Keyboard first.
  const indexOf = (key: string | null) => items.findIndex((i) => keyOf(i) === key);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select')) {
        if (e.key === 'Escape') target.blur();
        return;
      }
      if (e.key === '?') setHelp((h) => !h);
      else if (e.key === 'Escape') {
        if (help) setHelp(false);
        else setOpen(null);
      } else if (e.key === '/') {
        e.preventDefault();
        search.current?.focus();
      } else if ((e.key === 'j' || e.key === 'k') && !open) {
        const i = indexOf(selected);
        const next = Math.max(0, Math.min(items.length - 1, i + (e.key === 'j' ? 1 : -1)));
        const item = items[i < 0 ? 0 : next];
        if (item) {
          const key = keyOf(item);
          setSelected(key);
          virtual.scrollToIndex(i < 0 ? 0 : next, { align: 'auto' });
          // The selected row holds the focus (one tab stop for the table), so the drawer can hand it back.
          // (Not if the drawer opened meanwhile: the dialog keeps the focus it took.)
          setTimeout(() => {
            if (document.querySelector('[role="dialog"]')) return;
            document.querySelector<HTMLElement>(`[data-row-key="${key}"]`)?.focus({ preventScroll: true });
          }, 0);
        }
      } else if (e.key === 'Enter' && selected && !open) setOpen(selected);
      else if (e.key === 'm' && actsOnItems(props.session.user)) {
        // Take the focused item (or the open one) with one key.
        const item = items.find((i) => keyOf(i) === (open ?? selected));
        if (item && item.assigneeId !== props.session.user.id) {
          e.preventDefault();
          void assign(item, 'me').then((r) => (r.ok ? onAssigned(item, r.body) : setNotice(r.message)));
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const openItem = items.find((i) => keyOf(i) === open) ?? null;
  // A focused row that leaves the view (given on, answered, decided) would drop focus to the page:
  // keep it on the list instead, unless a dialog has it.
  useEffect(() => {
    if (document.activeElement !== document.body || document.querySelector('[role="dialog"]')) return;
    if (!scroller.current?.contains(document.querySelector('[data-row-key]:focus')))
      scroller.current?.focus({ preventScroll: true });
  }, [items, open]);
  // Updates the row at once, says where the item went, then lets the live refresh reconcile.
  const onAssigned = (item: WorklistItem, a: Assigned) => {
    setItems((prev) =>
      prev.map((i) =>
        keyOf(i) === keyOf(item) ? { ...i, assigneeId: a.assigneeId, assigneeName: a.assigneeName } : i,
      ),
    );
    const ref = `${t(`console.kind.${item.kind}`)} ${item.trackingId}`;
    const mine = a.assigneeId === props.session.user.id;
    const leaves = (view.owner === 'none' && a.assigneeId !== null) || (view.owner === 'me' && !mine);
    setNotice(
      a.assigneeId === null
        ? t('console.owner.released').replace('{item}', ref)
        : mine
          ? t(leaves ? 'console.owner.takenElsewhere' : 'console.owner.taken').replace('{item}', ref)
          : t('console.owner.given')
              .replace('{item}', ref)
              .replace('{name}', a.assigneeName ?? ''),
    );
    void refresh();
  };
  const set = (patch: Partial<WorklistView>) => navigate({ ...view, ...patch });
  const saveView = () => {
    if (!viewName.trim()) return;
    const next = [
      ...saved.filter((s) => s.name !== viewName.trim()),
      { name: viewName.trim(), search: viewSearch(view) },
    ];
    setSaved(next);
    window.localStorage.setItem('pantau.worklistViews', JSON.stringify(next));
    setViewName('');
  };
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  return (
    <section className="cs-worklist" aria-label={t('console.nav.worklist')}>
      <form className="cs-filters" onSubmit={(e) => e.preventDefault()} data-testid="filters">
        <label>
          {t('console.filter.kind')}
          <select value={view.kind} onChange={(e) => set({ kind: e.target.value })} data-testid="filter-kind">
            <option value="">{t('console.filter.all')}</option>
            {(['complaint', 'ppid_request', 'social_comment'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`console.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.filter.state')}
          <select
            value={view.deadlineState}
            onChange={(e) => set({ deadlineState: e.target.value })}
            data-testid="filter-state"
          >
            <option value="">{t('console.filter.all')}</option>
            <option value="overdue">{t('console.state.overdue')}</option>
            <option value="at_risk">{t('console.state.at_risk')}</option>
          </select>
        </label>
        {props.session.user.role !== 'opd_admin' && (
          <label>
            {t('console.filter.opd')}
            <OpdSelect
              names={props.names}
              value={view.opd}
              onChange={(opd) => set({ opd })}
              empty={t('console.filter.all')}
              testId="filter-opd"
            />
          </label>
        )}
        <label>
          {t('console.filter.q')}
          <input
            ref={search}
            defaultValue={view.q}
            onKeyDown={(e) => e.key === 'Enter' && set({ q: (e.target as HTMLInputElement).value.trim() })}
            data-testid="filter-q"
          />
        </label>
        <label>
          {t('console.filter.owner')}
          <select value={view.owner} onChange={(e) => set({ owner: e.target.value })} data-testid="filter-owner">
            <option value="">{t('console.filter.all')}</option>
            <option value="me">{t('console.owner.mine')}</option>
            <option value="none">{t('console.owner.none')}</option>
          </select>
        </label>
        <label className="cs-check">
          <input type="checkbox" checked={view.group} onChange={(e) => set({ group: e.target.checked })} />
          {t('console.filter.group')}
        </label>
        <a className="cs-button" href={`/api/worklist.csv?${apiQuery(view, 0, 500)}`} data-testid="export">
          {t('console.export')}
        </a>
        <span className="cs-views">
          <input placeholder={t('console.views.name')} value={viewName} onChange={(e) => setViewName(e.target.value)} />
          <button type="button" onClick={saveView}>
            {t('console.views.save')}
          </button>
          {saved.map((s) => (
            <a key={s.name} href={`/console${s.search}`} className="cs-chip">
              {s.name}
            </a>
          ))}
        </span>
      </form>
      <p className="cs-meta">
        <span data-testid="worklist-total">
          {total === null ? t('console.loading') : t('console.count').replace('{n}', formatNumber(locale, total))}
        </span>
        <span className={`cs-live cs-live-${live.connection}`}>● {t(`connection.${live.connection}`)}</span>
        {actsOnItems(props.session.user) && (
          <button type="button" onClick={() => setWalkIn((w) => !w)} aria-expanded={walkIn} data-testid="walkin-toggle">
            {t('console.walkin.open')}
          </button>
        )}
        {actsOnItems(props.session.user) && (
          <button
            type="button"
            onClick={() => setHandover((h) => !h)}
            aria-expanded={handover}
            data-testid="handover-toggle"
          >
            {t('console.handover.open')}
          </button>
        )}
      </p>
      {notice && (
        <p className="cs-notice" role="status" data-testid="worklist-notice">
          {notice}
        </p>
      )}
      {walkIn && (
        <WalkInForm
          session={props.session}
          names={props.names}
          onCancel={() => setWalkIn(false)}
          onDone={(r) => {
            setWalkIn(false);
            setNotice(t('console.walkin.done').replace('{item}', r.trackingId));
          }}
        />
      )}
      {handover && <Handover names={props.names} timeZone={props.timeZone} tzLabel={props.tzLabel} seq={live.seq} />}
      {view.group && groups.length > 0 && (
        <ul className="cs-groups" data-testid="groups">
          {groups.map((g) => (
            <li key={g.opdId ?? '-'}>
              <button type="button" onClick={() => set({ opd: g.opdId ?? '', group: false })}>
                {props.names.opd(g.opdId)}: ▲ {formatNumber(locale, g.overdue)} · ● {formatNumber(locale, g.atRisk)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="cs-table-wrap" ref={scroller} data-testid="worklist-scroll" tabIndex={-1} data-focus-fallback>
        <table className="cs-table">
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sort = sortable[h.column.id];
                  const active = sort && view.sort === sort;
                  return (
                    <th
                      key={h.id}
                      data-col={h.column.id}
                      scope="col"
                      aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {sort ? (
                        <button
                          type="button"
                          onClick={() => set({ sort, dir: active && view.dir === 'asc' ? 'desc' : 'asc' })}
                        >
                          <table.FlexRender header={h} />
                          {active ? (view.dir === 'asc' ? ' ↑' : ' ↓') : ''}
                        </button>
                      ) : (
                        <table.FlexRender header={h} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: padTop }} colSpan={columns.length} />
              </tr>
            )}
            {virtualRows.map((vr) => {
              const row = rows[vr.index]!;
              const item = row.original;
              const key = keyOf(item);
              return (
                <tr
                  key={row.id}
                  data-testid="worklist-row"
                  data-row-key={key}
                  tabIndex={selected === key ? 0 : -1}
                  data-id={item.id}
                  data-kind={item.kind}
                  data-step={item.escalationLevel}
                  data-state={item.deadlineState}
                  className={[
                    'cs-row',
                    `cs-${item.deadlineState}`,
                    selected === key ? 'cs-selected' : '',
                    changed.has(key) ? 'cs-changed' : '',
                  ].join(' ')}
                  aria-selected={selected === key}
                  onClick={() => setSelected(key)}
                  onDoubleClick={() => setOpen(key)}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} data-col={cell.column.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: padBottom }} colSpan={columns.length} />
              </tr>
            )}
          </tbody>
        </table>
        {total === 0 && <p className="cs-empty">{t('console.empty')}</p>}
      </div>
      {openItem && (
        <Drawer
          item={openItem}
          session={props.session}
          names={props.names}
          timeZone={props.timeZone}
          tzLabel={props.tzLabel}
          onClose={() => setOpen(null)}
          onChanged={() => void refresh()}
          onAssigned={(a) => onAssigned(openItem, a)}
          onNotice={setNotice}
        />
      )}
      {help && (
        <div className="cs-help" role="dialog" aria-label={t('console.help.title')} data-testid="help">
          <h2>{t('console.help.title')}</h2>
          <ul>
            <li>{t('console.help.move')}</li>
            <li>{t('console.help.open')}</li>
            <li>{t('console.help.close')}</li>
            <li>{t('console.help.actions')}</li>
            <li>{t('console.help.search')}</li>
            <li>{t('console.help.help')}</li>
          </ul>
        </div>
      )}
    </section>
  );
}
