import { issueWallDevice, loadWorkingCalendar } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { issuesTopicState, type IssuesTopicState } from '@pantau/contracts/live';
import { createLogger, loadEnv, startServer, type RunningServer } from '@pantau/server';
import { ComplaintSimulator, SocialSimulator } from '@pantau/simulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { injectIncident } from '../../apps/server/src/demo/demo-incident.ts';
import { ingestComplaintBatch, type ComplaintContext } from '../../apps/server/src/ingest/complaint-ingest.ts';
import { ingestSocialBatch } from '../../apps/server/src/ingest/social-ingest.ts';
import type { LiveClient } from '../../apps/web/src/live/live-client.ts';
import { connect, eventually } from './support/harness.ts';

const DAY = 86_400_000;

/** The `issues` topic as a wall sees it, parsed with its contract. */
function issuesOf(client: LiveClient): IssuesTopicState | null {
  const t = client.topics.get('issues');
  return t ? issuesTopicState.parse(t.state) : null;
}

// The Isu scene's topic on a real node: 31 days of the realistic demo feed (Kalteng's 1.5 complaints a
// day, its social accounts' comments, issue spikes and hoaxes) through the real ingest into a real
// PostgreSQL is a quiet day; a flood injected by the simulator is on the wall's live topic within seconds.
describe('the issues live topic', { timeout: 300_000 }, () => {
  let db: TestDatabase;
  let server: RunningServer;
  let ctx: ComplaintContext;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'issues' });
    server = await startServer(
      loadEnv({
        NODE_ENV: 'test',
        DATABASE_URL: urlWithSchema(db.url, db.schema),
        PORT: '0',
        PANTAU_DEMO: 'off',
        PANTAU_PROVINCE: 'kalteng',
        PANTAU_WEB_DIST: inject('webDist'),
        LOG_LEVEL: 'silent',
      }),
      createLogger('silent'),
    );
    const { pack, pool } = server;
    const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
    ctx = { pack, calendar: () => calendar };
    const now = new Date();
    const start = new Date(now.getTime() - 31 * DAY);
    const complaints = new ComplaintSimulator({ pack, start, perDay: pack.demoRates.complaintsPerDay }).advance(now);
    const social = new SocialSimulator({ pack, start, activity: pack.demoRates.socialActivity }).advance(now);
    for (let i = 0; i < complaints.length; i += 500) {
      const r = await ingestComplaintBatch(pool, ctx, 'simulator', complaints.slice(i, i + 500));
      expect(r.filter((x) => x.status === 'rejected')).toEqual([]);
    }
    for (let i = 0; i < social.length; i += 500) {
      const r = await ingestSocialBatch(pool, 'simulator-social', social.slice(i, i + 500));
      expect(r.filter((x) => x.status === 'rejected')).toEqual([]);
    }
  }, 280_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
    await db?.drop();
  });

  it('carries no issue on a quiet day of the realistic feed', async () => {
    const token = await issueWallDevice(server.pool, 'wall-isu-quiet', 'Lobi');
    const wall = connect(server.url, token, ['issues']);
    clients.push(wall);
    await eventually(() => expect(issuesOf(wall)).not.toBeNull(), 20_000);
    const state = issuesOf(wall)!;
    expect(state.days).toHaveLength(30);
    expect(state.issues).toEqual([]);
  });

  it('shows an injected flood as one issue naming its topic and its kabupaten, with the OPDs its complaints went to', async () => {
    const token = await issueWallDevice(server.pool, 'wall-isu-flood', 'Lobi');
    const wall = connect(server.url, token, ['issues']);
    clients.push(wall);
    await eventually(() => expect(issuesOf(wall)).not.toBeNull(), 20_000);
    const { incident, rejected } = await injectIncident(server.pool, server.pack, ctx, 'banjir', new Date(), {
      regencyCode: '62.03',
    });
    expect(rejected).toEqual([]);
    // Pushed to the wall already connected: a delta, not a reload.
    await eventually(() => expect(issuesOf(wall)!.issues.length).toBeGreaterThan(0), 20_000, 200);
    const state = issuesOf(wall)!;
    // One event, one issue: the topic's rise is the kabupaten's (domain `mergeSameEvent`), not two issues.
    const keys = state.issues.map((i) => `${i.kind}|${i.key}|${i.regencyCode ?? ''}`);
    expect(keys).toEqual(['topic|Banjir dan Drainase|62.03']);
    const topic = state.issues[0]!;
    // The injected tag; the realistic feed's own days may have tagged a flood mention too ("Banjir").
    expect(topic.tags).toContain('Banjir di Kapuas');
    expect(topic.complaintsRecent).toBeGreaterThanOrEqual(incident.complaints.length / 2);
    expect(topic.negativeRecent).toBeGreaterThanOrEqual(40);
    // The series end today and carry the spike in their last two days.
    expect(topic.complaints).toHaveLength(state.days.length);
    expect(topic.complaints.slice(-2).reduce((a, b) => a + b, 0)).toBe(topic.complaintsRecent);
    const incidentOpds = new Set(
      incident.complaints.flatMap((c) => ('opdId' in c.event ? [c.event.opdId as string] : [])),
    );
    expect(topic.opds.length).toBeGreaterThan(0);
    expect(topic.opds.some((o) => incidentOpds.has(o.opdId))).toBe(true);
    // Injected again the same day: exactly once, the figures do not move.
    await injectIncident(server.pool, server.pack, ctx, 'banjir', new Date(), { regencyCode: '62.03' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(issuesOf(wall)!.issues.find((i) => i.kind === 'topic')!.complaintsRecent).toBe(topic.complaintsRecent);
  });
});
