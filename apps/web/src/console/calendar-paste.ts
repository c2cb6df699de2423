/**
 * Reads a decree's holiday list as an admin pastes it from the SKB (or a spreadsheet): one day a line,
 * fields separated by a tab, `;`, `|` or `,`; the date as `2027-01-01` or `1 Januari 2027`; the kind
 * from words in the line ("cuti bersama" → cuti bersama, "daerah"/"fakultatif"/"dispensasi" → regional,
 * otherwise libur nasional); the name is what is left. Blank lines and a header line are skipped.
 */
export type PastedKind = 'libur_nasional' | 'cuti_bersama' | 'libur_daerah';
export interface PastedDay {
  date: string;
  kind: PastedKind;
  name: string;
}
export interface PasteResult {
  days: PastedDay[];
  errors: Array<{ line: number; message: string }>;
}

const MONTHS: Record<string, number> = {
  januari: 1,
  februari: 2,
  pebruari: 2,
  maret: 3,
  april: 4,
  mei: 5,
  juni: 6,
  juli: 7,
  agustus: 8,
  september: 9,
  oktober: 10,
  november: 11,
  nopember: 11,
  desember: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(y: number, m: number, d: number): string | null {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const back = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(back.getTime()) && back.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The date a field holds, or null; `{ bad }` when it looks like a date but is not a real one. */
function dateIn(field: string): string | { bad: string } | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(field);
  const dmy = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i.exec(field);
  const parts = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy && MONTHS[dmy[2]!.toLowerCase()]
      ? [Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()]!, Number(dmy[1])]
      : null;
  if (!parts) return null;
  return realDate(parts[0]!, parts[1]!, parts[2]!) ?? { bad: field };
}

const KIND_WORDS: Array<[RegExp, PastedKind]> = [
  [/^cuti[\s_]bersama$/i, 'cuti_bersama'],
  [/^libur[\s_]nasional$/i, 'libur_nasional'],
  [/^(libur[\s_]daerah|libur fakultatif|dispensasi)$/i, 'libur_daerah'],
];

function kindOf(fields: string[], name: string): PastedKind {
  if (/\bcuti bersama\b/i.test(name)) return 'cuti_bersama';
  if (/\b(fakultatif|dispensasi)\b/i.test(name)) return 'libur_daerah';
  for (const f of fields) for (const [re, kind] of KIND_WORDS) if (re.test(f)) return kind;
  return 'libur_nasional';
}

/** Parses the pasted list; every line that is not a day is reported by its number (1-based). */
export function parseDecreeList(text: string): PasteResult {
  const days: PastedDay[] = [];
  const errors: PasteResult['errors'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const fields = line
      .split(/\t|;|\||,(?=\s*\S)/)
      .map((f) => f.trim())
      .filter(Boolean);
    let date: string | null = null;
    const rest: string[] = [];
    for (const f of fields) {
      const d: string | { bad: string } | null = date ? null : dateIn(f);
      if (d && typeof d === 'object') {
        errors.push({ line: i + 1, message: `tanggal tidak ada: ${d.bad}` });
        return;
      }
      if (d) date = d;
      else rest.push(f);
    }
    if (!date) {
      if (i === 0) return; // a header line
      errors.push({ line: i + 1, message: 'tidak ada tanggal (2027-01-01 atau 1 Januari 2027)' });
      return;
    }
    const nameFields = rest.filter((f) => !KIND_WORDS.some(([re]) => re.test(f)));
    const name = nameFields.join(', ');
    if (name.length < 3) {
      errors.push({ line: i + 1, message: 'nama hari libur kosong' });
      return;
    }
    days.push({ date, kind: kindOf(rest, name), name });
  });
  return { days, errors };
}
