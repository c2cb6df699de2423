import { addDays, detectIssues, localDateOf, subjectsOfTag, type IssueSubject } from '@pantau/domain';
import { loadProvincePack } from '@pantau/provinces';
import { describe, expect, it } from 'vitest';
import { ComplaintSimulator } from './complaints.ts';
import { correlatedIncident } from './incident.ts';
import { SocialSimulator } from './social.ts';

const DAY = 86_400_000;

/** Daily counts per Isu subject, as the server's reader sums them from the rollups. */
class Days {
  readonly complaints = new Map<string, Map<string, number>>();
  readonly negative = new Map<string, Map<string, number>>();
  add(map: Map<string, Map<string, number>>, subject: string, day: string, n = 1) {
    const m = map.get(subject) ?? new Map<string, number>();
    m.set(day, (m.get(day) ?? 0) + n);
    map.set(subject, m);
  }
  subjects(to: string, span: number, openHoax: Set<string> = new Set()): IssueSubject[] {
    const days = Array.from({ length: span }, (_, i) => addDays(to, i - span + 1));
    const keys = new Set([...this.complaints.keys(), ...this.negative.keys()]);
    return [...keys].map((k) => {
      const [kind, key] = k.split('|') as ['topic' | 'regency', string];
      return {
        kind,
        key,
        complaints: days.map((d) => this.complaints.get(k)?.get(d) ?? 0),
        negativeMentions: days.map((d) => this.negative.get(k)?.get(d) ?? 0),
        openHoax: openHoax.has(k),
      };
    });
  }
}

function feed(pack: ReturnType<typeof loadProvincePack>, start: Date, end: Date, seed: number) {
  const days = new Days();
  const tz = pack.timeZone;
  const complaints = new ComplaintSimulator({ pack, start, seed, perDay: pack.demoRates.complaintsPerDay });
  const social = new SocialSimulator({ pack, start, seed: seed + 1, activity: pack.demoRates.socialActivity });
  for (const c of complaints.advance(end)) {
    const e = c.event as { type: string; occurredAt: string; topic?: string; regencyCode?: string };
    if (e.type !== 'submitted') continue;
    const day = localDateOf(new Date(e.occurredAt), tz);
    if (e.topic) days.add(days.complaints, `topic|${e.topic}`, day);
    if (e.regencyCode) days.add(days.complaints, `regency|${e.regencyCode}`, day);
  }
  for (const s of social.advance(end)) {
    const e = s.event as { type: string; occurredAt: string; sentiment?: string; issueTag?: string };
    if (e.type !== 'interaction_received' || e.sentiment !== 'negative' || !e.issueTag) continue;
    const day = localDateOf(new Date(e.occurredAt), tz);
    const { topic, regencyCode } = subjectsOfTag(e.issueTag, pack.regencies);
    if (topic) days.add(days.negative, `topic|${topic}`, day);
    if (regencyCode) days.add(days.negative, `regency|${regencyCode}`, day);
  }
  return days;
}

describe('a correlated incident from the simulator', () => {
  const pack = loadProvincePack('kalteng');

  it('stays quiet through a year of the realistic feed: no false alarm in any of its subject-days', () => {
    // Kalteng's real volume (1.5 complaints a day) with its social accounts' issue spikes and hoaxes.
    const end = new Date('2026-06-30T16:00:00Z');
    const start = new Date(end.getTime() - 395 * DAY);
    const days = feed(pack, start, end, 4242);
    let alarms = 0;
    let subjectDays = 0;
    for (let d = 365; d >= 1; d--) {
      const to = localDateOf(new Date(end.getTime() - d * DAY), pack.timeZone);
      const subjects = days.subjects(to, 30);
      subjectDays += subjects.length;
      alarms += detectIssues(subjects).length;
    }
    // The figure docs/wall.md states: 25 subjects (11 topics, 14 kabupaten/kota) × 365 days, no alarm.
    expect(subjectDays).toBe(9125);
    expect(alarms).toBe(0);
  });

  it('a flood raises complaints on its topic and its kabupaten together with angry mentions, and is found', () => {
    const at = new Date('2026-06-30T05:00:00Z');
    const days = feed(pack, new Date(at.getTime() - 40 * DAY), at, 7);
    const incident = correlatedIncident(pack, 'banjir', at, { regencyCode: '62.03' });
    expect(incident.tag).toBe('Banjir di Kapuas');
    for (const c of incident.complaints) {
      const e = c.event as { type: string; occurredAt: string; topic?: string; regencyCode?: string };
      if (e.type !== 'submitted') continue;
      const day = localDateOf(new Date(e.occurredAt), pack.timeZone);
      days.add(days.complaints, `topic|${e.topic}`, day);
      days.add(days.complaints, `regency|${e.regencyCode}`, day);
    }
    for (const s of incident.social) {
      const day = localDateOf(new Date(s.event.occurredAt), pack.timeZone);
      days.add(days.negative, 'topic|Banjir dan Drainase', day);
      days.add(days.negative, 'regency|62.03', day);
    }
    const found = detectIssues(days.subjects(localDateOf(at, pack.timeZone), 30));
    expect(found.map((f) => `${f.kind}|${f.key}`).sort()).toEqual(['regency|62.03', 'topic|Banjir dan Drainase']);
  });

  it('is the same incident when injected twice on a day (same external ids), so ingest keeps it once', () => {
    const at = new Date('2026-06-30T05:00:00Z');
    const a = correlatedIncident(pack, 'hoaks', at);
    const b = correlatedIncident(pack, 'hoaks', new Date(at.getTime() + 3_600_000));
    expect(a.complaints.map((c) => c.externalId)).toEqual(b.complaints.map((c) => c.externalId));
    expect(a.social.every((s) => s.event.type === 'interaction_received' && s.event.hoaxSuspect)).toBe(true);
  });
});
