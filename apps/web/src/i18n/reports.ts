/**
 * Messages of the leadership report's controls (console and dashboard) and its schedules, Bahasa
 * Indonesia first. Every key in `reportsId` must exist in `reportsEn` (the type enforces it).
 */
export const reportsId = {
  'reports.period': 'Periode',
  'reports.kind.week': 'Minggu',
  'reports.kind.month': 'Bulan',
  'reports.kind.quarter': 'Triwulan',
  'reports.kind.year': 'Tahun',
  'reports.kind.custom': 'Rentang tanggal',
  'reports.from': 'Dari',
  'reports.to': 'Sampai',
  'reports.dashboardDownload': 'Unduh laporan (PDF)',
  'reports.schedule.title': 'Laporan terjadwal',
  'reports.schedule.hint':
    'Laporan pimpinan dikirim lewat e-mail: mingguan setiap Senin untuk minggu sebelumnya, bulanan setiap tanggal 1 untuk bulan sebelumnya, pada jam ringkasan harian (waktu provinsi). Penerima tidak harus punya akun Pantau.',
  'reports.schedule.name': 'Nama',
  'reports.schedule.cadence': 'Jadwal',
  'reports.schedule.recipients': 'Penerima (e-mail)',
  'reports.schedule.last': 'Terakhir dikirim',
  'reports.schedule.enabled': 'Aktif',
  'reports.schedule.delete': 'Hapus',
  'reports.schedule.add': 'Tambah jadwal',
  'reports.schedule.none': 'Belum ada laporan terjadwal.',
  'reports.schedule.saved': 'Jadwal disimpan.',
  'reports.schedule.deleted': 'Jadwal dihapus.',
  'reports.cadence.weekly': 'Mingguan',
  'reports.cadence.monthly': 'Bulanan',
} as const;

export const reportsEn: Record<keyof typeof reportsId, string> = {
  'reports.period': 'Period',
  'reports.kind.week': 'Week',
  'reports.kind.month': 'Month',
  'reports.kind.quarter': 'Quarter',
  'reports.kind.year': 'Year',
  'reports.kind.custom': 'Date range',
  'reports.from': 'From',
  'reports.to': 'To',
  'reports.dashboardDownload': 'Download report (PDF)',
  'reports.schedule.title': 'Scheduled reports',
  'reports.schedule.hint':
    'The leadership report by e-mail: weekly each Monday for the week before, monthly each 1st for the month before, at the daily digest time (province time). Recipients need no Pantau account.',
  'reports.schedule.name': 'Name',
  'reports.schedule.cadence': 'Schedule',
  'reports.schedule.recipients': 'Recipients (e-mail)',
  'reports.schedule.last': 'Last sent',
  'reports.schedule.enabled': 'On',
  'reports.schedule.delete': 'Delete',
  'reports.schedule.add': 'Add schedule',
  'reports.schedule.none': 'No scheduled reports yet.',
  'reports.schedule.saved': 'Schedule saved.',
  'reports.schedule.deleted': 'Schedule deleted.',
  'reports.cadence.weekly': 'Weekly',
  'reports.cadence.monthly': 'Monthly',
};
