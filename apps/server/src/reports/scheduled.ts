import { reportMailFacts } from '@pantau/contracts';
import { activeReportSchedules, queueReportMails, reportScheduleActive, type Pool } from '@pantau/db';
import { dueScheduledPeriod, parseReportPeriod, periodLabel, scheduleSends } from '@pantau/domain';
import type { ComplaintContext } from '../ingest/complaint-ingest.ts';
import type { ReportMail } from '../notifications/sender.ts';
import { leadershipReportPdf } from './leadership.ts';

/**
 * Queues the e-mails of every enabled schedule whose period is due (the week before on Monday, the month
 * before on the 1st, at `time` province time): one outbox row per recipient, keyed schedule × period ×
 * address, so every pass, restart and leader queues each once. Returns the number of new messages.
 */
export async function queueScheduledReports(
  pool: Pool,
  now: Date,
  o: { timeZone: string; time: string },
): Promise<number> {
  let queued = 0;
  for (const s of await activeReportSchedules(pool)) {
    const due = dueScheduledPeriod(s.cadence, now, o.timeZone, o.time);
    if (!scheduleSends(s.created, due.sendAt)) continue;
    queued += await queueReportMails(pool, {
      facts: { scheduleId: s.id, name: s.name, cadence: s.cadence, period: due.period.key, opdId: s.opdId },
      recipients: s.recipients,
    });
  }
  return queued;
}

/**
 * Renders scheduled reports for the sender: the leadership report of the row's period and scope as a
 * PDF, rendered when it is sent and once for all the recipients a pass sends it to (`clear` each pass).
 */
export function createReportRenderer(pool: Pool, ctx: ComplaintContext, baseUrl: string) {
  const cache = new Map<string, Promise<ReportMail | null>>();
  const render = async (raw: unknown): Promise<ReportMail | null> => {
    const f = reportMailFacts.parse(raw);
    if (!(await reportScheduleActive(pool, f.scheduleId))) return null;
    const period = parseReportPeriod(f.period);
    if (!period) throw new Error(`unknown period ${f.period}`);
    const { pdf, filename } = await leadershipReportPdf(pool, ctx, {
      period,
      scope: f.opdId ? { opdId: f.opdId } : null,
    });
    const scope = f.opdId ? (ctx.pack.opds.find((x) => x.id === f.opdId)?.name ?? f.opdId) : ctx.pack.name;
    const label = periodLabel(period);
    return {
      subject: `[Pantau] Laporan Pimpinan ${scope} · ${label}`,
      text: [
        `Terlampir Laporan Pimpinan ${scope} untuk ${label}.`,
        '',
        `Jadwal: ${f.name} (${f.cadence === 'weekly' ? 'mingguan' : 'bulanan'}).`,
        `Laporan periode lain dapat diunduh di konsol: ${baseUrl}/console/reports`,
        '',
        'Pesan ini dikirim otomatis oleh Pantau dan tidak memuat identitas pelapor.',
      ].join('\n'),
      attachments: [{ filename, content: pdf, contentType: 'application/pdf' }],
    };
  };
  return {
    render(raw: unknown): Promise<ReportMail | null> {
      const f = reportMailFacts.safeParse(raw);
      if (!f.success) return render(raw);
      const key = `${f.data.scheduleId}|${f.data.period}`;
      let p = cache.get(key);
      if (!p) cache.set(key, (p = render(raw)));
      // A failure is not kept: the retry renders again.
      p.catch(() => cache.delete(key));
      return p;
    },
    clear: () => cache.clear(),
  };
}
