/**
 * Indonesian texts of simulated comments and mentions on OPD accounts, by sentiment, plus the issues that
 * flare up and the hoaxes that need a clarification. Invented; no real person or account is quoted.
 */
export const COMMENTS = {
  positive: [
    'Mantap, terima kasih infonya 👍',
    'Semoga programnya lancar dan bermanfaat untuk warga',
    'Pelayanannya sekarang cepat, terima kasih',
    'Informasi yang sangat membantu',
    'Sukses terus untuk timnya',
  ],
  neutral: [
    'Pendaftarannya dibuka sampai kapan ya min?',
    'Apakah syaratnya bisa dikirim lewat email?',
    'Min, lokasi kantornya di mana?',
    'Izin bertanya, jadwal pelayanannya hari apa saja?',
    'Untuk warga kabupaten apakah bisa ikut juga?',
    'Link formulirnya di mana ya?',
  ],
  negative: [
    'Sudah lapor berkali-kali tapi belum ada tindak lanjut',
    'Pelayanannya lambat sekali, mohon dievaluasi',
    'Kenapa informasinya tidak diumumkan dari jauh hari?',
    'Antrean panjang dan petugasnya tidak ada',
    'Jalan di daerah kami masih rusak, kapan diperbaiki?',
  ],
} as const;

/** Issues that bring a burst of negative comments on one account (tag as the issue desk would set it). */
export const ISSUES = [
  { tag: 'Jalan rusak', text: 'Jalan provinsi rusak parah dan belum diperbaiki, kami kecewa' },
  { tag: 'Kabut asap', text: 'Asap makin tebal, anak-anak sesak napas, mana tindakannya?' },
  { tag: 'Antrean RSUD', text: 'Antre dari subuh di rumah sakit, pelayanan tidak jelas' },
  { tag: 'Banjir', text: 'Rumah kami terendam lagi, bantuan belum datang' },
  { tag: 'PPDB', text: 'Sistem PPDB error terus, anak kami tidak bisa mendaftar' },
  { tag: 'Pemadaman air', text: 'Air bersih mati tiga hari tanpa pemberitahuan' },
];

/** Hoax suspects that circulate and get clarified by the OPD. */
export const HOAXES = [
  { tag: 'Hoaks bantuan tunai', text: 'Katanya ada bantuan tunai Rp5 juta, cukup kirim KTP ke nomor WA ini?' },
  { tag: 'Hoaks rekrutmen', text: 'Benarkah ada penerimaan pegawai tanpa tes lewat link ini?' },
  { tag: 'Hoaks libur sekolah', text: 'Beredar surat edaran sekolah diliburkan sebulan, apa benar?' },
  { tag: 'Hoaks tarif pajak', text: 'Katanya pajak kendaraan naik dua kali lipat mulai bulan depan?' },
];
