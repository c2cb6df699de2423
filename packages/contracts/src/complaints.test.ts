import { describe, expect, it } from 'vitest';
import { firstIssue } from './common.ts';
import {
  COMPLAINT_EVENT_TYPES,
  complaintEvent,
  complaintIngestBatch,
  complaintIngestBatchStrict,
  complaintPublicFields,
  completionTier,
  ingestItemResult,
} from './complaints.ts';

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
const item = (externalId: string, event: object = submitted) => ({ externalId, event });
const fieldOf = (r: { success: boolean; error?: Parameters<typeof firstIssue>[0] }) =>
  r.success || !r.error ? null : firstIssue(r.error).field;

describe('complaint events', () => {
  it('accepts a submission and defaults the anonim and rahasia flags to false', () => {
    expect(complaintEvent.parse(submitted)).toMatchObject({ isAnonim: false, isRahasia: false });
  });

  it('accepts a reporter with a phone contact and refuses a malformed e-mail, naming reporter.email', () => {
    expect(complaintEvent.safeParse({ ...submitted, reporter: { name: 'Siti', contact: '0812' } }).success).toBe(true);
    expect(fieldOf(complaintEvent.safeParse({ ...submitted, reporter: { email: 'siti@' } }))).toBe('reporter.email');
  });

  it('names body when it is longer than 10,000 characters', () => {
    expect(fieldOf(complaintEvent.safeParse({ ...submitted, body: 'x'.repeat(10_000) }))).toBeNull();
    expect(fieldOf(complaintEvent.safeParse({ ...submitted, body: 'x'.repeat(10_001) }))).toBe('body');
  });

  it('names regencyCode when it is not NN.NN, and trackingId when it is not digits', () => {
    expect(fieldOf(complaintEvent.safeParse({ ...submitted, regencyCode: '6371' }))).toBe('regencyCode');
    expect(fieldOf(complaintEvent.safeParse({ ...submitted, trackingId: 'LAP-1' }))).toBe('trackingId');
  });

  it('refuses an unknown event type and a time without an offset', () => {
    expect(complaintEvent.safeParse({ ...submitted, type: 'teleported' }).success).toBe(false);
    expect(fieldOf(complaintEvent.safeParse({ ...submitted, occurredAt: '2025-03-03T09:00:00' }))).toBe('occurredAt');
  });

  it('requires an OPD on verified and reassigned, and a reason on the side exits', () => {
    const at = { eventId: 'e2', occurredAt: '2025-03-04T10:00:00+08:00' };
    expect(fieldOf(complaintEvent.safeParse({ ...at, type: 'verified' }))).toBe('opdId');
    expect(fieldOf(complaintEvent.safeParse({ ...at, type: 'reassigned', opdId: 'kalsel.pupr' }))).toBe('reason');
    for (const type of ['postponed', 'rejected_not_authority', 'archived', 'deleted'])
      expect(fieldOf(complaintEvent.safeParse({ ...at, type }))).toBe('reason');
    expect(complaintEvent.safeParse({ ...at, type: 'status_label', label: 'Proses' }).success).toBe(true);
  });

  it('lists every event type once', () => {
    expect(COMPLAINT_EVENT_TYPES).toHaveLength(12);
    expect(new Set(COMPLAINT_EVENT_TYPES).size).toBe(12);
    expect(completionTier.options).toEqual(['ringan', 'sedang', 'berat']);
  });
});

describe('complaint ingest batch', () => {
  it('the envelope takes 1 to 1,000 items from a named source and leaves items to be parsed one by one', () => {
    expect(complaintIngestBatch.safeParse({ source: 'lapor', items: [{}] }).success).toBe(true);
    expect(complaintIngestBatch.safeParse({ source: 'lapor', items: [] }).success).toBe(false);
    expect(fieldOf(complaintIngestBatch.safeParse({ source: 'lapor', items: Array(1001).fill({}) }))).toBe('items');
    expect(fieldOf(complaintIngestBatch.safeParse({ source: 'Lapor Kalsel', items: [{}] }))).toBe('source');
    expect(complaintIngestBatch.safeParse({ source: 'lapor', items: [{}], extra: 1 }).success).toBe(false);
  });

  it('the strict batch accepts valid items from several complaints', () => {
    const r = complaintIngestBatchStrict.safeParse({ source: 'lapor', items: [item('A'), item('B')] });
    expect(r.success).toBe(true);
  });

  it('the strict batch refuses a repeated (externalId, eventId), naming the index of the repeat', () => {
    const r = complaintIngestBatchStrict.safeParse({ source: 'lapor', items: [item('A'), item('B'), item('A')] });
    expect(r.error?.issues.map((i) => i.path)).toEqual([['items', 2, 'event', 'eventId']]);
    expect(r.error?.issues[0]?.message).toBe('repeats items.0 (externalId "A", eventId "e1")');
  });

  it('the strict batch names items.0.event.body for a 10,001-character body', () => {
    const r = complaintIngestBatchStrict.safeParse({
      source: 'lapor',
      items: [item('A', { ...submitted, body: 'x'.repeat(10_001) })],
    });
    expect(fieldOf(r)).toBe('items.0.event.body');
  });

  it('the strict batch names a bad regency code by its item', () => {
    const r = complaintIngestBatchStrict.safeParse({
      source: 'lapor',
      items: [item('A'), item('B', { ...submitted, regencyCode: '63-71' })],
    });
    expect(fieldOf(r)).toBe('items.1.event.regencyCode');
  });

  it('the strict batch refuses 1,001 items and an empty batch at items', () => {
    const many = Array.from({ length: 1001 }, (_, i) => item(`C${i}`));
    const r = complaintIngestBatchStrict.safeParse({ source: 'lapor', items: many });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['items']);
    expect(fieldOf(complaintIngestBatchStrict.safeParse({ source: 'lapor', items: [] }))).toBe('items');
  });

  it('an item result carries the field path of its error', () => {
    const result = {
      index: 0,
      externalId: 'A',
      eventId: 'e1',
      status: 'rejected',
      error: { field: 'items.0.event.body', message: 'too long' },
    };
    expect(ingestItemResult.parse(result)).toEqual(result);
    expect(ingestItemResult.safeParse({ ...result, status: 'maybe' }).success).toBe(false);
  });
});

describe('complaint public fields', () => {
  it('marks the reporter identity as personal always, and title and body when rahasia', () => {
    expect(complaintPublicFields.personal).toEqual(['reporter.name', 'reporter.contact', 'reporter.email']);
    expect(complaintPublicFields.personalWhenRahasia).toEqual(['title', 'body']);
  });

  it('lets public widgets group only by fields that are not personal', () => {
    const secret = new Set<string>([...complaintPublicFields.personal, ...complaintPublicFields.personalWhenRahasia]);
    expect(complaintPublicFields.aggregatable.filter((f) => secret.has(f))).toEqual([]);
  });
});
