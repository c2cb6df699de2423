import { describe, expect, it } from 'vitest';
import { firstIssue } from './common.ts';
import { socialIngestItem, socialKpiQuery } from './social.ts';

const fieldOf = (v: unknown) => {
  const r = socialIngestItem.safeParse(v);
  return r.success ? null : firstIssue(r.error).field;
};
const metrics = (figures: unknown) => ({
  externalId: 'ig:dinkes:2025-03-03',
  event: {
    type: 'account_metrics',
    eventId: 'poll-1',
    occurredAt: '2025-03-03T23:00:00+07:00',
    account: { platform: 'instagram', handle: 'dinkeskalteng' },
    date: '2025-03-03',
    figures,
  },
});

describe('social ingest contract', () => {
  it('accepts partial daily figures', () => {
    expect(fieldOf(metrics({ followers: 1200, reach: 800 }))).toBeNull();
  });

  it('names the figure that is negative, fractional or unknown', () => {
    expect(fieldOf(metrics({ reach: -1 }))).toBe('event.figures.reach');
    expect(fieldOf(metrics({ likes: 1.5 }))).toBe('event.figures.likes');
    expect(fieldOf(metrics({ followerz: 3 }))).toBe('event.figures');
  });

  it('refuses an unknown platform and a date that is not a date', () => {
    const bad = metrics({});
    bad.event.account.platform = 'myspace';
    expect(fieldOf(bad)).toBe('event.account.platform');
    const badDate = metrics({});
    badDate.event.date = '2025-02-30';
    expect(fieldOf(badDate)).toBe('event.date');
  });

  it('defaults the KPI query to reach-based engagement and a 1×24 jam reply target', () => {
    expect(socialKpiQuery.parse({ from: '2025-03-01', to: '2025-03-31' })).toMatchObject({
      basis: 'reach',
      replyTargetMinutes: 1440,
    });
  });
});
