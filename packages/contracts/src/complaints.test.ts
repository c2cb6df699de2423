import { describe, expect, it } from 'vitest';
import { complaintEvent, complaintIngestBatch } from './complaints.ts';

const submitted = {
  type: 'submitted',
  eventId: 'e1',
  occurredAt: '2025-03-03T09:00:00+08:00',
  trackingId: '2300001',
  channel: 'web',
  classification: 'pengaduan',
  title: 'Jalan rusak',
  body: 'Jalan berlubang',
};

describe('complaint contracts', () => {
  it('accepts a submission and defaults the anonim and rahasia flags to false', () => {
    expect(complaintEvent.parse(submitted)).toMatchObject({ isAnonim: false, isRahasia: false });
  });

  it('names body when it is longer than 10,000 characters', () => {
    const r = complaintEvent.safeParse({ ...submitted, body: 'x'.repeat(10_001) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['body']);
  });

  it('names regencyCode when it is not NN.NN', () => {
    expect(complaintEvent.safeParse({ ...submitted, regencyCode: '6371' }).error?.issues[0]?.path).toEqual([
      'regencyCode',
    ]);
  });

  it('refuses an unknown event type and a time without an offset', () => {
    expect(complaintEvent.safeParse({ ...submitted, type: 'teleported' }).success).toBe(false);
    expect(complaintEvent.safeParse({ ...submitted, occurredAt: '2025-03-03 09:00' }).error?.issues[0]?.path).toEqual([
      'occurredAt',
    ]);
  });

  it('takes 1 to 1,000 items from a named source', () => {
    expect(complaintIngestBatch.safeParse({ source: 'lapor', items: [] }).success).toBe(false);
    expect(
      complaintIngestBatch.safeParse({ source: 'lapor', items: Array(1001).fill({}) }).error?.issues[0]?.path,
    ).toEqual(['items']);
    expect(complaintIngestBatch.safeParse({ source: 'Lapor Kalsel', items: [{}] }).error?.issues[0]?.path).toEqual([
      'source',
    ]);
    expect(complaintIngestBatch.safeParse({ source: 'lapor', items: [{}], extra: 1 }).success).toBe(false);
  });
});
