import type { ComplaintEvent } from '@pantau/contracts';
import { describe, expect, it } from 'vitest';
import { nextDeadlineStep } from './deadline-rules.ts';
import { dueEscalationLevel } from './escalation.ts';
import { applyEvent, foldEvents, type ComplaintState } from './lifecycle.ts';

let n = 0;
const ev = (type: string, at: string, fields: Record<string, unknown> = {}) =>
  ({ type, eventId: `e${++n}`, occurredAt: `${at}+08:00`, ...fields }) as ComplaintEvent;
const submitted = ev('submitted', '2025-03-03T09:00:00', {
  trackingId: '2300001',
  channel: 'sms1708',
  classification: 'pengaduan',
  title: 'Jalan rusak',
  body: 'Jalan berlubang',
  regencyCode: '63.71',
  isAnonim: false,
  isRahasia: true,
});
const state = (...events: ComplaintEvent[]): ComplaintState => {
  const r = foldEvents([submitted, ...events]);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
};

describe('complaint lifecycle', () => {
  it('a new complaint waits for verification, with version 1', () => {
    expect(state()).toMatchObject({ status: 'belum_diverifikasi', version: 1, isRahasia: true, trackingId: '2300001' });
  });

  it('verification disposes it to an OPD and starts the OPD clock', () => {
    const s = state(ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' }));
    expect(s).toMatchObject({ status: 'terverifikasi_didisposisi', opdId: 'kalsel.pupr' });
    expect(s.dispatchedAt?.toISOString()).toBe('2025-03-04T02:00:00.000Z');
  });

  it('goes through follow-up to selesai, stamping each step', () => {
    const s = state(
      ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' }),
      ev('follow_up_posted', '2025-03-06T10:00:00'),
      ev('completed', '2025-03-10T10:00:00'),
    );
    expect(s.status).toBe('selesai');
    expect(s.firstFollowUpAt?.toISOString()).toBe('2025-03-06T02:00:00.000Z');
    expect(s.closedAt?.toISOString()).toBe('2025-03-10T02:00:00.000Z');
    expect(s.version).toBe(4);
  });

  it('refuses to complete a complaint that was never followed up, naming event.type', () => {
    const r = applyEvent(
      state(ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' })),
      ev('completed', '2025-03-05T10:00:00'),
    );
    expect(r).toEqual({
      ok: false,
      error: { field: 'event.type', message: 'cannot completed a complaint that is terverifikasi_didisposisi' },
    });
  });

  it('refuses any event on a deleted complaint and a second submission', () => {
    const deleted = state(ev('deleted', '2025-03-03T12:00:00', { reason: 'Laporan tidak lengkap' }));
    expect(deleted.status).toBe('dihapus');
    expect(applyEvent(deleted, ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' })).ok).toBe(false);
    expect(applyEvent(state(), submitted).ok).toBe(false);
    expect(applyEvent(null, ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' })).ok).toBe(false);
  });

  it('a reporter reply reopens the OPD follow-up clock', () => {
    const s = state(
      ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' }),
      ev('follow_up_posted', '2025-03-06T10:00:00'),
      ev('reporter_replied', '2025-03-07T10:00:00'),
    );
    expect(s.status).toBe('terverifikasi_didisposisi');
    expect(nextDeadlineStep(s)).toMatchObject({
      step: 'opd_follow_up',
      anchor: new Date('2025-03-07T02:00:00Z'),
      workingDays: 5,
    });
  });

  it('postponed then resumed returns to the prior status and records a closed pause', () => {
    const s = state(
      ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' }),
      ev('postponed', '2025-03-05T10:00:00', { reason: 'Menunggu data pelapor' }),
      ev('resumed', '2025-03-07T10:00:00'),
    );
    expect(s.status).toBe('terverifikasi_didisposisi');
    expect(s.pauses).toEqual([{ start: new Date('2025-03-05T02:00:00Z'), end: new Date('2025-03-07T02:00:00Z') }]);
  });

  it('a bukan-wewenang complaint can be re-routed by verifying it to another OPD', () => {
    const s = state(
      ev('rejected_not_authority', '2025-03-04T10:00:00', { reason: 'Kewenangan kabupaten' }),
      ev('verified', '2025-03-05T10:00:00', { opdId: 'kalsel.dinsos' }),
    );
    expect(s).toMatchObject({ status: 'terverifikasi_didisposisi', opdId: 'kalsel.dinsos' });
  });

  it('maps LAPOR status labels case- and space-insensitively, and names event.label when unknown', () => {
    const s = state(
      ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' }),
      ev('status_label', '2025-03-05T10:00:00', { label: '  SELESAI ' }),
    );
    expect(s.status).toBe('selesai');
    const r = applyEvent(state(), ev('status_label', '2025-03-05T10:00:00', { label: 'Entah' }));
    expect(r).toMatchObject({ ok: false, error: { field: 'event.label' } });
  });

  it('folding the events equals applying them one by one', () => {
    const events = [
      ev('verified', '2025-03-04T10:00:00', { opdId: 'kalsel.pupr' }),
      ev('follow_up_posted', '2025-03-06T10:00:00'),
    ];
    let s: ComplaintState | null = null;
    for (const e of [submitted, ...events]) {
      const r = applyEvent(s, e);
      if (!r.ok) throw new Error('refused');
      s = r.state;
    }
    expect(s).toEqual(state(...events));
  });

  it('runs the verification clock first, none after selesai, and no clock while postponed', () => {
    expect(nextDeadlineStep(state())).toMatchObject({ step: 'verify_dispatch', workingDays: 3, escalates: true });
    const paused = state(ev('postponed', '2025-03-04T10:00:00', { reason: 'Menunggu data pelapor' }));
    expect(nextDeadlineStep(paused)).toMatchObject({ step: 'verify_dispatch', pauses: [{ end: null }] });
    expect(nextDeadlineStep(state(ev('deleted', '2025-03-04T10:00:00', { reason: 'Duplikat laporan' })))).toBeNull();
  });
});

describe('escalation ladder', () => {
  it.each([
    [false, 0, 0],
    [true, 0, 1],
    [true, 1, 1],
    [true, 2, 2],
    [true, 5, 3],
    [true, 9, 3],
  ])('overdue=%s by %i HK → level %i', (overdue, hk, level) => {
    expect(dueEscalationLevel(overdue, hk)).toBe(level);
  });
});
