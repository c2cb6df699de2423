import type { PpidKpis } from '@pantau/contracts';

const pct = (share: number | null) => (share === null ? null : share * 100);

/** The columns of {@link ppidReportRows}. */
export const PPID_REPORT_HEADER = ['bagian', 'uraian', 'nilai'] as const;

/**
 * The figures of the annual Laporan Layanan Informasi Publik (DOMAIN.md §3.4) as rows of
 * `bagian,uraian,nilai`, in Bahasa Indonesia for the OPD's report writer. The server writes them with
 * its one CSV writer (quoting, formula neutralisation); shares are in percent.
 */
export function ppidReportRows(
  kpis: PpidKpis,
  meta: { badanPublik: string; from: string; to: string },
): Array<[string, string, string | number | null]> {
  return [
    ['identitas', 'Badan publik', meta.badanPublik],
    ['identitas', 'Periode', `${meta.from} s.d. ${meta.to}`],
    ['rincian_pelayanan', 'Jumlah permohonan', kpis.requests],
    ['rincian_pelayanan', 'Permohonan yang sudah diputuskan', kpis.decided],
    ['rincian_pelayanan', 'Dikabulkan seluruhnya', kpis.byDecision.dipenuhi.count],
    ['rincian_pelayanan', 'Dikabulkan sebagian', kpis.byDecision.dipenuhi_sebagian.count],
    ['rincian_pelayanan', 'Ditolak (informasi dikecualikan)', kpis.byDecision.ditolak.count],
    ['rincian_pelayanan', 'Informasi tidak dikuasai', kpis.byDecision.tidak_dikuasai.count],
    ['rincian_pelayanan', 'Informasi belum didokumentasikan', kpis.byDecision.belum_didokumentasikan.count],
    ['rincian_pelayanan', 'Persentase dikabulkan seluruhnya (%)', pct(kpis.byDecision.dipenuhi.share)],
    ['rincian_pelayanan', 'Persentase dikabulkan sebagian (%)', pct(kpis.byDecision.dipenuhi_sebagian.share)],
    ['rincian_pelayanan', 'Persentase ditolak (%)', pct(kpis.byDecision.ditolak.share)],
    ['rincian_pelayanan', 'Rata-rata waktu memutuskan (hari kerja)', kpis.avgWorkingDaysToDecide],
    ['rincian_pelayanan', 'Perpanjangan waktu 7 hari kerja digunakan', kpis.extensionsUsed],
    ['rincian_pelayanan', 'Diputuskan tepat waktu (%)', pct(kpis.onTimeShare)],
    ...Object.entries(kpis.rejectionGrounds)
      .sort()
      .map(([g, n]): [string, string, number] => [
        'alasan_penolakan',
        `Pasal 17 huruf ${g.replace('pasal17_', '')}`,
        n,
      ]),
    ...Object.entries(kpis.byRequesterType)
      .sort()
      .map(([t, n]): [string, string, number] => ['pemohon', t, n]),
    ...Object.entries(kpis.byChannel)
      .sort()
      .map(([t, n]): [string, string, number] => ['saluran', t, n]),
    ['penyelesaian_sengketa', 'Keberatan diajukan', kpis.objections],
    ['penyelesaian_sengketa', 'Keberatan diterima atasan PPID', kpis.objectionsAccepted],
    ['penyelesaian_sengketa', 'Sengketa ke Komisi Informasi', kpis.disputes],
  ];
}
