import { describe, expect, it } from 'vitest';
import { detectIssues, type IssueSubject } from './detect.ts';
import { mergeSameEvent } from './merge.ts';

const quiet = (n: number, v: number) => Array.from({ length: n }, () => v);
const subject = (kind: IssueSubject['kind'], key: string, complaints: number[], negative: number[]): IssueSubject => ({
  kind,
  key,
  complaints: [...quiet(28, 0), ...complaints],
  negativeMentions: [...quiet(28, 1), ...negative],
  openHoax: false,
});
/** Complaints in the window about a topic and in a kabupaten/kota, from a table of pairs. */
const sharedOf =
  (pairs: Record<string, number>) =>
  (topic: string, regencyCode: string): number =>
    pairs[`${topic}|${regencyCode}`] ?? 0;

describe('one event, one issue', () => {
  it('joins a flood’s topic and its kabupaten into one issue when their extra complaints are the same ones', () => {
    const found = detectIssues([
      subject('topic', 'Banjir dan Drainase', [5, 7], [15, 25]),
      subject('regency', '62.03', [6, 7], [15, 25]),
    ]);
    expect(found).toHaveLength(2);
    const merged = mergeSameEvent(found, sharedOf({ 'Banjir dan Drainase|62.03': 12 }));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ kind: 'topic', key: 'Banjir dan Drainase', place: { key: '62.03' }, shared: 12 });
    // As strong as the stronger of the two.
    expect(merged[0]!.score).toBe(Math.min(...found.map((f) => f.score)));
  });

  it('keeps unrelated issues of the same days apart: a flood elsewhere and a road in another kabupaten', () => {
    const found = detectIssues([
      subject('topic', 'Banjir dan Drainase', [5, 7], [15, 25]),
      subject('regency', '62.03', [6, 7], [15, 25]),
      subject('topic', 'Infrastruktur Jalan', [4, 5], [10, 12]),
      subject('regency', '62.71', [4, 6], [10, 12]),
    ]);
    expect(found).toHaveLength(4);
    const merged = mergeSameEvent(
      found,
      sharedOf({ 'Banjir dan Drainase|62.03': 12, 'Infrastruktur Jalan|62.71': 0, 'Banjir dan Drainase|62.71': 1 }),
    );
    expect(merged.map((m) => `${m.kind}|${m.key}|${m.place?.key ?? ''}`).sort()).toEqual([
      'regency|62.71|',
      'topic|Banjir dan Drainase|62.03',
      'topic|Infrastruktur Jalan|',
    ]);
  });

  it('keeps a topic apart from a kabupaten that holds only a small part of its rise', () => {
    // 12 extra complaints about the topic across the province, 3 of them in the kabupaten.
    const found = detectIssues([
      subject('topic', 'Kesehatan', [6, 6], [12, 12]),
      subject('regency', '62.01', [3, 3], [12, 12]),
    ]);
    expect(found).toHaveLength(2);
    expect(mergeSameEvent(found, sharedOf({ 'Kesehatan|62.01': 3 }))).toHaveLength(2);
  });

  it('keeps a kabupaten apart when the topic is only a small part of its rise', () => {
    const found = detectIssues([
      subject('topic', 'Perizinan', [3, 3], [12, 12]),
      subject('regency', '62.02', [9, 9], [12, 12]),
    ]);
    expect(found).toHaveLength(2);
    // All of the topic's complaints are in the kabupaten, but they are a third of its rise.
    expect(mergeSameEvent(found, sharedOf({ 'Perizinan|62.02': 6 }))).toHaveLength(2);
  });

  it('gives a kabupaten to one topic only, the one sharing the most complaints with it', () => {
    const found = detectIssues([
      subject('topic', 'Banjir dan Drainase', [5, 7], [15, 25]),
      subject('topic', 'Infrastruktur Jalan', [4, 4], [10, 12]),
      subject('regency', '62.03', [10, 10], [15, 25]),
    ]);
    const merged = mergeSameEvent(found, sharedOf({ 'Banjir dan Drainase|62.03': 12, 'Infrastruktur Jalan|62.03': 8 }));
    expect(merged.map((m) => `${m.key}|${m.place?.key ?? ''}`).sort()).toEqual([
      'Banjir dan Drainase|62.03',
      'Infrastruktur Jalan|',
    ]);
  });

  it('asks for no shared counts when there is nothing to join', () => {
    const found = detectIssues([subject('topic', 'Banjir dan Drainase', [5, 7], [15, 25])]);
    const shared = (): number => {
      throw new Error('not asked');
    };
    expect(mergeSameEvent(found, shared)).toEqual(found);
  });
});
