import type { ComplaintEvent } from '@pantau/contracts';
import { describe, expect, it } from 'vitest';
import type { ComplaintState } from './complaint-state.ts';
import {
  ev,
  followUp,
  reason,
  state,
  stateAfter,
  submitted,
  submittedToPupr,
  verifiedPupr,
} from './fixtures.test-data.ts';
import { applyEvent, foldEvents } from './lifecycle.ts';

const utc = (iso: string) => new Date(iso);

describe('complaint lifecycle', () => {
  it('a new complaint waits for verification at version 1, keeping its class, channel and flags', () => {
    expect(state()).toMatchObject({
      status: 'belum_diverifikasi',
      version: 1,
      trackingId: '2300001',
      channel: 'sms1708',
      classification: 'pengaduan',
      regencyCode: '63.71',
      topic: null,
      opdId: null,
      isAnonim: false,
      isRahasia: true,
      submittedAt: utc('2025-03-03T01:00:00Z'),
      pauses: [],
    });
  });

  it('verification disposes it to an OPD, stamping verifiedAt and dispatchedAt', () => {
    const s = state(verifiedPupr());
    expect(s).toMatchObject({ status: 'terverifikasi_didisposisi', opdId: 'kalsel.pupr' });
    expect(s.verifiedAt).toEqual(utc('2025-03-04T02:00:00Z'));
    expect(s.dispatchedAt).toEqual(utc('2025-03-04T02:00:00Z'));
  });

  it('goes through follow-up to selesai, stamping first and last follow-up and closedAt', () => {
    const s = state(
      verifiedPupr(),
      followUp(),
      followUp('2025-03-07T10:00:00'),
      ev('completed', '2025-03-10T10:00:00'),
    );
    expect(s.status).toBe('selesai');
    expect(s.firstFollowUpAt).toEqual(utc('2025-03-06T02:00:00Z'));
    expect(s.lastFollowUpAt).toEqual(utc('2025-03-07T02:00:00Z'));
    expect(s.closedAt).toEqual(utc('2025-03-10T02:00:00Z'));
    expect(s.version).toBe(5);
  });

  it('refuses to complete a complaint that was never followed up, naming event.type', () => {
    expect(applyEvent(state(verifiedPupr()), ev('completed', '2025-03-05T10:00:00'))).toEqual({
      ok: false,
      error: { field: 'event.type', message: 'cannot completed a complaint that is terverifikasi_didisposisi' },
    });
  });

  it('a reporter reply sends it back to the OPD and records the wait since the last follow-up as a pause', () => {
    const s = state(verifiedPupr(), followUp(), ev('reporter_replied', '2025-03-10T10:00:00'));
    expect(s.status).toBe('terverifikasi_didisposisi');
    expect(s.reporterRepliedAt).toEqual(utc('2025-03-10T02:00:00Z'));
    expect(s.dispatchedAt).toEqual(utc('2025-03-04T02:00:00Z')); // still the original dispatch
    expect(s.pauses).toEqual([{ start: utc('2025-03-06T02:00:00Z'), end: utc('2025-03-10T02:00:00Z') }]);
  });

  it('postponed then resumed returns to the prior status and records a closed pause', () => {
    const s = state(
      verifiedPupr(),
      ev('postponed', '2025-03-05T10:00:00', reason),
      ev('resumed', '2025-03-07T10:00:00'),
    );
    expect(s).toMatchObject({ status: 'terverifikasi_didisposisi', resumeTo: null });
    expect(s.pauses).toEqual([{ start: utc('2025-03-05T02:00:00Z'), end: utc('2025-03-07T02:00:00Z') }]);
    expect(s.dispatchedAt).toEqual(utc('2025-03-04T02:00:00Z')); // resuming is not a new dispatch
  });

  it('while postponed it remembers where to return and keeps the pause open', () => {
    const s = state(verifiedPupr(), ev('postponed', '2025-03-05T10:00:00', reason));
    expect(s).toMatchObject({ status: 'ditunda', resumeTo: 'terverifikasi_didisposisi' });
    expect(s.pauses).toEqual([{ start: utc('2025-03-05T02:00:00Z'), end: null }]);
  });

  it('archiving a postponed complaint closes its pause', () => {
    const s = state(ev('postponed', '2025-03-04T10:00:00', reason), ev('archived', '2025-03-06T10:00:00', reason));
    expect(s).toMatchObject({ status: 'diarsipkan', resumeTo: null, closedAt: utc('2025-03-06T02:00:00Z') });
    expect(s.pauses[0]?.end).toEqual(utc('2025-03-06T02:00:00Z'));
  });

  it('a bukan-wewenang complaint can be re-routed by verifying it to another OPD', () => {
    const s = state(
      ev('rejected_not_authority', '2025-03-04T10:00:00', { reason: 'Kewenangan kabupaten' }),
      ev('verified', '2025-03-05T10:00:00', { opdId: 'kalsel.dinsos' }),
    );
    expect(s).toMatchObject({ status: 'terverifikasi_didisposisi', opdId: 'kalsel.dinsos' });
    expect(s.dispatchedAt).toEqual(utc('2025-03-05T02:00:00Z'));
  });

  it('a deleted complaint is stamped deletedAt, not closedAt', () => {
    const s = state(ev('deleted', '2025-03-04T10:00:00', { reason: 'Laporan tidak lengkap' }));
    expect(s).toMatchObject({ status: 'dihapus', deletedAt: utc('2025-03-04T02:00:00Z'), closedAt: null });
  });
});

describe('reassignment', () => {
  const reassign = (opdId: string) => ev('reassigned', '2025-03-05T10:00:00', { opdId, reason: 'Salah disposisi' });

  it('moves a dispatched complaint to another OPD, keeping its status and restarting the OPD clock', () => {
    const s = state(verifiedPupr(), reassign('kalsel.dinsos'));
    expect(s).toMatchObject({ status: 'terverifikasi_didisposisi', opdId: 'kalsel.dinsos' });
    expect(s.dispatchedAt).toEqual(utc('2025-03-05T02:00:00Z'));
  });

  it('moves a complaint whose reporter picked an OPD without dispatching it', () => {
    const s = stateAfter(submittedToPupr, reassign('kalsel.dinsos'));
    expect(s).toMatchObject({ status: 'belum_diverifikasi', opdId: 'kalsel.dinsos', dispatchedAt: null });
  });

  it('refuses a complaint that has no OPD yet, and a move to the OPD that already has it', () => {
    expect(applyEvent(state(), reassign('kalsel.dinsos'))).toMatchObject({ ok: false, error: { field: 'event.type' } });
    expect(applyEvent(state(verifiedPupr()), reassign('kalsel.pupr'))).toMatchObject({
      ok: false,
      error: { field: 'event.opdId' },
    });
  });
});

describe('folding events', () => {
  const events: ComplaintEvent[] = [
    submitted,
    verifiedPupr(),
    ev('postponed', '2025-03-05T10:00:00', reason),
    ev('resumed', '2025-03-06T10:00:00'),
    followUp('2025-03-07T10:00:00'),
    ev('reporter_replied', '2025-03-10T10:00:00'),
    followUp('2025-03-11T10:00:00'),
    ev('status_label', '2025-03-12T10:00:00', { label: 'Selesai' }),
  ];

  it('folding the events equals applying them one by one, at every prefix', () => {
    let s: ComplaintState | null = null;
    for (const [i, e] of events.entries()) {
      const r = applyEvent(s, e);
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
      expect(foldEvents(events.slice(0, i + 1))).toEqual({ ok: true, state: s });
    }
    expect(s).toMatchObject({ status: 'selesai', version: events.length });
  });

  it('stops at the first refused event and returns its error; an empty list names events', () => {
    expect(foldEvents([submitted, ev('completed', '2025-03-04T10:00:00'), verifiedPupr()])).toMatchObject({
      ok: false,
      error: { field: 'event.type', message: 'cannot completed a complaint that is belum_diverifikasi' },
    });
    expect(foldEvents([])).toEqual({ ok: false, error: { field: 'events', message: 'no events' } });
  });

  it('never changes the state it is given', () => {
    const before = state(verifiedPupr(), ev('postponed', '2025-03-05T10:00:00', reason));
    const copy = structuredClone(before);
    applyEvent(before, ev('resumed', '2025-03-06T10:00:00'));
    expect(before).toEqual(copy);
  });
});
