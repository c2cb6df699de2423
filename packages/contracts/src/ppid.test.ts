import { describe, expect, it } from 'vitest';
import { firstIssue } from './common.ts';
import { ppidIngestItem } from './ppid.ts';

const received = {
  type: 'received',
  eventId: 'r1',
  occurredAt: '2025-03-03T09:00:00+07:00',
  regNo: '001/PPID/III/2025',
  ppidLevel: 'pembantu',
  opdId: 'kalteng.dinkes',
  channel: 'email',
  requesterType: 'mahasiswa',
  subject: 'Data jumlah puskesmas 2024',
  format: 'softcopy',
};
const parse = (v: unknown) => ppidIngestItem.safeParse(v);
const fieldOf = (v: unknown) => {
  const r = parse(v);
  return r.success ? null : firstIssue(r.error).field;
};

describe('PPID ingest contract', () => {
  it('accepts a received request of a PPID pembantu', () => {
    expect(parse({ kind: 'request', externalId: 'R1', event: received }).success).toBe(true);
  });

  it('requires the OPD for a PPID pembantu request, naming event.opdId', () => {
    const { opdId: _omit, ...noOpd } = received;
    expect(fieldOf({ kind: 'request', externalId: 'R1', event: noOpd })).toBe('event.opdId');
    expect(parse({ kind: 'request', externalId: 'R1', event: { ...noOpd, ppidLevel: 'utama' } }).success).toBe(true);
  });

  it('requires a Pasal 17 ground for a rejection and refuses one on a full grant', () => {
    const decided = { type: 'decided', eventId: 'd1', occurredAt: '2025-03-10T09:00:00+07:00' };
    expect(fieldOf({ kind: 'request', externalId: 'R1', event: { ...decided, decision: 'ditolak' } })).toBe(
      'event.exclusionGround',
    );
    expect(
      parse({ kind: 'request', externalId: 'R1', event: { ...decided, decision: 'ditolak', exclusionGround: 'h' } })
        .success,
    ).toBe(true);
    expect(
      fieldOf({ kind: 'request', externalId: 'R1', event: { ...decided, decision: 'dipenuhi', exclusionGround: 'a' } }),
    ).toBe('event.exclusionGround');
    expect(
      fieldOf({ kind: 'request', externalId: 'R1', event: { ...decided, decision: 'ditolak', exclusionGround: 'k' } }),
    ).toBe('event.exclusionGround');
  });

  it('accepts Pasal 35 grounds a–g only', () => {
    const ev = (ground: string) => ({
      kind: 'request',
      externalId: 'R1',
      event: { type: 'objection_filed', eventId: 'o1', occurredAt: '2025-04-01T09:00:00+07:00', ground },
    });
    expect(parse(ev('g')).success).toBe(true);
    expect(fieldOf(ev('h'))).toBe('event.ground');
  });

  it('validates DIP entries and monev scores', () => {
    const dip = {
      kind: 'dip_entry',
      externalId: 'dip-1',
      eventId: 'v1',
      occurredAt: '2025-01-05T10:00:00+07:00',
      opdId: 'kalteng.dinkes',
      category: 'berkala',
      ringkasan: 'Laporan keuangan 2024',
    };
    expect(parse(dip)).toMatchObject({ success: true, data: { downloads: 0 } });
    expect(fieldOf({ ...dip, category: 'rahasia' })).toBe('category');
    const monev = {
      kind: 'monev',
      externalId: 'm',
      eventId: 'v',
      occurredAt: '2025-12-01T10:00:00+07:00',
      opdId: 'kalteng.dinkes',
      year: 2025,
    };
    expect(parse({ ...monev, score: 91.5 }).success).toBe(true);
    expect(fieldOf({ ...monev, score: 101 })).toBe('score');
    expect(fieldOf({ ...monev, score: 80, kind: 'nope' })).toBe('kind');
  });
});
