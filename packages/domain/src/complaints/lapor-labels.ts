import type { ComplaintStatus } from '@pantau/contracts';

/**
 * LAPOR's own status labels → Pantau's statuses, keyed by the normalized label (lower case, single
 * spaces). Configuration per province: the LAPOR v4 labels are unconfirmed (DOMAIN.md §1.4).
 */
export type LaporLabelMap = Record<string, ComplaintStatus>;

/**
 * The labels seen in LAPOR's public UI and in KemenPAN-RB statistics (diselesaikan, dalam proses,
 * belum diproses, dipending, telah diverifikasi dan didisposisi, dihapus).
 */
export const DEFAULT_LAPOR_LABELS: LaporLabelMap = {
  'belum terverifikasi': 'belum_diverifikasi',
  'belum diverifikasi': 'belum_diverifikasi',
  'belum diproses': 'belum_diverifikasi',
  'belum ditindaklanjuti': 'terverifikasi_didisposisi',
  'telah diverifikasi dan didisposisi': 'terverifikasi_didisposisi',
  proses: 'ditindaklanjuti',
  'dalam proses': 'ditindaklanjuti',
  ditindaklanjuti: 'ditindaklanjuti',
  selesai: 'selesai',
  diselesaikan: 'selesai',
  ditunda: 'ditunda',
  dipending: 'ditunda',
  'bukan wewenang': 'bukan_wewenang',
  diarsipkan: 'diarsipkan',
  dihapus: 'dihapus',
};

/** The key a label is looked up by: trimmed, lower case, runs of white space as one space. */
export const normalizeLaporLabel = (label: string): string => label.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The status a LAPOR label stands for, or null when the map does not know it. The map's own keys are
 * normalized too, so a configured "Belum  Ditindaklanjuti" works.
 * @example mapLaporLabel('  SELESAI ') // 'selesai'
 */
export function mapLaporLabel(label: string, labels: LaporLabelMap = DEFAULT_LAPOR_LABELS): ComplaintStatus | null {
  const key = normalizeLaporLabel(label);
  const direct = labels[key];
  if (direct) return direct;
  for (const [k, status] of Object.entries(labels)) if (normalizeLaporLabel(k) === key) return status;
  return null;
}
