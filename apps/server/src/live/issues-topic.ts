import type { IssuesTopicState, IssueWire } from '@pantau/contracts/live';
import {
  complaintSubjectDays,
  negativeMentionDays,
  openHoaxTags,
  regencyTopicComplaints,
  subjectOpds,
  type Pool,
} from '@pantau/db';
import {
  addDays,
  DEFAULT_ISSUE_OPTIONS,
  detectIssues,
  localDateOf,
  mergeSameEvent,
  subjectsOfTag,
  type DetectedIssue,
  type IssueSubject,
} from '@pantau/domain';
import type { ProvincePack } from '@pantau/provinces';

export interface IssuesTopicOptions {
  /** @default () => new Date() */
  now?: () => Date;
  /** The most issues the topic carries (the scene shows the first; the rest are counted). @default 5 */
  limit?: number;
}

/**
 * The `issues` topic: the Isu detector (domain `detectIssues`) run over the daily rollups. Complaints
 * per topic and per kabupaten/kota, tagged negative mentions mapped onto the same subjects
 * (`subjectsOfTag`), and open hoaxes, over the detector's window plus its baseline (30 days). A topic
 * and a kabupaten/kota that rose as one event are carried as one issue (domain `mergeSameEvent`). Issues
 * move by the day, so the topic is rebuilt at the publisher's periodic refresh, not on every ingest commit.
 */
export function createIssuesTopic(pack: ProvincePack, options: IssuesTopicOptions = {}) {
  const o = DEFAULT_ISSUE_OPTIONS;
  const span = o.windowDays + o.baselineDays;
  return async (pool: Pool): Promise<IssuesTopicState> => {
    const to = localDateOf(options.now?.() ?? new Date(), pack.timeZone);
    const from = addDays(to, -(span - 1));
    const days = Array.from({ length: span }, (_, i) => addDays(from, i));
    const index = new Map(days.map((d, i) => [d, i]));
    const [complaintRows, mentionRows, hoaxes] = await Promise.all([
      complaintSubjectDays(pool, { from, to }),
      negativeMentionDays(pool, { from, to, timeZone: pack.timeZone }),
      openHoaxTags(pool),
    ]);

    interface Acc {
      kind: 'topic' | 'regency';
      key: string;
      complaints: number[];
      negative: number[];
      tags: Set<string>;
      hoaxTags: Set<string>;
    }
    const subjects = new Map<string, Acc>();
    const subject = (kind: Acc['kind'], key: string): Acc => {
      const id = `${kind}|${key}`;
      let s = subjects.get(id);
      if (!s) {
        s = {
          kind,
          key,
          complaints: days.map(() => 0),
          negative: days.map(() => 0),
          tags: new Set(),
          hoaxTags: new Set(),
        };
        subjects.set(id, s);
      }
      return s;
    };
    const subjectsOf = (tag: string): Acc[] => {
      const { topic, regencyCode } = subjectsOfTag(tag, pack.regencies);
      return [...(topic ? [subject('topic', topic)] : []), ...(regencyCode ? [subject('regency', regencyCode)] : [])];
    };
    for (const r of complaintRows) {
      const i = index.get(r.day);
      if (i !== undefined) subject(r.kind, r.key).complaints[i]! += r.received;
    }
    for (const r of mentionRows) {
      const i = index.get(r.day);
      if (i === undefined) continue;
      for (const s of subjectsOf(r.tag)) {
        s.negative[i]! += r.negative;
        s.tags.add(r.tag);
      }
    }
    for (const h of hoaxes) for (const s of subjectsOf(h.tag)) s.hoaxTags.add(h.tag);

    const input: IssueSubject[] = [...subjects.values()].map((s) => ({
      kind: s.kind,
      key: s.key,
      complaints: s.complaints,
      negativeMentions: s.negative,
      openHoax: s.hoaxTags.size > 0,
    }));
    const windowFrom = addDays(to, -(o.windowDays - 1));
    const detected = detectIssues(input);
    const found = mergeSameEvent(detected, await sharedComplaints(pool, detected, windowFrom, to)).slice(
      0,
      options.limit ?? 5,
    );
    const issues: IssueWire[] = await Promise.all(
      found.map(async (f) => {
        const s = subjects.get(`${f.kind}|${f.key}`)!;
        return {
          kind: f.kind,
          key: f.key,
          ...(f.place ? { regencyCode: f.place.key } : {}),
          complaints: s.complaints,
          negative: s.negative,
          complaintsRecent: f.complaints.recent,
          complaintsUsualPerDay: Math.round(f.complaints.usualPerDay * 100) / 100,
          negativeRecent: f.negative.recent,
          negativeUsualPerDay: Math.round(f.negative.usualPerDay * 100) / 100,
          openHoax: f.openHoax,
          tags: [...s.tags].sort(),
          hoaxTags: [...s.hoaxTags].sort(),
          opds: await subjectOpds(pool, { kind: f.kind, key: f.key }, { from: windowFrom, to }),
        };
      }),
    );
    return { asOf: to, days, windowDays: o.windowDays, issues };
  };
}

/**
 * Complaints in the window per topic and kabupaten/kota, for `mergeSameEvent`: the rollup of each
 * kabupaten/kota's scope by topic, read only when a topic and a kabupaten/kota are both issues now (a
 * quiet day reads nothing more).
 */
async function sharedComplaints(
  pool: Pool,
  found: readonly DetectedIssue[],
  from: string,
  to: string,
): Promise<(topic: string, regencyCode: string) => number> {
  if (!found.some((f) => f.kind === 'topic') || !found.some((f) => f.kind === 'regency')) return () => 0;
  const n = new Map<string, number>();
  for (const r of await regencyTopicComplaints(pool, { from, to })) n.set(`${r.topic}|${r.regencyCode}`, r.received);
  return (topic, regencyCode) => n.get(`${topic}|${regencyCode}`) ?? 0;
}
