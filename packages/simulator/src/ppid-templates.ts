/**
 * Indonesian templates for simulated PPID requests and DIP entries. The texts are invented; `{tahun}` is
 * a year and `{opd}` the OPD's short name. Requester names reuse the complaint templates' common given
 * names, so no real person is described.
 */
export interface PpidSubjectGroup {
  /** Matched against OPD names and short names; an empty list fits every OPD. */
  opdHints: string[];
  subjects: string[];
}

export const PPID_SUBJECTS: PpidSubjectGroup[] = [
  {
    opdHints: ['PUPR', 'Pekerjaan Umum'],
    subjects: [
      'Daftar paket pekerjaan jalan provinsi tahun {tahun}',
      'Dokumen kontrak peningkatan jalan ruas provinsi tahun {tahun}',
      'Data kondisi jalan mantap dan tidak mantap tahun {tahun}',
    ],
  },
  {
    opdHints: ['Pendidikan', 'Disdik'],
    subjects: [
      'Rekapitulasi penerima beasiswa daerah tahun {tahun}',
      'Data daya tampung PPDB SMA/SMK negeri tahun {tahun}',
      'Rincian penggunaan dana BOSDA tahun {tahun}',
    ],
  },
  {
    opdHints: ['Kesehatan', 'Dinkes', 'RSUD', 'RSJ'],
    subjects: [
      'Data jumlah kasus stunting per kabupaten tahun {tahun}',
      'Standar pelayanan dan tarif layanan rumah sakit tahun {tahun}',
      'Data ketersediaan tempat tidur rawat inap',
    ],
  },
  {
    opdHints: ['Lingkungan', 'DLH', 'Kehutanan', 'Dishut', 'ESDM'],
    subjects: [
      'Dokumen AMDAL kegiatan perkebunan di wilayah provinsi',
      'Data titik panas dan luas kebakaran hutan dan lahan tahun {tahun}',
      'Daftar izin usaha pertambangan yang masih berlaku',
    ],
  },
  {
    opdHints: ['Keuangan', 'BPKAD', 'Bapenda', 'Pendapatan'],
    subjects: [
      'Laporan realisasi APBD tahun {tahun}',
      'Data penerimaan pajak kendaraan bermotor tahun {tahun}',
      'Neraca dan laporan keuangan pemerintah daerah tahun {tahun}',
    ],
  },
  {
    opdHints: ['Sosial', 'Dinsos'],
    subjects: ['Data penerima bantuan sosial daerah tahun {tahun}', 'Daftar panti sosial dan kapasitasnya'],
  },
  {
    opdHints: [],
    subjects: [
      'Rencana strategis {opd} periode berjalan',
      'Laporan kinerja instansi pemerintah {opd} tahun {tahun}',
      'Daftar pejabat struktural {opd}',
      'Rencana kerja dan anggaran {opd} tahun {tahun}',
      'Standar operasional prosedur pelayanan {opd}',
      'Data jumlah pegawai {opd} menurut golongan',
    ],
  },
];

export const EXTENSION_REASONS = [
  'Informasi yang diminta perlu dihimpun dari beberapa bidang',
  'Dokumen sedang dalam proses pengujian konsekuensi',
  'Volume dokumen besar dan memerlukan penggandaan',
];

export const DIP_TEMPLATES: Array<{ category: 'berkala' | 'serta_merta' | 'setiap_saat'; ringkasan: string }> = [
  { category: 'berkala', ringkasan: 'Laporan keuangan {opd} tahun {tahun}' },
  { category: 'berkala', ringkasan: 'Rencana strategis {opd}' },
  { category: 'berkala', ringkasan: 'Laporan kinerja {opd} tahun {tahun}' },
  { category: 'berkala', ringkasan: 'Ringkasan program dan kegiatan {opd} tahun {tahun}' },
  { category: 'setiap_saat', ringkasan: 'Daftar Informasi Publik {opd}' },
  { category: 'setiap_saat', ringkasan: 'Standar pelayanan {opd}' },
  { category: 'setiap_saat', ringkasan: 'Daftar aset dan inventaris {opd}' },
  { category: 'serta_merta', ringkasan: 'Informasi peringatan dini dan tanggap darurat {opd}' },
];
