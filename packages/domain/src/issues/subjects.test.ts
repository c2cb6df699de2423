import { describe, expect, it } from 'vitest';
import { subjectsOfTag, type TagPlace } from './subjects.ts';

const places: TagPlace[] = [
  { code: '62.01', name: 'Kabupaten Kotawaringin Barat', capital: 'Pangkalan Bun' },
  { code: '62.02', name: 'Kabupaten Kotawaringin Timur', capital: 'Sampit' },
  { code: '62.03', name: 'Kabupaten Kapuas', capital: 'Kuala Kapuas' },
  { code: '62.71', name: 'Kota Palangka Raya', capital: 'Palangka Raya' },
];

describe('social issue tags as Isu subjects', () => {
  it('maps every tag the simulator and an issue desk use onto a LAPOR topic', () => {
    expect(subjectsOfTag('Banjir', places).topic).toBe('Banjir dan Drainase');
    expect(subjectsOfTag('Jalan rusak', places).topic).toBe('Infrastruktur Jalan');
    expect(subjectsOfTag('Kabut asap', places).topic).toBe('Lingkungan Hidup');
    expect(subjectsOfTag('Antrean RSUD', places).topic).toBe('Kesehatan');
    expect(subjectsOfTag('PPDB', places).topic).toBe('Pendidikan');
    expect(subjectsOfTag('Hoaks bantuan tunai', places).topic).toBe('Bantuan Sosial');
    expect(subjectsOfTag('Hoaks rekrutmen', places).topic).toBe('Ketenagakerjaan');
    expect(subjectsOfTag('Hoaks libur sekolah', places).topic).toBe('Pendidikan');
  });

  it('finds the kabupaten/kota a tag names, by its name or its seat, as whole words', () => {
    expect(subjectsOfTag('Banjir di Kapuas', places)).toEqual({ topic: 'Banjir dan Drainase', regencyCode: '62.03' });
    expect(subjectsOfTag('Jalan rusak di Sampit', places)).toEqual({
      topic: 'Infrastruktur Jalan',
      regencyCode: '62.02',
    });
    expect(subjectsOfTag('Antrean RSUD Palangka Raya', places).regencyCode).toBe('62.71');
    expect(subjectsOfTag('Asap Kotawaringin Barat', places).regencyCode).toBe('62.01');
    // "Kapuasan" is not Kapuas.
    expect(subjectsOfTag('Banjir Kapuasan', places).regencyCode).toBeNull();
  });

  it('leaves a tag that names no topic and no place uncounted rather than guess', () => {
    expect(subjectsOfTag('Hoaks tarif pajak', places)).toEqual({ topic: null, regencyCode: null });
    expect(subjectsOfTag('Pemadaman air', places)).toEqual({ topic: null, regencyCode: null });
  });
});
