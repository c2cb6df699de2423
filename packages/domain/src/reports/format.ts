/** Numbers, shares and trends as a report prints them, in Bahasa Indonesia. */
const nf = new Intl.NumberFormat('id-ID');
const pf = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });
export const n = (v: number) => nf.format(v);
export const pct = (v: number | null) => (v === null ? '–' : pf.format(v));
export const hk = (v: number | null) =>
  v === null ? '–' : `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(v)} HK`;

/** "+2 (+20%)" against the previous period; "sama" when equal; null when there is nothing to compare. */
export function changeAgainst(now: number, before: number): string | null {
  if (now === before) return 'sama dengan periode sebelumnya';
  const diff = now - before;
  const sign = diff > 0 ? '+' : '−';
  const rel = before === 0 ? '' : ` (${sign}${pf.format(Math.abs(diff) / before)})`;
  return `${sign}${n(Math.abs(diff))}${rel} dari periode sebelumnya`;
}

export function shareChange(now: number | null, before: number | null): string | null {
  if (now === null || before === null) return null;
  const pts = (now - before) * 100;
  if (Math.abs(pts) < 0.05) return 'sama dengan periode sebelumnya';
  return `${pts > 0 ? '+' : '−'}${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(Math.abs(pts))} poin dari periode sebelumnya`;
}
