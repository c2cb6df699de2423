import { describe, expect, it } from 'vitest';
import { ev, followUp, state, verifiedPupr } from './fixtures.test-data.ts';
import { DEFAULT_LAPOR_LABELS, mapLaporLabel } from './lapor-labels.ts';
import { applyEvent } from './lifecycle.ts';

const label = (text: string, at = '2025-03-05T10:00:00') => ev('status_label', at, { label: text });

describe('LAPOR status labels', () => {
  it.each([
    ['Belum Terverifikasi', 'belum_diverifikasi'],
    ['Belum Ditindaklanjuti', 'terverifikasi_didisposisi'],
    ['Proses', 'ditindaklanjuti'],
    ['Selesai', 'selesai'],
    ['Ditunda', 'ditunda'],
    ['Bukan Wewenang', 'bukan_wewenang'],
    ['Diarsipkan', 'diarsipkan'],
    ['Dihapus', 'dihapus'],
  ])('maps "%s" to %s by default', (text, status) => {
    expect(mapLaporLabel(text)).toBe(status);
  });

  it('ignores case and extra white space, in the label and in a configured map', () => {
    expect(mapLaporLabel('  SELESAI ')).toBe('selesai');
    expect(mapLaporLabel('belum\tDITINDAKLANJUTI')).toBe('terverifikasi_didisposisi');
    expect(mapLaporLabel('menunggu tanggapan', { 'Menunggu  Tanggapan': 'ditindaklanjuti' })).toBe('ditindaklanjuti');
    expect(mapLaporLabel('Entah')).toBeNull();
  });

  it('applies a label case- and space-insensitively, and names event.label when it is unknown', () => {
    expect(applyEvent(state(verifiedPupr()), label('  SELESAI ')).ok && 'ok').toBe('ok');
    expect(applyEvent(state(), label('Entah'))).toEqual({
      ok: false,
      error: { field: 'event.label', message: 'unknown LAPOR status label "Entah"' },
    });
  });

  it('takes a province map instead of the default', () => {
    const labels = { ...DEFAULT_LAPOR_LABELS, 'menunggu tanggapan': 'ditindaklanjuti' as const };
    const r = applyEvent(state(verifiedPupr()), label('Menunggu Tanggapan'), labels);
    expect(r.ok && r.state.status).toBe('ditindaklanjuti');
    expect(applyEvent(state(verifiedPupr()), label('Menunggu Tanggapan')).ok).toBe(false);
  });

  it('stamps a label move like the event it stands for', () => {
    const verified = state(label('Belum Ditindaklanjuti', '2025-03-04T10:00:00'));
    expect(verified.dispatchedAt).toEqual(new Date('2025-03-04T02:00:00Z'));
    const answered = state(verifiedPupr(), label('Proses'));
    expect(answered).toMatchObject({ status: 'ditindaklanjuti', firstFollowUpAt: new Date('2025-03-05T02:00:00Z') });
    const reopened = state(verifiedPupr(), followUp(), label('Belum Ditindaklanjuti', '2025-03-10T10:00:00'));
    expect(reopened.reporterRepliedAt).toEqual(new Date('2025-03-10T02:00:00Z'));
  });

  it('a Ditunda label opens a pause and remembers the status; a later label closes it', () => {
    const paused = state(verifiedPupr(), label('Ditunda'));
    expect(paused).toMatchObject({ status: 'ditunda', resumeTo: 'terverifikasi_didisposisi' });
    const back = state(verifiedPupr(), label('Ditunda'), label('Proses', '2025-03-07T10:00:00'));
    expect(back).toMatchObject({ status: 'ditindaklanjuti', resumeTo: null });
    expect(back.pauses).toEqual([{ start: new Date('2025-03-05T02:00:00Z'), end: new Date('2025-03-07T02:00:00Z') }]);
  });

  it('refuses a label on a closed complaint, as every other event', () => {
    const done = state(verifiedPupr(), followUp(), ev('completed', '2025-03-07T10:00:00'));
    expect(applyEvent(done, label('Proses'))).toMatchObject({ ok: false, error: { field: 'event.type' } });
  });
});
