import type { ComplaintEvent, ComplaintEventType, ComplaintStatus } from '@pantau/contracts';
import { COMPLAINT_EVENT_TYPES } from '@pantau/contracts';
import { describe, expect, it } from 'vitest';
import { ev, followUp, reason, stateAfter, submittedToPupr, verifiedPupr } from './fixtures.test-data.ts';
import { applyEvent } from './lifecycle.ts';

// The lifecycle as a specification, written apart from the table it checks: for each status, the
// events it accepts and the status they lead to. Every other (status, event) pair must be refused.
const ALLOWED: Record<ComplaintStatus, Partial<Record<ComplaintEventType, ComplaintStatus>>> = {
  belum_diverifikasi: {
    verified: 'terverifikasi_didisposisi',
    postponed: 'ditunda',
    rejected_not_authority: 'bukan_wewenang',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    reassigned: 'belum_diverifikasi',
    status_label: 'selesai',
  },
  terverifikasi_didisposisi: {
    follow_up_posted: 'ditindaklanjuti',
    postponed: 'ditunda',
    reassigned: 'terverifikasi_didisposisi',
    rejected_not_authority: 'bukan_wewenang',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'selesai',
  },
  ditindaklanjuti: {
    follow_up_posted: 'ditindaklanjuti',
    reporter_replied: 'terverifikasi_didisposisi',
    completed: 'selesai',
    reassigned: 'ditindaklanjuti',
    rejected_not_authority: 'bukan_wewenang',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'selesai',
  },
  ditunda: {
    resumed: 'belum_diverifikasi',
    reassigned: 'ditunda',
    rejected_not_authority: 'bukan_wewenang',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'selesai',
  },
  bukan_wewenang: {
    verified: 'terverifikasi_didisposisi',
    archived: 'diarsipkan',
    deleted: 'dihapus',
    status_label: 'selesai',
  },
  selesai: {},
  diarsipkan: {},
  dihapus: {},
};

// How to get a complaint (submitted to kalsel.pupr by its reporter) into each status.
const AT = '2025-03-10T10:00:00';
const reach: Record<ComplaintStatus, () => ComplaintEvent[]> = {
  belum_diverifikasi: () => [],
  terverifikasi_didisposisi: () => [verifiedPupr()],
  ditindaklanjuti: () => [verifiedPupr(), followUp()],
  selesai: () => [verifiedPupr(), followUp(), ev('completed', '2025-03-07T10:00:00')],
  ditunda: () => [ev('postponed', '2025-03-04T10:00:00', reason)],
  bukan_wewenang: () => [ev('rejected_not_authority', '2025-03-04T10:00:00', { reason: 'Kewenangan kabupaten' })],
  diarsipkan: () => [ev('archived', '2025-03-04T10:00:00', { reason: 'Masukan terlalu umum' })],
  dihapus: () => [ev('deleted', '2025-03-04T10:00:00', { reason: 'Laporan tidak lengkap' })],
};

// One sample of each event type that may act on an existing complaint.
const sample: Record<ComplaintEventType, () => ComplaintEvent> = {
  submitted: () => ({ ...submittedToPupr, eventId: 'again' }),
  verified: () => ev('verified', AT, { opdId: 'kalsel.dinsos' }),
  follow_up_posted: () => ev('follow_up_posted', AT, { responder: 'Admin PUPR', text: 'Sudah ditinjau' }),
  reporter_replied: () => ev('reporter_replied', AT, { text: 'Belum diperbaiki' }),
  completed: () => ev('completed', AT),
  postponed: () => ev('postponed', AT, reason),
  resumed: () => ev('resumed', AT),
  rejected_not_authority: () => ev('rejected_not_authority', AT, { reason: 'Kewenangan kabupaten' }),
  archived: () => ev('archived', AT, { reason: 'Masukan terlalu umum' }),
  deleted: () => ev('deleted', AT, { reason: 'Duplikat laporan' }),
  reassigned: () => ev('reassigned', AT, { opdId: 'kalsel.dinsos', reason: 'Salah disposisi' }),
  status_label: () => ev('status_label', AT, { label: 'Selesai' }),
};

const statuses = Object.keys(ALLOWED) as ComplaintStatus[];
const allowed = statuses.flatMap((s) =>
  Object.entries(ALLOWED[s]).map(([type, to]) => [s, type as ComplaintEventType, to] as const),
);
const forbidden = statuses.flatMap((s) =>
  COMPLAINT_EVENT_TYPES.filter((t) => t !== 'submitted' && !(t in ALLOWED[s])).map((t) => [s, t] as const),
);

describe('complaint transition table', () => {
  it.each(statuses)('reaches %s through its arranging events', (status) => {
    expect(stateAfter(submittedToPupr, ...reach[status]()).status).toBe(status);
  });

  it.each(allowed)('from %s, %s leads to %s', (from, type, to) => {
    const before = stateAfter(submittedToPupr, ...reach[from]());
    const r = applyEvent(before, sample[type]());
    expect(r.ok && r.state.status).toBe(to);
    expect(r.ok && r.state.version).toBe(before.version + 1);
  });

  it.each(forbidden)('from %s, refuses %s naming event.type', (from, type) => {
    const r = applyEvent(stateAfter(submittedToPupr, ...reach[from]()), sample[type]());
    expect(r).toEqual({
      ok: false,
      error: { field: 'event.type', message: `cannot ${type} a complaint that is ${from}` },
    });
  });

  it.each(statuses)('refuses a second submission of a complaint that is %s', (from) => {
    const r = applyEvent(stateAfter(submittedToPupr, ...reach[from]()), sample.submitted());
    expect(r).toMatchObject({ ok: false, error: { field: 'event.type' } });
  });

  it('refuses every event but submitted on a complaint that does not exist yet', () => {
    for (const type of COMPLAINT_EVENT_TYPES.filter((t) => t !== 'submitted'))
      expect(applyEvent(null, sample[type]())).toEqual({
        ok: false,
        error: { field: 'event.type', message: `cannot ${type} a complaint that was never submitted` },
      });
  });
});
