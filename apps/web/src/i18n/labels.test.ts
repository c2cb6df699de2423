import { complaintChannel, complaintClassification, complaintStatus } from '@pantau/contracts';
import { describe, expect, it } from 'vitest';
import { knownCodes, labelOf } from './labels.ts';

describe('labels for the wire codes', () => {
  for (const locale of ['id', 'en'] as const) {
    it(`has a ${locale} label for every complaint status, channel and classification`, () => {
      expect(knownCodes(locale, 'status').sort()).toEqual([...complaintStatus.options].sort());
      expect(knownCodes(locale, 'channel').sort()).toEqual([...complaintChannel.options].sort());
      expect(knownCodes(locale, 'classification').sort()).toEqual([...complaintClassification.options].sort());
    });
  }

  it('never shows an underscore id: an unknown code is humanised', () => {
    expect(labelOf('id', 'status', 'terverifikasi_didisposisi')).toBe('Terverifikasi & didisposisi');
    expect(labelOf('id', 'channel', 'sms1708')).toBe('SMS 1708');
    expect(labelOf('id', 'status', 'kode_baru')).toBe('kode baru');
    expect(labelOf('en', 'classification', null)).toBe('–');
  });
});
