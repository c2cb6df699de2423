/**
 * Indonesian complaint templates per subject. `{tempat}` is a regency capital. The texts are invented
 * and name no real person; reporter names are combinations of common given names.
 */
export interface Subject {
  topic: string;
  /** Matched against OPD names and short names to route the complaint. */
  opdHints: string[];
  weight: number;
  titles: string[];
  bodies: string[];
}

export const SUBJECTS: Subject[] = [
  {
    topic: 'Infrastruktur Jalan',
    opdHints: ['PUPR', 'Pekerjaan Umum'],
    weight: 18,
    titles: [
      'Jalan rusak parah di {tempat}',
      'Lubang besar di jalan provinsi dekat {tempat}',
      'Perbaikan jalan di {tempat} terbengkalai',
    ],
    bodies: [
      'Jalan provinsi di wilayah {tempat} rusak dan berlubang sejak beberapa bulan. Kendaraan sering tergelincir saat hujan. Mohon segera diperbaiki.',
      'Proyek perbaikan jalan di {tempat} berhenti di tengah jalan, material dibiarkan menumpuk dan membahayakan pengendara malam hari.',
    ],
  },
  {
    topic: 'Banjir dan Drainase',
    opdHints: ['PUPR', 'Pekerjaan Umum', 'Bencana'],
    weight: 8,
    titles: ['Drainase tersumbat di {tempat}', 'Banjir setiap hujan di {tempat}'],
    bodies: [
      'Saluran air di {tempat} tersumbat sampah sehingga jalan tergenang setiap hujan deras. Warga meminta normalisasi drainase.',
    ],
  },
  {
    topic: 'Pendidikan',
    opdHints: ['Pendidikan'],
    weight: 14,
    titles: [
      'Kendala PPDB SMA di {tempat}',
      'Ruang kelas SMA rusak di {tempat}',
      'Pungutan di sekolah negeri {tempat}',
    ],
    bodies: [
      'Anak kami tidak dapat mendaftar PPDB jalur zonasi karena sistem terus gagal. Mohon penjelasan dan perpanjangan waktu.',
      'Atap ruang kelas di salah satu SMA negeri di {tempat} bocor dan plafon hampir roboh. Siswa terpaksa belajar di teras.',
      'Orang tua diminta membayar iuran pembangunan di SMA negeri {tempat} tanpa rincian penggunaan.',
    ],
  },
  {
    topic: 'Kesehatan',
    opdHints: ['Kesehatan', 'RSUD', 'Rumah Sakit'],
    weight: 12,
    titles: ['Antrean panjang di RSUD', 'Pelayanan BPJS ditolak di {tempat}', 'Obat kosong di puskesmas {tempat}'],
    bodies: [
      'Pasien peserta BPJS diminta membayar obat yang seharusnya ditanggung. Mohon ditindaklanjuti.',
      'Antrean pendaftaran di rumah sakit sejak subuh, petugas loket baru datang pukul sembilan.',
    ],
  },
  {
    topic: 'Perhubungan',
    opdHints: ['Perhubungan'],
    weight: 7,
    titles: ['Lampu penerangan jalan mati di {tempat}', 'Angkutan umum ke {tempat} tidak beroperasi'],
    bodies: [
      'Lampu penerangan jalan umum di ruas menuju {tempat} mati lebih dari sebulan, rawan kecelakaan dan kejahatan.',
    ],
  },
  {
    topic: 'Bantuan Sosial',
    opdHints: ['Sosial'],
    weight: 9,
    titles: ['Bansos tidak tepat sasaran di {tempat}', 'Nama keluarga kami hilang dari DTKS'],
    bodies: [
      'Keluarga kami termasuk tidak mampu tetapi nama kami tidak lagi tercantum sebagai penerima bantuan. Mohon verifikasi ulang.',
    ],
  },
  {
    topic: 'Lingkungan Hidup',
    opdHints: ['Lingkungan Hidup', 'Kehutanan'],
    weight: 6,
    titles: ['Asap kebakaran lahan di {tempat}', 'Limbah perusahaan mencemari sungai di {tempat}'],
    bodies: [
      'Kabut asap dari kebakaran lahan di sekitar {tempat} mengganggu pernapasan anak-anak. Mohon penanganan karhutla.',
      'Air sungai di dekat {tempat} berubah warna dan berbau, diduga limbah perusahaan sawit.',
    ],
  },
  {
    topic: 'Ketenagakerjaan',
    opdHints: ['Tenaga Kerja', 'Transmigrasi'],
    weight: 4,
    titles: ['Upah di bawah UMP di {tempat}', 'Pemutusan hubungan kerja sepihak'],
    bodies: ['Karyawan perusahaan di {tempat} dibayar di bawah upah minimum provinsi dan tanpa BPJS Ketenagakerjaan.'],
  },
  {
    topic: 'Perizinan',
    opdHints: ['Penanaman Modal', 'PTSP'],
    weight: 4,
    titles: ['Izin usaha tidak kunjung terbit', 'Layanan OSS lambat'],
    bodies: ['Permohonan izin usaha kami sudah lebih dari sebulan belum ada kabar, padahal berkas lengkap.'],
  },
  {
    topic: 'Pelayanan Publik Umum',
    opdHints: ['Komunikasi', 'Sekretariat', 'Pemerintahan'],
    weight: 6,
    titles: ['Situs layanan pemprov tidak bisa diakses', 'Informasi layanan tidak jelas'],
    bodies: [
      'Situs resmi layanan pemerintah provinsi tidak bisa dibuka sejak kemarin. Mohon diperbaiki karena kami perlu mengunduh formulir.',
    ],
  },
  {
    topic: 'Pertanian dan Pangan',
    opdHints: ['Pertanian', 'Pangan', 'Perkebunan'],
    weight: 5,
    titles: ['Pupuk bersubsidi langka di {tempat}', 'Harga beras naik di {tempat}'],
    bodies: ['Petani di {tempat} kesulitan mendapatkan pupuk bersubsidi menjelang musim tanam.'],
  },
];

export const GIVEN_NAMES = [
  'Ahmad',
  'Siti',
  'Budi',
  'Dewi',
  'Rahmat',
  'Nur',
  'Agus',
  'Fitri',
  'Hendra',
  'Lestari',
  'Yusuf',
  'Rina',
  'Dedi',
  'Wati',
  'Rizky',
  'Ayu',
];
export const FAMILY_NAMES = [
  'Saputra',
  'Hidayat',
  'Lestari',
  'Pratama',
  'Wijaya',
  'Santoso',
  'Rahman',
  'Nugroho',
  'Sari',
  'Kurniawan',
];

export const FOLLOW_UPS = [
  'Terima kasih atas laporan Anda. Tim kami telah meninjau lokasi dan perbaikan dijadwalkan minggu ini.',
  'Laporan telah kami teruskan ke bidang terkait dan sedang dalam proses penanganan.',
  'Kami telah berkoordinasi dengan pihak terkait. Mohon informasi tambahan melalui kanal ini bila masih ada kendala.',
];
