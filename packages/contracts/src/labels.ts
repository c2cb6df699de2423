/**
 * Labels for the wire's codes — statuses, channels, classifications, item kinds — in Bahasa Indonesia
 * and English, so no screen and no export shows a raw id (`terverifikasi_didisposisi`, `sms1708`). The
 * web's screens and the server's CSV exports read this one catalog; an unknown code is shown humanised
 * (underscores to spaces), never hidden.
 */
export type LabelGroup =
  | 'status'
  | 'channel'
  | 'classification'
  | 'kind'
  | 'ppidStatus'
  | 'socialStatus'
  | 'deadlineState'
  | 'event'
  | 'audit';

/**
 * Every action the audit trail records, with its label. `appendAudit` takes only these, so a new action
 * cannot reach the trail (and the console) without a label in both locales.
 */
const AUDIT_ID = {
  'complaint.acknowledge': 'Aduan diakui',
  'complaint.escalate': 'Aduan dieskalasi',
  'complaint.note': 'Catatan pada aduan',
  'complaint.change_status': 'Status aduan diubah',
  'complaint.reassign': 'Aduan dialihkan ke OPD lain',
  'complaint.walk_in': 'Aduan langsung/telepon dicatat',
  'ppid.acknowledge': 'Permohonan PPID diakui',
  'ppid.escalate': 'Permohonan PPID dieskalasi',
  'ppid.note': 'Catatan pada permohonan PPID',
  'ppid.record.decided': 'Keputusan PPID dicatat',
  'ppid.record.extended': 'Perpanjangan PPID dicatat',
  'ppid.record.delivered': 'Penyerahan informasi dicatat',
  'ppid.record.objection_filed': 'Keberatan dicatat',
  'ppid.record.objection_answered': 'Jawaban keberatan dicatat',
  'social.answered': 'Komentar ditandai sudah dibalas',
  'social.hoax': 'Komentar ditandai hoaks',
  'social.issue': 'Komentar ditandai isu',
  'worklist.assign': 'Pemilik ditetapkan',
  'escalation.raised': 'Eskalasi otomatis',
  'notification.sent': 'Notifikasi terkirim',
  'notification.failed': 'Notifikasi gagal',
  'calendar.day_added': 'Hari libur ditambahkan',
  'calendar.day_moved': 'Hari libur dipindah',
  'calendar.day_removed': 'Hari libur dihapus',
  'calendar.year_loaded': 'Kalender setahun dimuat',
  'complaint_settings.replaced': 'Aturan aduan diubah',
  'device.issue': 'Token layar dibuat',
  'device.revoke': 'Token layar dicabut',
  'source.key_issued': 'Kunci sumber dibuat',
  'source.key_revoked': 'Kunci sumber dicabut',
  'connector.paused': 'Konektor dijeda',
  'connector.resumed': 'Konektor dilanjutkan',
  'user.create': 'Pengguna dibuat',
  'user.update': 'Pengguna diubah',
  'user.reset_password': 'Kata sandi diatur ulang',
  'user.disable': 'Pengguna dinonaktifkan',
  'user.enable': 'Pengguna diaktifkan',
  'wall.playlist': 'Daftar putar layar diubah',
  'wall.playlist_removed': 'Daftar putar layar dihapus',
  'wall.show': 'Ditampilkan di layar',
  'wall.release': 'Dilepas dari layar',
  'report_schedule.create': 'Laporan terjadwal dibuat',
  'report_schedule.update': 'Laporan terjadwal diubah',
  'report_schedule.delete': 'Laporan terjadwal dihapus',
  'annotation.add': 'Catatan peristiwa ditambahkan',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ID;

const AUDIT_EN: Record<AuditAction, string> = {
  'complaint.acknowledge': 'Complaint acknowledged',
  'complaint.escalate': 'Complaint escalated',
  'complaint.note': 'Note on complaint',
  'complaint.change_status': 'Complaint status changed',
  'complaint.reassign': 'Complaint moved to another OPD',
  'complaint.walk_in': 'Walk-in/phone complaint entered',
  'ppid.acknowledge': 'PPID request acknowledged',
  'ppid.escalate': 'PPID request escalated',
  'ppid.note': 'Note on PPID request',
  'ppid.record.decided': 'PPID decision recorded',
  'ppid.record.extended': 'PPID extension recorded',
  'ppid.record.delivered': 'Delivery recorded',
  'ppid.record.objection_filed': 'Objection recorded',
  'ppid.record.objection_answered': 'Objection answer recorded',
  'social.answered': 'Comment marked answered',
  'social.hoax': 'Comment flagged as hoax',
  'social.issue': 'Comment flagged as issue',
  'worklist.assign': 'Owner set',
  'escalation.raised': 'Automatic escalation',
  'notification.sent': 'Notification sent',
  'notification.failed': 'Notification failed',
  'calendar.day_added': 'Holiday added',
  'calendar.day_moved': 'Holiday moved',
  'calendar.day_removed': 'Holiday removed',
  'calendar.year_loaded': 'Year calendar loaded',
  'complaint_settings.replaced': 'Complaint rules changed',
  'device.issue': 'Screen token issued',
  'device.revoke': 'Screen token revoked',
  'source.key_issued': 'Source key issued',
  'source.key_revoked': 'Source key revoked',
  'connector.paused': 'Connector paused',
  'connector.resumed': 'Connector resumed',
  'user.create': 'User created',
  'user.update': 'User changed',
  'user.reset_password': 'Password reset',
  'user.disable': 'User disabled',
  'user.enable': 'User enabled',
  'wall.playlist': 'Wall playlist changed',
  'wall.playlist_removed': 'Wall playlist removed',
  'wall.show': 'Shown on the wall',
  'wall.release': 'Released from the wall',
  'report_schedule.create': 'Scheduled report created',
  'report_schedule.update': 'Scheduled report changed',
  'report_schedule.delete': 'Scheduled report deleted',
  'annotation.add': 'Event annotation added',
};

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
    // PPID request channels (Perki 1/2021) and social platforms share the worklist's channel column.
    langsung: 'Datang langsung',
    surat: 'Surat',
    email: 'Surel',
    website: 'Situs web',
    media_sosial: 'Media sosial',
    lainnya: 'Lainnya',
    youtube: 'YouTube',
    tiktok: 'TikTok',
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
  ppidStatus: {
    diterima: 'Diterima',
    diperpanjang: 'Diperpanjang',
    diputuskan: 'Diputuskan',
    selesai: 'Selesai',
    keberatan: 'Keberatan',
    keberatan_dijawab: 'Keberatan dijawab',
    sengketa: 'Sengketa',
    sengketa_selesai: 'Sengketa selesai',
  },
  socialStatus: { belum_dibalas: 'Belum dibalas' },
  deadlineState: {
    none: 'Tanpa tenggat',
    on_time: 'Tepat waktu',
    at_risk: 'Hampir jatuh tempo',
    overdue: 'Terlambat',
    paused: 'Ditunda',
  },
  audit: AUDIT_ID,
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
    langsung: 'In person',
    surat: 'Letter',
    email: 'E-mail',
    website: 'Website',
    media_sosial: 'Social media',
    lainnya: 'Other',
    youtube: 'YouTube',
    tiktok: 'TikTok',
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
  ppidStatus: {
    diterima: 'Received',
    diperpanjang: 'Extended',
    diputuskan: 'Decided',
    selesai: 'Done',
    keberatan: 'Objection',
    keberatan_dijawab: 'Objection answered',
    sengketa: 'Dispute',
    sengketa_selesai: 'Dispute closed',
  },
  socialStatus: { belum_dibalas: 'Not answered' },
  deadlineState: {
    none: 'No deadline',
    on_time: 'On time',
    at_risk: 'Due soon',
    overdue: 'Overdue',
    paused: 'Paused',
  },
  audit: AUDIT_EN,
};

export type LabelLocale = 'id' | 'en';

export const LABELS: Record<LabelLocale, Record<LabelGroup, Record<string, string>>> = { id, en };

/** The label of a code, or the code humanised when the catalog has none. */
export function codeLabel(locale: LabelLocale, group: LabelGroup, code: string | null | undefined): string {
  if (!code) return '–';
  return LABELS[locale][group][code] ?? code.replace(/_/g, ' ');
}

/** The label group of an item's status: complaints, PPID requests and social comments each have their own codes. */
export function itemStatusGroup(kind: string): LabelGroup {
  return kind === 'ppid_request' ? 'ppidStatus' : kind === 'social_comment' ? 'socialStatus' : 'status';
}

/** An item's status label, by its kind. */
export function itemStatusLabel(locale: LabelLocale, kind: string, status: string | null | undefined): string {
  return codeLabel(locale, itemStatusGroup(kind), status);
}
