import { describe, expect, it } from 'vitest';
import { apiQuery, DEFAULT_VIEW, parseView, viewSearch } from './worklist-state.ts';

describe('worklist view in the URL', () => {
  it('round-trips filters and order, leaving defaults out', () => {
    const v = {
      ...DEFAULT_VIEW,
      kind: 'complaint',
      deadlineState: 'overdue',
      sort: 'deadline' as const,
      dir: 'asc' as const,
    };
    expect(viewSearch(v)).toBe('?kind=complaint&deadlineState=overdue&sort=deadline&dir=asc');
    expect(parseView(viewSearch(v))).toEqual(v);
    expect(viewSearch(DEFAULT_VIEW)).toBe('');
  });

  it('ignores an order the API does not know', () => {
    expect(parseView('?sort=drop').sort).toBe(DEFAULT_VIEW.sort);
  });

  it('asks the API for the page of the same view', () => {
    const q = new URLSearchParams(apiQuery({ ...DEFAULT_VIEW, opd: 'kalteng.pupr' }, 200, 100));
    expect(Object.fromEntries(q)).toEqual({
      opd: 'kalteng.pupr',
      sort: 'step',
      dir: 'desc',
      offset: '200',
      limit: '100',
    });
  });
});
