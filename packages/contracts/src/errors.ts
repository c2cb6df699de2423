/**
 * The API's error messages in Bahasa Indonesia. The wire stays one language for programs
 * (`{ error: { field, message } }`, English); a screen shows the message from this catalog, so an
 * Indonesian console never shows an English sentence or a raw field id. `errors.test.ts` checks that every
 * message the server's routes and the contracts write by hand has an entry here.
 */

const MESSAGES: Record<string, string> = {
  'each step must come no earlier than the one before':
    'Setiap tingkat eskalasi tidak boleh lebih awal daripada tingkat sebelumnya.',
  'levels must be 1, 2, 3… in order': 'Tingkat eskalasi harus berurutan: 1, 2, 3, dan seterusnya.',
  'a PPID pembantu request needs the OPD': 'Permohonan ke PPID pembantu harus menyebut OPD-nya.',
  'a range needs from and to': 'Rentang waktu perlu tanggal awal dan akhir.',
  'a rejection must name its Pasal 17 ground (a–j)': 'Penolakan wajib menyebut dasar Pasal 17 (huruf a–j).',
  'a report is for an OPD or a kabupaten/kota, not both':
    'Laporan untuk satu OPD atau satu kabupaten/kota, tidak keduanya.',
  'a value is out of range or malformed': 'Ada nilai di luar rentang atau formatnya salah.',
  'already answered': 'Sudah ditandai dibalas.',
  'already escalated': 'Sudah dieskalasi.',
  'already taken': 'Sudah diambil petugas lain.',
  'an OPD admin assigns within its OPD': 'Admin OPD hanya menugaskan di OPD-nya sendiri.',
  'an OPD admin hears about its own OPD only': 'Admin OPD hanya menerima kabar tentang OPD-nya sendiri.',
  'an OPD admin needs an OPD, and only an OPD admin has one':
    'Admin OPD wajib punya OPD, dan hanya admin OPD yang punya.',
  'an OPD admin reads its own OPD’s report only': 'Admin OPD hanya membaca laporan OPD-nya sendiri.',
  'an OPD admin records complaints for its own OPD': 'Admin OPD hanya mencatat aduan untuk OPD-nya sendiri.',
  'an admin cannot demote or disable themself':
    'Admin tidak dapat menurunkan peran atau menonaktifkan dirinya sendiri.',
  'another officer acted first; here is the newer state':
    'Petugas lain sudah bertindak lebih dulu; tampilan kini menunjukkan keadaan terbaru.',
  'body is not valid JSON': 'Isi permintaan bukan JSON yang sah.',
  'change your one-time password first': 'Ganti dulu kata sandi sekali pakai Anda.',
  'channel email needs its address': 'Kanal surel perlu alamat surel.',
  'choose a new password': 'Pilih kata sandi baru.',
  'contains a NUL character': 'Berisi karakter yang tidak diizinkan.',
  'cross-site request refused': 'Permintaan dari situs lain ditolak.',
  'cross-site sign-in refused': 'Masuk dari situs lain ditolak.',
  'expected 2026-W48, 2026-11, 2026-Q4, 2026 or 2026-11-01..2026-11-15':
    'Periode harus berbentuk 2026-W48, 2026-11, 2026-Q4, 2026 atau 2026-11-01..2026-11-15.',
  'expected HH:MM (24-hour)': 'Jam harus berbentuk JJ:MM (24 jam).',
  'expected YYYY-MM-DD': 'Tanggal harus berbentuk TTTT-BB-HH.',
  'expected a complaint id': 'Nomor aduan tidak sah.',
  'expected a date between 2000 and 2100': 'Tanggal harus antara tahun 2000 dan 2100.',
  'expected a font list like Georgia, serif': 'Huruf harus berupa daftar seperti Georgia, serif.',
  'expected a hex colour like 0b6e4f': 'Warna harus kode heksadesimal seperti 0b6e4f.',
  'expected a numeric chat id or @channelname': 'Isikan ID obrolan berupa angka atau @namakanal.',
  'expected a phone number': 'Isikan nomor telepon.',
  'expected a regency code like 63.71': 'Kode kabupaten/kota harus seperti 63.71.',
  'expected a request id': 'Nomor permohonan tidak sah.',
  'expected a screen id': 'ID layar tidak sah.',
  'expected a site key': 'Kunci situs tidak sah.',
  'expected a source id of a-z, 0-9, _ and -': 'ID sumber hanya boleh huruf a–z, angka, _ dan -.',
  'expected a user id': 'ID pengguna tidak sah.',
  'expected a year between 2000 and 2100': 'Tahun harus antara 2000 dan 2100.',
  'expected an OPD id like kalsel.dishub': 'ID OPD harus seperti kalsel.dishub.',
  'expected an OPD id': 'ID OPD tidak sah.',
  'expected an id': 'ID tidak sah.',
  'expected an item id': 'ID butir tidak sah.',
  'expected an origin like https://dinkes.kalteng.go.id':
    'Asal harus berupa alamat seperti https://dinkes.kalteng.go.id.',
  'expected lapor or social': 'Pilih lapor atau social.',
  'expected province, an OPD id or a regency code': 'Pilih provinsi, sebuah OPD, atau sebuah kabupaten/kota.',
  'expected real dates, from no later than to, at most two years apart':
    'Tanggal harus ada di kalender, awal tidak setelah akhir, paling jauh dua tahun.',
  'expected the LAPOR tracking id (digits)': 'Isikan nomor pelacakan LAPOR (angka).',
  'give a reason of at least 3 characters': 'Tuliskan alasan, paling sedikit 3 karakter.',
  'internal error': 'Terjadi kesalahan di server.',
  'missing or wrong CSRF token': 'Sesi keamanan halaman kedaluwarsa; muat ulang halaman.',
  'name one period: period=…, month=YYYY-MM, or from=…&to=…': 'Pilih satu periode.',
  'no such OPD in this province': 'OPD itu tidak ada di provinsi ini.',
  'no such OPD': 'OPD tidak ditemukan.',
  'no such active wall screen': 'Layar aktif tidak ditemukan.',
  'no such comment': 'Komentar tidak ditemukan.',
  'no such complaint': 'Aduan tidak ditemukan.',
  'no such connector': 'Konektor tidak ditemukan.',
  'no such item': 'Butir tidak ditemukan.',
  'no such kabupaten/kota in this province': 'Kabupaten/kota itu tidak ada di provinsi ini.',
  'no such request': 'Permohonan tidak ditemukan.',
  'no such source': 'Sumber tidak ditemukan.',
  'no such user': 'Pengguna tidak ditemukan.',
  'no such schedule': 'Jadwal tidak ditemukan.',
  'only admins manage report schedules': 'Hanya admin yang mengelola jadwal laporan.',
  'not a cursor from this API': 'Penanda halaman tidak sah; muat ulang daftar.',
  'not applied': 'Tidak diterapkan.',
  'nothing to acknowledge: no open escalation': 'Tidak ada eskalasi terbuka untuk diakui.',
  'only a person with a console account receives notifications': 'Hanya pemilik akun konsol yang menerima notifikasi.',
  'only a rejection or a partial grant names a Pasal 17 ground':
    'Dasar Pasal 17 hanya disebut untuk penolakan atau pemenuhan sebagian.',
  'only an admin changes the complaint rules': 'Hanya admin yang mengubah aturan aduan.',
  'only an admin edits the calendar': 'Hanya admin yang mengubah kalender.',
  'only an admin edits the playlist': 'Hanya admin yang mengubah daftar putar.',
  'only an admin manages sources': 'Hanya admin yang mengelola sumber.',
  'only an admin manages users': 'Hanya admin yang mengelola pengguna.',
  'only an admin manages wall screens': 'Hanya admin yang mengelola layar.',
  'only an admin reads the audit trail': 'Hanya admin yang membaca jejak audit.',
  'only an admin reads the delivery log': 'Hanya admin yang membaca log pengiriman.',
  'quiet hours must not be empty': 'Jam tenang tidak boleh kosong.',
  refused: 'Ditolak.',
  required: 'Wajib diisi.',
  'sign in first': 'Silakan masuk terlebih dahulu.',
  'the metrics token is required': 'Token metrik diperlukan.',
  'the calendar page is for the console': 'Halaman kalender hanya untuk pengguna konsol.',
  'the server is starting: its database is not reachable yet': 'Server sedang dinyalakan; basis data belum terjangkau.',
  'the sources page is for admins and duty officers': 'Halaman sumber hanya untuk admin dan petugas piket.',
  'this complaint has no running deadline to escalate': 'Aduan ini tidak punya tenggat berjalan untuk dieskalasi.',
  'this date and kind are listed twice': 'Tanggal dan jenis ini tercantum dua kali.',
  'this person cannot own an item of this OPD': 'Orang ini tidak dapat memegang butir milik OPD ini.',
  'this request has no running deadline to escalate': 'Permohonan ini tidak punya tenggat berjalan untuk dieskalasi.',
  'this screen has no playlist of its own': 'Layar ini tidak punya daftar putar sendiri.',
  'too long': 'Terlalu panjang.',
  'topic too long': 'Topik terlalu panjang.',
  'unknown or revoked screen': 'Token layar tidak berlaku — minta token baru ke admin.',
  'use 3–40 letters, digits, dots, dashes or underscores':
    'Gunakan 3–40 huruf, angka, titik, tanda hubung, atau garis bawah.',
  'use 3–40 lowercase letters, digits or dashes': 'Gunakan 3–40 huruf kecil, angka, atau tanda hubung.',
  'viewers do not act': 'Peran pimpinan hanya melihat, tidak bertindak.',
  'viewers do not assign': 'Peran pimpinan tidak menugaskan.',
  'viewers do not record complaints': 'Peran pimpinan tidak mencatat aduan.',
  'viewers have no handover': 'Peran pimpinan tidak punya serah terima.',
  'wrong password': 'Kata sandi salah.',
  'wrong username or password': 'Nama pengguna atau kata sandi salah.',
  'year out of range (1900 or later)': 'Tahun di luar rentang (1900 atau sesudahnya).',
  'year out of range (2000 or later)': 'Tahun di luar rentang (2000 atau sesudahnya).',
  'expected YYYY-MM': 'Bulan harus berbentuk TTTT-BB.',
  'expected a kabupaten/kota code': 'Kode kabupaten/kota tidak sah.',
  'expected a year (2000 or later)': 'Isikan tahun (2000 atau sesudahnya).',
  'only the duty desk marks events on the trends': 'Hanya petugas piket dan admin yang menandai peristiwa pada tren.',
  'no such regency': 'Kabupaten/kota tidak ditemukan.',
  'no such annotation': 'Catatan peristiwa tidak ditemukan.',
  'write what happened': 'Teks catatan wajib diisi: tuliskan apa yang terjadi.',
  'an annotation id is a number': 'Nomor catatan peristiwa harus berupa angka.',
  'Pantau recorded this outage from the source and closes it by itself':
    'Gangguan ini dicatat Pantau dari sumbernya dan akan ditutup dengan sendirinya.',
  'one scope: an OPD or a regency': 'Pilih satu cakupan: sebuah OPD atau sebuah kabupaten/kota.',
  'ends before it starts': 'Waktu selesai lebih awal dari waktu mulai.',
  'your role does not drive the wall': 'Peran Anda tidak mengendalikan layar.',
  'your role may not act here': 'Peran Anda tidak boleh bertindak di sini.',
  'your role may not assign this item': 'Peran Anda tidak boleh menugaskan butir ini.',
  'your role may not record this request': 'Peran Anda tidak boleh mencatat permohonan ini.',
};

/** Messages with a variable part: the English pattern and its Indonesian sentence. */
const PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^body larger than (.+)$/, (m) => `Isi permintaan lebih besar dari ${m[1]}.`],
  [
    /^too many failed sign-ins: try again after (.+)$/,
    (m) => `Terlalu banyak percobaan masuk yang gagal; coba lagi setelah ${m[1]}.`,
  ],
  [/^your role may not \w+ this complaint$/, () => 'Peran Anda tidak boleh melakukan tindakan ini pada aduan ini.'],
  [/^your role may not \w+ this request$/, () => 'Peran Anda tidak boleh melakukan tindakan ini pada permohonan ini.'],
  [/^no route for /, () => 'Alamat tidak ditemukan.'],
  [/^cannot \w+ a complaint that is \w+$/, () => 'Langkah ini tidak berlaku untuk status aduan saat ini.'],
  [/^unknown status: (.+)$/, (m) => `Status tidak dikenal: ${m[1]}.`],
  [/^unknown deadline state: (.+)$/, (m) => `Keadaan tenggat tidak dikenal: ${m[1]}.`],
];

/** What each HTTP status means to a person, when the message itself is not in the catalog. */
const BY_STATUS: Record<number, string> = {
  400: 'Isian tidak valid; periksa kembali formulir.',
  401: 'Sesi Anda berakhir; silakan masuk lagi.',
  403: 'Anda tidak berwenang untuk tindakan ini.',
  404: 'Data tidak ditemukan.',
  409: 'Data sudah berubah; tampilan diperbarui.',
  413: 'Isian terlalu besar.',
  422: 'Isian tidak dapat diproses.',
  429: 'Terlalu banyak permintaan; coba lagi sebentar lagi.',
  503: 'Server sedang tidak tersedia; coba lagi sebentar lagi.',
};

/** The Indonesian sentence for an English API message, or null when the catalog has none. */
export function indonesianMessage(message: string): string | null {
  const exact = MESSAGES[message];
  if (exact) return exact;
  for (const [re, say] of PATTERNS) {
    const m = message.match(re);
    if (m) return say(m);
  }
  return null;
}

/** The English messages the catalog knows word for word (for the coverage test). */
export function knownErrorMessages(): string[] {
  return Object.keys(MESSAGES);
}

/**
 * An API error as a person reads it: in English the server's own message; in Bahasa Indonesia the
 * catalog's sentence, else what the status means (never an English sentence on an Indonesian screen).
 */
export function errorText(locale: 'id' | 'en', status: number, message: string | undefined): string {
  if (locale === 'en') return message ?? `Error ${status}`;
  const known = message ? indonesianMessage(message) : null;
  if (known) return known;
  return (
    BY_STATUS[status] ?? (status >= 500 ? 'Terjadi kesalahan di server; coba lagi.' : `Permintaan gagal (${status}).`)
  );
}
