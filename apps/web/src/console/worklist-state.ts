import { WORKLIST_SORTS, type WorklistSort } from '@pantau/contracts/constants';

/** The worklist's filters and order, kept in the URL (shareable; Back works; a saved view is a URL). */
export interface WorklistView {
  kind: string;
  deadlineState: string;
  opd: string;
  channel: string;
  q: string;
  /** '' everyone's, 'me' mine, 'none' no one's yet. */
  owner: string;
  sort: WorklistSort;
  dir: 'asc' | 'desc';
  group: boolean;
}

export const DEFAULT_VIEW: WorklistView = {
  kind: '',
  deadlineState: '',
  opd: '',
  channel: '',
  q: '',
  owner: '',
  // Highest escalation level first, then the longest overdue: what the ladder says needs a person now.
  sort: 'step',
  dir: 'desc',
  group: false,
};

export function parseView(search: string): WorklistView {
  const p = new URLSearchParams(search);
  const sort = p.get('sort');
  return {
    kind: p.get('kind') ?? '',
    deadlineState: p.get('deadlineState') ?? '',
    opd: p.get('opd') ?? '',
    channel: p.get('channel') ?? '',
    q: p.get('q') ?? '',
    owner: ['me', 'none'].includes(p.get('owner') ?? '') ? p.get('owner')! : '',
    sort: (WORKLIST_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as WorklistView['sort'])
      : DEFAULT_VIEW.sort,
    dir: p.get('dir') === 'asc' ? 'asc' : p.get('dir') === 'desc' ? 'desc' : DEFAULT_VIEW.dir,
    group: p.get('group') === '1',
  };
}

/** The query string of a view (defaults left out), for the address bar. */
export function viewSearch(v: WorklistView): string {
  const p = new URLSearchParams();
  for (const k of ['kind', 'deadlineState', 'opd', 'channel', 'q', 'owner'] as const) if (v[k]) p.set(k, v[k]);
  if (v.sort !== DEFAULT_VIEW.sort) p.set('sort', v.sort);
  if (v.dir !== DEFAULT_VIEW.dir) p.set('dir', v.dir);
  if (v.group) p.set('group', '1');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The same view as an API query (GET /api/worklist). */
export function apiQuery(v: WorklistView, offset: number, limit: number): string {
  const p = new URLSearchParams();
  for (const k of ['kind', 'deadlineState', 'opd', 'channel', 'q', 'owner'] as const) if (v[k]) p.set(k, v[k]);
  p.set('sort', v.sort);
  p.set('dir', v.dir);
  p.set('offset', String(offset));
  p.set('limit', String(limit));
  return p.toString();
}
