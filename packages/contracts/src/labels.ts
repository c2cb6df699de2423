/**
 * Labels for the wire's codes — statuses, channels, classifications, item kinds — in Bahasa Indonesia
 * and English, so no screen and no export shows a raw id (`terverifikasi_didisposisi`, `sms1708`). The
 * web's screens and the server's CSV exports read this one catalog; an unknown code is shown humanised
 * (underscores to spaces), never hidden.
 */
export type LabelGroup = 'status' | 'channel' | 'classification' | 'kind' | 'ppidStatus' | 'event';

const id: Record<LabelGroup, Record<string, string>> = {
  status: {
    belum_diverifikasi: 'Belum diverifikasi',
    terverifikasi_didisposisi: 'Terverifikasi & didisposisi',
    ditindaklanjuti: 'Ditindaklanjuti',
    selesai: 'Selesai',
    ditunda: 'Ditunda',
    bukan_wewenang: 'Bukan wewenang',
    diarsipkan: 'Diarsipkan',
    dihapus: 'Dihapus',
  },
  channel: {
    web: 'Situs web',
    sms1708: 'SMS 1708',
    app: 'Aplikasi',
    x: 'X (Twitter)',
    instagram: 'Instagram',
    facebook: 'Facebook',
    tatap_muka: 'Tatap muka',
    telepon: 'Telepon',
    manual: 'Input petugas',
  },
  classification: {
    pengaduan: 'Pengaduan',
    aspirasi: 'Aspirasi',
    permintaan_informasi: 'Permintaan informasi',
    wbs: 'Whistle-blowing',
    lainnya: 'Lainnya',
  },
  kind: { complaint: 'Aduan', ppid_request: 'Permohonan PPID', social_comment: 'Komentar media sosial' },
  event: {
    submitted: 'Aduan masuk',
    verified: 'Diverifikasi & didisposisi',
    follow_up_posted: 'Tindak lanjut',
    reporter_replied: 'Tanggapan pelapor',
    completed: 'Selesai',
    postponed: 'Ditunda',
    resumed: 'Dilanjutkan',
    rejected_not_authority: 'Bukan wewenang',
    archived: 'Diarsipkan',
    deleted: 'Dihapus',
    reassigned: 'Dialihkan ke OPD lain',
    status_label: 'Label status',
    received: 'Permohonan masuk',
    decided: 'Diputuskan',
    extended: 'Diperpanjang',
    delivered: 'Informasi diserahkan',
    objection_filed: 'Keberatan diajukan',
    objection_answered: 'Keberatan dijawab',
    dispute_filed: 'Sengketa diajukan',
    dispute_stage: 'Tahap sengketa',
    dispute_decided: 'Sengketa diputus',
  },
  ppidStatus: {},
};

const en: Record<LabelGroup, Record<string, string>> = {
  status: {
    belum_diverifikasi: 'Not yet verified',
    terverifikasi_didisposisi: 'Verified & dispatched',
    ditindaklanjuti: 'Followed up',
    selesai: 'Completed',
    ditunda: 'Postponed',
    bukan_wewenang: 'Not in our remit',
    diarsipkan: 'Archived',
    dihapus: 'Deleted',
  },
  channel: {
    web: 'Website',
    sms1708: 'SMS 1708',
    app: 'App',
    x: 'X (Twitter)',
    instagram: 'Instagram',
    facebook: 'Facebook',
    tatap_muka: 'In person',
    telepon: 'Phone',
    manual: 'Entered by staff',
  },
  classification: {
    pengaduan: 'Complaint',
    aspirasi: 'Aspiration',
    permintaan_informasi: 'Information request',
    wbs: 'Whistle-blowing',
    lainnya: 'Other',
  },
  kind: { complaint: 'Complaint', ppid_request: 'PPID request', social_comment: 'Social comment' },
  event: {
    submitted: 'Submitted',
    verified: 'Verified & dispatched',
    follow_up_posted: 'Follow-up',
    reporter_replied: 'Reporter replied',
    completed: 'Completed',
    postponed: 'Postponed',
    resumed: 'Resumed',
    rejected_not_authority: 'Not in our remit',
    archived: 'Archived',
    deleted: 'Deleted',
    reassigned: 'Moved to another OPD',
    status_label: 'Status label',
    received: 'Request received',
    decided: 'Decided',
    extended: 'Extended',
    delivered: 'Information delivered',
    objection_filed: 'Objection filed',
    objection_answered: 'Objection answered',
    dispute_filed: 'Dispute filed',
    dispute_stage: 'Dispute stage',
    dispute_decided: 'Dispute decided',
  },
  ppidStatus: {},
};

export type LabelLocale = 'id' | 'en';

export const LABELS: Record<LabelLocale, Record<LabelGroup, Record<string, string>>> = { id, en };

/** The label of a code, or the code humanised when the catalog has none. */
export function codeLabel(locale: LabelLocale, group: LabelGroup, code: string | null | undefined): string {
  if (!code) return '–';
  return LABELS[locale][group][code] ?? code.replace(/_/g, ' ');
}
