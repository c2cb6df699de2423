import { describe, expect, it } from 'vitest';
import { parseDecreeList } from './calendar-paste.ts';

describe('parseDecreeList: a decree list pasted into the calendar page', () => {
  it('reads ISO and Indonesian dates, tab- or semicolon-separated, with the kind from the words', () => {
    const r = parseDecreeList(
      [
        'Tanggal\tKeterangan\tJenis',
        '2027-01-01\tTahun Baru 2027 Masehi\tLibur nasional',
        '5 Februari 2027; Cuti Bersama Tahun Baru Imlek',
        '8 Maret 2027 | Hari Suci Nyepi Tahun Baru Saka 1949',
        '',
        '2027-03-09;Idulfitri 1448 H;cuti bersama',
        '14 Agustus 2027\tLibur fakultatif Hari Jadi Provinsi',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.days).toEqual([
      { date: '2027-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2027 Masehi' },
      { date: '2027-02-05', kind: 'cuti_bersama', name: 'Cuti Bersama Tahun Baru Imlek' },
      { date: '2027-03-08', kind: 'libur_nasional', name: 'Hari Suci Nyepi Tahun Baru Saka 1949' },
      { date: '2027-03-09', kind: 'cuti_bersama', name: 'Idulfitri 1448 H' },
      { date: '2027-08-14', kind: 'libur_daerah', name: 'Libur fakultatif Hari Jadi Provinsi' },
    ]);
  });

  it('names each line it cannot read by number: no date, an impossible date, no name', () => {
    const r = parseDecreeList('2027-01-01\tTahun Baru\nNyepi tanpa tanggal\n30 Februari 2027; Tidak ada\n2027-05-01');
    expect(r.days).toHaveLength(1);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(r.errors[1]!.message).toMatch(/30 Februari 2027/);
  });
});
