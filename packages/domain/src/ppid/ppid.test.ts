import type { PpidEvent } from '@pantau/contracts';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar.ts';
import { dueEscalationLevel } from '../complaints/escalation.ts';
import { ppidDeadline, ppidRequestFacts } from './deadline-rules.ts';
import { kiBandOf, summarizePpid } from './kpi.ts';
import { applyPpidEvent, foldPpidEvents, PPID_TRANSITIONS, type PpidState } from './lifecycle.ts';
import { ppidReportRows } from './report-csv.ts';

// Kalteng (WIB) with the 2025 days around Idul Fitri and Wafat Yesus from SKB 1017/2024.
const cal = createWorkingCalendar({
  timeZone: 'Asia/Pontianak',
  holidays: [
    ['2025-03-28', 'cuti_bersama'],
    ['2025-03-29', 'libur_nasional'],
    ['2025-03-31', 'libur_nasional'],
    ['2025-04-01', 'libur_nasional'],
    ['2025-04-02', 'cuti_bersama'],
    ['2025-04-03', 'cuti_bersama'],
    ['2025-04-04', 'cuti_bersama'],
    ['2025-04-07', 'cuti_bersama'],
    ['2025-04-18', 'libur_nasional'],
    ['2025-05-01', 'libur_nasional'],
  ].map(([date, kind]) => ({ date: date!, kind: kind as 'libur_nasional' | 'cuti_bersama', name: date! })),
  loadedYears: [2025],
});

let n = 0;
const ev = (type: string, local: string, fields: Record<string, unknown> = {}) =>
  ({ type, eventId: `e${++n}`, occurredAt: `${local}+07:00`, ...fields }) as PpidEvent;
const received = (local: string, fields: Record<string, unknown> = {}) =>
  ev('received', local, {
    regNo: `REG-${n}`,
    ppidLevel: 'pembantu',
    opdId: 'kalteng.dinkes',
    channel: 'email',
    requesterType: 'mahasiswa',
    subject: 'Data puskesmas',
    format: 'softcopy',
    ...fields,
  });
const fold = (...events: PpidEvent[]): PpidState => {
  const r = foldPpidEvents(events);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
};

describe('PPID lifecycle', () => {
  it('a received request waits for the decision, then is delivered', () => {
    const s = fold(
      received('2025-03-03T09:00:00'),
      ev('decided', '2025-03-10T09:00:00', { decision: 'dipenuhi' }),
      ev('delivered', '2025-03-11T09:00:00'),
    );
    expect(s).toMatchObject({ status: 'selesai', decision: 'dipenuhi', version: 3 });
  });

  it('allows the 7-HK extension once only, naming event.type', () => {
    const s = fold(
      received('2025-03-03T09:00:00'),
      ev('extended', '2025-03-12T09:00:00', { reason: 'Dokumen di arsip' }),
    );
    expect(s.status).toBe('diperpanjang');
    expect(applyPpidEvent(s, ev('extended', '2025-03-13T09:00:00', { reason: 'Lagi' }))).toEqual({
      ok: false,
      error: { field: 'event.type', message: 'cannot extended a PPID request that is diperpanjang' },
    });
  });

  it('refuses delivery of a rejected request and a second objection', () => {
    const rejected = fold(
      received('2025-03-03T09:00:00'),
      ev('decided', '2025-03-10T09:00:00', { decision: 'ditolak', exclusionGround: 'h' }),
    );
    expect(applyPpidEvent(rejected, ev('delivered', '2025-03-11T09:00:00')).ok).toBe(false);
    const objected = fold(
      received('2025-03-03T09:00:00'),
      ev('decided', '2025-03-10T09:00:00', { decision: 'ditolak', exclusionGround: 'h' }),
      ev('objection_filed', '2025-03-12T09:00:00', { ground: 'a' }),
    );
    expect(objected.status).toBe('keberatan');
    expect(applyPpidEvent(objected, ev('objection_filed', '2025-03-13T09:00:00', { ground: 'a' })).ok).toBe(false);
  });

  it('goes from keberatan through the atasan to the Komisi Informasi', () => {
    const s = fold(
      received('2025-03-03T09:00:00'),
      ev('objection_filed', '2025-03-20T09:00:00', { ground: 'c' }),
      ev('objection_answered', '2025-04-10T09:00:00', { outcome: 'rejected' }),
      ev('dispute_filed', '2025-04-15T09:00:00', { kiRegNo: 'KI-62/2025/7' }),
      ev('dispute_stage', '2025-05-05T09:00:00', { stage: 'ajudikasi' }),
      ev('dispute_decided', '2025-06-10T09:00:00', { outcome: 'dikabulkan' }),
    );
    expect(s).toMatchObject({ status: 'sengketa_selesai', disputeStage: 'ajudikasi', disputeOutcome: 'dikabulkan' });
  });

  it('refuses an event dated before receipt, naming event.occurredAt', () => {
    const s = fold(received('2025-03-03T09:00:00'));
    expect(applyPpidEvent(s, ev('delivered', '2025-03-01T09:00:00'))).toMatchObject({
      ok: false,
      error: { field: 'event.occurredAt' },
    });
  });

  it('has a row for every status in the transition table', () => {
    expect(Object.keys(PPID_TRANSITIONS).sort()).toEqual([
      'diperpanjang',
      'diputuskan',
      'diterima',
      'keberatan',
      'keberatan_dijawab',
      'selesai',
      'sengketa',
      'sengketa_selesai',
    ]);
  });
});

describe('PPID deadlines', () => {
  const r = received('2025-03-27T10:00:00');

  it('decides within 10 HK: received Thu 27 Mar 2025 → due Tue 22 Apr, past Idul Fitri, cuti bersama and Wafat Yesus', () => {
    // 28 Mar cuti, 31 Mar–1 Apr libur, 2–4 & 7 Apr cuti; HK 1–8 = 8–17 Apr; 18 Apr libur; HK 9–10 = 21–22 Apr.
    const d = ppidDeadline(fold(r), cal, new Date('2025-04-08T09:00:00+07:00'));
    expect(d).toMatchObject({ step: 'decision', dueDate: '2025-04-22', state: 'on_time', warnings: [] });
    expect(d.at?.toISOString()).toBe('2025-04-22T16:59:59.999Z');
  });

  it('the extension moves it to 17 HK: Fri 2 May (1 May is a holiday)', () => {
    const s = fold(r, ev('extended', '2025-04-21T09:00:00', { reason: 'Menghimpun data dari UPT' }));
    expect(ppidDeadline(s, cal, new Date('2025-04-21T09:00:00+07:00')).dueDate).toBe('2025-05-02');
  });

  it('is at risk with 2 HK left, overdue the day after, and climbs the complaint escalation ladder', () => {
    const s = fold(r);
    expect(ppidDeadline(s, cal, new Date('2025-04-16T09:00:00+07:00')).state).toBe('on_time'); // 17, 21, 22: 3 HK
    expect(ppidDeadline(s, cal, new Date('2025-04-17T09:00:00+07:00')).state).toBe('at_risk'); // 21, 22: 2 HK
    const late = ppidDeadline(s, cal, new Date('2025-04-25T09:00:00+07:00')); // 23, 24, 25 past the due date
    expect(late).toMatchObject({ state: 'overdue', overdueWorkingDays: 3 });
    expect(dueEscalationLevel(true, late.overdueWorkingDays)).toBe(2);
  });

  it("runs the atasan's 30 HK after a keberatan, and no escalating clock for the requester's windows", () => {
    const objected = fold(r, ev('objection_filed', '2025-04-23T09:00:00', { ground: 'c' }));
    expect(ppidDeadline(objected, cal, new Date('2025-04-24T09:00:00+07:00'))).toMatchObject({
      step: 'atasan_answer',
      state: 'on_time',
    });
    const decided = fold(r, ev('decided', '2025-04-10T09:00:00', { decision: 'dipenuhi' }));
    expect(ppidDeadline(decided, cal, new Date('2025-12-01T09:00:00+07:00'))).toMatchObject({
      step: 'objection_window',
      state: 'none',
    });
  });
});

describe('PPID KPIs', () => {
  const now = new Date('2025-03-20T09:00:00+07:00');
  const base = received('2025-03-03T09:00:00');
  const decidedOn = (local: string, decision: string, extra: Record<string, unknown> = {}) =>
    fold({ ...base, eventId: `r-${local}` }, ev('decided', local, { decision, ...extra }));

  it('counts decision shares, average working days to decide and the on-time share by hand', () => {
    // Received Mon 3 Mar 2025. Decided Mon 10 Mar = 5 HK, Fri 14 Mar = 9 HK, Tue 18 Mar = 11 HK (late, due 17 Mar).
    // A fourth is still undecided on 20 Mar, past its 17 Mar deadline: late too.
    const facts = [
      decidedOn('2025-03-10T09:00:00', 'dipenuhi'),
      decidedOn('2025-03-14T09:00:00', 'dipenuhi'),
      decidedOn('2025-03-18T09:00:00', 'ditolak', { exclusionGround: 'h' }),
      fold(base),
    ].map((s) => ppidRequestFacts(s, cal, now));
    const k = summarizePpid(facts);
    expect(k.requests).toBe(4);
    expect(k.decided).toBe(3);
    expect(k.byDecision.dipenuhi).toEqual({ count: 2, share: 2 / 3 });
    expect(k.byDecision.ditolak).toEqual({ count: 1, share: 1 / 3 });
    expect(k.byDecision.tidak_dikuasai).toEqual({ count: 0, share: 0 });
    expect(k.avgWorkingDaysToDecide).toBeCloseTo((5 + 9 + 11) / 3, 10);
    expect(k.onTimeShare).toBe(0.5);
    expect(k.overdue).toBe(1);
    expect(k.rejectionGrounds).toEqual({ pasal17_h: 1 });
  });

  it('has null shares, not NaN, when nothing was decided', () => {
    const k = summarizePpid([]);
    expect(k.byDecision.dipenuhi.share).toBeNull();
    expect(k.avgWorkingDaysToDecide).toBeNull();
    expect(k.onTimeShare).toBeNull();
  });

  it('lists the annual report figures with Indonesian labels', () => {
    const k = summarizePpid([ppidRequestFacts(decidedOn('2025-03-10T09:00:00', 'dipenuhi'), cal, now)]);
    const rows = ppidReportRows(k, {
      badanPublik: 'Dinas Kesehatan, Prov. Kalteng',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(rows).toContainEqual(['identitas', 'Badan publik', 'Dinas Kesehatan, Prov. Kalteng']);
    expect(rows).toContainEqual(['rincian_pelayanan', 'Jumlah permohonan', 1]);
    expect(rows).toContainEqual(['rincian_pelayanan', 'Rata-rata waktu memutuskan (hari kerja)', 5]);
    expect(rows).toContainEqual(['rincian_pelayanan', 'Persentase dikabulkan seluruhnya (%)', 100]);
  });
});

describe('Komisi Informasi monev band', () => {
  it.each([
    [100, 'informatif'],
    [90, 'informatif'],
    [89.99, 'menuju_informatif'],
    [80, 'menuju_informatif'],
    [79.9, 'cukup_informatif'],
    [60, 'cukup_informatif'],
    [59.9, 'kurang_informatif'],
    [40, 'kurang_informatif'],
    [39.99, 'tidak_informatif'],
    [0, 'tidak_informatif'],
  ])('%f → %s', (score, band) => {
    expect(kiBandOf(score)).toBe(band);
  });

  it('refuses a score outside 0–100', () => {
    expect(() => kiBandOf(100.1)).toThrow(RangeError);
    expect(() => kiBandOf(Number.NaN)).toThrow(RangeError);
  });
});
