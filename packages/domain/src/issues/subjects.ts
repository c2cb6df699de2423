/**
 * The social stream's issue tags are free text set by the issue desk ("Banjir di Kapuas", "Hoaks
 * bantuan tunai"); complaints carry LAPOR's topics ("Banjir dan Drainase") and a kabupaten/kota code.
 * This maps a tag onto the subjects the Isu detector counts, so negative mentions and hoaxes can be set
 * beside the complaints about the same thing. A tag may name a topic, a place, both or neither; one that
 * names neither is not counted (better a missed link than a false one on the wall).
 */

/** Keywords of a tag → the LAPOR topic it is about. First match wins; order from specific to general. */
export const TAG_TOPICS: ReadonlyArray<{ pattern: RegExp; topic: string }> = [
  { pattern: /\b(banjir|drainase|genangan|terendam)/i, topic: 'Banjir dan Drainase' },
  { pattern: /\b(kabut asap|asap|karhutla|kebakaran lahan|limbah|pencemaran)/i, topic: 'Lingkungan Hidup' },
  { pattern: /\b(rsud|rumah sakit|puskesmas|bpjs kesehatan|obat|dbd|wabah)/i, topic: 'Kesehatan' },
  { pattern: /\b(ppdb|sekolah|guru|siswa)/i, topic: 'Pendidikan' },
  { pattern: /\b(bansos|bantuan tunai|bantuan sosial|dtks|blt)/i, topic: 'Bantuan Sosial' },
  { pattern: /\b(jalan|jembatan)/i, topic: 'Infrastruktur Jalan' },
  { pattern: /\b(rekrutmen|lowongan|upah|ump|phk)/i, topic: 'Ketenagakerjaan' },
  { pattern: /\b(angkutan|lampu jalan|pju|terminal|pelabuhan)/i, topic: 'Perhubungan' },
  { pattern: /\b(pupuk|beras|harga pangan)/i, topic: 'Pertanian dan Pangan' },
  { pattern: /\b(izin|oss|perizinan)/i, topic: 'Perizinan' },
];

export interface TagPlace {
  code: string;
  /** "Kabupaten Kapuas", "Kota Palangka Raya". */
  name: string;
  /** The seat: "Kuala Kapuas". */
  capital: string;
}

export interface TagSubjects {
  topic: string | null;
  regencyCode: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "Kabupaten Kapuas" → "Kapuas"; "Kota Palangka Raya" → "Palangka Raya". */
const bareName = (name: string) => name.replace(/^(kabupaten|kab\.|kota)\s+/i, '');

/**
 * The topic and the kabupaten/kota a social issue tag is about.
 *
 * A place is found by its bare name or its seat as whole words ("Banjir di Kapuas" → Kabupaten Kapuas);
 * when two places match (Kotawaringin Barat's name contains no other, but a seat may), the longest name
 * wins, so "Kuala Kapuas" is Kapuas's seat and not a mention of something shorter.
 *
 * @example subjectsOfTag('Banjir di Kapuas', places) // { topic: 'Banjir dan Drainase', regencyCode: '62.03' }
 */
export function subjectsOfTag(tag: string, places: readonly TagPlace[]): TagSubjects {
  const topic = TAG_TOPICS.find((t) => t.pattern.test(tag))?.topic ?? null;
  let best: { code: string; length: number } | null = null;
  for (const p of places) {
    for (const name of [bareName(p.name), p.capital]) {
      if (!name) continue;
      const re = new RegExp(`(^|[^\\p{L}])${escape(name)}($|[^\\p{L}])`, 'iu');
      if (re.test(tag) && (!best || name.length > best.length)) best = { code: p.code, length: name.length };
    }
  }
  return { topic, regencyCode: best?.code ?? null };
}
