import { describe, expect, it } from 'vitest';
import {
  crumbs,
  dashboardSearch,
  drill,
  INITIAL_STATE,
  itemsQuery,
  liveTopicOf,
  parseDashboard,
  periodRange,
} from './dashboard-state.ts';

describe('dashboard state in the URL', () => {
  it('starts at the province overview of this month with nothing in the query string', () => {
    expect(parseDashboard('')).toEqual(INITIAL_STATE);
    expect(dashboardSearch(INITIAL_STATE)).toBe('');
  });

  it('round-trips every drilldown through the query string', () => {
    let s = drill(INITIAL_STATE, { kind: 'opd', id: 'kalteng.pupr' });
    s = drill(s, { kind: 'channel', id: 'sms' });
    s = { ...s, period: 'today', scene: 'pengaduan' };
    const search = dashboardSearch(s);
    expect(search).toBe('?scene=pengaduan&period=today&opd=kalteng.pupr&channel=sms&items=1');
    expect(parseDashboard(search)).toEqual(s);
  });

  it('drops values that no drilldown could produce instead of passing them to the API', () => {
    const s = parseDashboard('?scene=admin&period=year&opd=%27%3Bdrop&regency=6371&channel=SMS!');
    expect(s).toEqual(INITIAL_STATE);
  });

  it('keeps one scope at a time: an OPD replaces a kabupaten/kota and the reverse', () => {
    const r = drill(INITIAL_STATE, { kind: 'regency', id: '62.71' });
    expect(liveTopicOf(r)).toBe('regency:62.71');
    const o = drill(r, { kind: 'opd', id: 'kalteng.dinkes' });
    expect(o.filter).toEqual({ opd: 'kalteng.dinkes' });
    expect(liveTopicOf(o)).toBe('opd:kalteng.dinkes');
    expect(drill(o, { kind: 'regency', id: '62.01' }).filter).toEqual({ regency: '62.01' });
    expect(parseDashboard('?opd=kalteng.dinkes&regency=62.01').filter).toEqual({ opd: 'kalteng.dinkes' });
  });

  it('opens the items behind a topic, channel or status, but shows an OPD as panels', () => {
    expect(drill(INITIAL_STATE, { kind: 'opd', id: 'kalteng.pupr' }).items).toBe(false);
    expect(drill(INITIAL_STATE, { kind: 'topic', id: 'Jalan Rusak' }).items).toBe(true);
    expect(drill(INITIAL_STATE, { kind: 'status', id: 'ditindaklanjuti' }).items).toBe(true);
  });

  it('builds breadcrumbs that go back to each level, the province first', () => {
    const s = drill(drill(INITIAL_STATE, { kind: 'opd', id: 'kalteng.pupr' }), { kind: 'topic', id: 'Jalan' });
    const path = crumbs(s);
    expect(path.map((c) => [c.kind, c.id])).toEqual([
      ['root', null],
      ['opd', 'kalteng.pupr'],
      ['topic', 'Jalan'],
    ]);
    expect(path[0]!.state.filter).toEqual({});
    expect(path[1]!.state).toEqual({ ...s, filter: { opd: 'kalteng.pupr' }, items: false });
    expect(path[2]!.state).toEqual(s);
  });

  it('asks the complaint list for exactly the period and filters on screen', () => {
    expect(periodRange('month', '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(periodRange('today', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-23' });
    const s = drill(drill(INITIAL_STATE, { kind: 'regency', id: '62.71' }), { kind: 'channel', id: 'web' });
    const q = new URLSearchParams(itemsQuery(s, '2026-11-23'));
    expect(Object.fromEntries(q)).toEqual({
      from: '2026-11-01',
      to: '2026-11-23',
      regency: '62.71',
      channel: 'web',
      sort: 'newest',
      limit: '100',
    });
  });
});
