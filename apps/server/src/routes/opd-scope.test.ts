import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canReadLiveTopic } from '@pantau/domain/permissions';
import { createConsoleFixture, opdA, opdB, type ConsoleFixture } from '../testing/console-fixture.ts';

/** Issue 13 item 7: an OPD admin reads its own OPD's internal figures, never another's. */
describe('an OPD admin sees its own OPD', () => {
  let f: ConsoleFixture;
  beforeAll(async () => {
    f = await createConsoleFixture('opdscope');
  });
  afterAll(async () => f.db.drop());
  const period = 'from=2025-01-01&to=2025-12-31';

  it('refuses another OPD’s PPID and social figures', async () => {
    for (const path of [
      `/api/ppid/kpis?${period}&opdId=${opdB}`,
      `/api/ppid/report.csv?${period}&opdId=${opdB}`,
      `/api/ppid/dip?opdId=${opdB}`,
      `/api/ppid/monev?opdId=${opdB}`,
      `/api/social/kpis?${period}&opdId=${opdB}`,
    ]) {
      const res = await f.call('opdA', 'GET', path);
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: { field: string } }).error.field, path).toBe('opdId');
    }
  });

  it('scopes a request without an OPD to its own, and keeps its own', async () => {
    const kpis = await (await f.call('opdA', 'GET', `/api/ppid/kpis?${period}`)).json();
    expect(kpis.opdId).toBe(opdA);
    const social = await (await f.call('opdA', 'GET', `/api/social/kpis?${period}`)).json();
    expect(social.opdId).toBe(opdA);
    expect((await f.call('opdA', 'GET', `/api/ppid/dip?opdId=${opdA}`)).status).toBe(200);
    expect((await f.call('opdA', 'GET', `/api/ppid/report.csv?${period}`)).headers.get('content-disposition')).toMatch(
      new RegExp(opdA.split('.')[1]!),
    );
    // The province's people still read every OPD.
    expect((await f.call('duty', 'GET', `/api/ppid/kpis?${period}&opdId=${opdB}`)).status).toBe(200);
  });

  it('does not give an OPD admin the province topic, whose recent rows name other OPDs’ complaints', () => {
    const p = { role: 'opd_admin', opdId: opdA };
    expect(canReadLiveTopic(p, 'province')).toBe(false);
    expect(canReadLiveTopic(p, `opd:${opdA}`)).toBe(true);
    expect(canReadLiveTopic(p, `opd:${opdB}`)).toBe(false);
    expect(canReadLiveTopic(p, 'worklist')).toBe(false);
  });
});
