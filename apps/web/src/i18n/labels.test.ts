import {
  complaintChannel,
  complaintClassification,
  complaintStatus,
  ppidChannel,
  ppidStatus,
  socialPlatform,
} from '@pantau/contracts';
import { itemStatusLabel } from '@pantau/contracts/labels';
import { describe, expect, it } from 'vitest';
import { knownCodes, labelOf } from './labels.ts';

describe('labels for the wire codes', () => {
  for (const locale of ['id', 'en'] as const) {
    it(`has a ${locale} label for every status, channel and classification an item can carry`, () => {
      expect(knownCodes(locale, 'status').sort()).toEqual([...complaintStatus.options].sort());
      // One channel column for every kind: complaint channels, PPID channels, social platforms.
      expect(knownCodes(locale, 'channel').sort()).toEqual(
        [...new Set([...complaintChannel.options, ...ppidChannel.options, ...socialPlatform.options])].sort(),
      );
      expect(knownCodes(locale, 'classification').sort()).toEqual([...complaintClassification.options].sort());
      expect(knownCodes(locale, 'ppidStatus').sort()).toEqual([...ppidStatus.options].sort());
      expect(knownCodes(locale, 'deadlineState').sort()).toEqual(['at_risk', 'none', 'on_time', 'overdue', 'paused']);
    });
  }

  it('labels the audit trail in both locales alike', () => {
    expect(knownCodes('en', 'audit').sort()).toEqual(knownCodes('id', 'audit').sort());
    expect(labelOf('id', 'audit', 'worklist.assign')).toBe('Pemilik ditetapkan');
  });

  it('labels an item status by its kind: PPID and social codes are not complaint codes', () => {
    expect(itemStatusLabel('id', 'ppid_request', 'diperpanjang')).toBe('Diperpanjang');
    expect(itemStatusLabel('id', 'social_comment', 'belum_dibalas')).toBe('Belum dibalas');
    expect(itemStatusLabel('en', 'complaint', 'ditindaklanjuti')).toBe('Followed up');
  });

  it('never shows an underscore id: an unknown code is humanised', () => {
    expect(labelOf('id', 'status', 'terverifikasi_didisposisi')).toBe('Terverifikasi & didisposisi');
    expect(labelOf('id', 'channel', 'sms1708')).toBe('SMS 1708');
    expect(labelOf('id', 'status', 'kode_baru')).toBe('kode baru');
    expect(labelOf('en', 'classification', null)).toBe('–');
  });
});
