import { complaintOverview, issueServiceToken, loadWorkingCalendar } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { addDays, digestAt, dueScheduledPeriod, localDateOf, periodContaining, periodLabel } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../env.ts';
import { ingestComplaintBatch } from '../ingest/complaint-ingest.ts';
import { createLogger } from '../logger.ts';
import { mailAttachments, startSmtpReceiver } from '../notifications/testing/fake-receivers.ts';
import { startServer, type RunningServer } from '../server.ts';
import { pdfTextLines } from './pdf-text.ts';
import { queueScheduledReports } from './scheduled.ts';

const OPD = 'kalsel.pupr';
const TZ = 'Asia/Makassar';
const TIME = '07:30';

// Issue 15's "done when": a report for a month and an OPD is mailed on schedule — read from a real SMTP
// server, its attached PDF's text extracted, its figures equal to the dashboard's — exactly once across
// passes, a restart and a leader change.
describe('scheduled leadership reports by e-mail', () => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let env: ReturnType<typeof loadEnv>;
  let nodes: RunningServer[] = [];
  let token: string;
  const today = localDateOf(new Date(), TZ);
  const month = periodContaining('month', today);
  const week = periodContaining('week', today);
  // The send times of this month's and this week's reports: the 1st of next month and next Monday.
  const monthDue = digestAt(addDays(month.to, 1), TIME, TZ);
  const weekDue = digestAt(addDays(week.to, 1), TIME, TZ);

  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${nodes[0]!.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false, label: 'scheduledreports' });
    smtp = await startSmtpReceiver();
    env = loadEnv({
      NODE_ENV: 'test',
      DATABASE_URL: urlWithSchema(db.url, db.schema),
      PANTAU_PROVINCE: 'kalsel',
      PORT: '0',
      PANTAU_DEMO: 'off',
      PANTAU_NOTIFY_SECONDS: '1',
      PANTAU_NOTIFY_DIGEST_TIME: TIME,
      PANTAU_SMTP_URL: smtp.url,
      PANTAU_SMTP_FROM: 'Pantau Kalsel <pantau@kalselprov.example>',
      PANTAU_PUBLIC_URL: 'https://pantau.kalselprov.example',
    });
    nodes.push(await startServer(env, createLogger('silent')));
    const node = nodes[0]!;
    token = await issueServiceToken(node.pool, 'adm', 'Admin', 'admin');
    // A complaint for the OPD this month, so the figures are not all zero.
    const calendar = await loadWorkingCalendar(node.pool, node.pack.code, node.pack.timeZone);
    const at = new Date(Date.now() - 60_000).toISOString();
    const r = await ingestComplaintBatch(node.pool, { pack: node.pack, calendar: () => calendar }, 'lapor', [
      {
        externalId: 'R1',
        event: {
          type: 'submitted',
          eventId: 's',
          occurredAt: at,
          trackingId: '2599000777',
          channel: 'web',
          classification: 'pengaduan',
          title: 'MARKER-TITLE',
          body: 'MARKER-BODY',
          regencyCode: '63.72',
          reporter: { name: 'MARKER-NAME', contact: '081200000000' },
        },
      },
      { externalId: 'R1', event: { type: 'verified', eventId: 'v', occurredAt: at, opdId: OPD } },
    ]);
    expect(r.every((x) => x.status === 'accepted')).toBe(true);
  }, 120_000);

  afterAll(async () => {
    for (const n of nodes) await n.close().catch(() => undefined);
    await smtp?.close();
    await db?.drop();
  });

  it('lets an admin (only) set up weekly and monthly schedules with their recipients', async () => {
    const monthly = await api('POST', '/api/reports/schedules', {
      name: 'Bulanan PUPR',
      cadence: 'monthly',
      opdId: OPD,
      recipients: ['kadis.pupr@kalselprov.example', 'sekretariat@kalselprov.example'],
      enabled: true,
    });
    expect(monthly.status).toBe(201);
    const weekly = await api('POST', '/api/reports/schedules', {
      name: 'Mingguan Gubernur',
      cadence: 'weekly',
      opdId: null,
      recipients: ['biro.pimpinan@kalselprov.example'],
      enabled: true,
    });
    expect(weekly.status).toBe(201);
    const bad = await api('POST', '/api/reports/schedules', {
      name: 'x',
      cadence: 'daily',
      opdId: null,
      recipients: ['a@b.example'],
      enabled: true,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('cadence');
    const viewer = await issueServiceToken(nodes[0]!.pool, 'pimpinan', 'Pimpinan', 'viewer');
    const refused = await fetch(`${nodes[0]!.url}/api/reports/schedules`, {
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(refused.status).toBe(403);
    const list = await (await api('GET', '/api/reports/schedules')).json();
    expect(list.schedules.map((s: { name: string }) => s.name)).toEqual(['Bulanan PUPR', 'Mingguan Gubernur']);
  });

  it('queues nothing for a period that was due before the schedule was made', async () => {
    expect(await queueScheduledReports(nodes[0]!.pool, new Date(), { timeZone: TZ, time: TIME })).toBe(0);
  });

  it('mails this month’s OPD report on the 1st: one e-mail per recipient, the PDF attached, figures equal the dashboard’s', async () => {
    const pool = nodes[0]!.pool;
    // The leader's pass at the send time of this month's report (and of this week's, if it comes first).
    const at = new Date(Math.max(monthDue.getTime(), weekDue.getTime()) + 60_000);
    expect(await queueScheduledReports(pool, at, { timeZone: TZ, time: TIME })).toBe(3);
    // Another pass, or another node, at the same time: nothing more.
    expect(await queueScheduledReports(pool, at, { timeZone: TZ, time: TIME })).toBe(0);
    await expect.poll(() => smtp.mails.length, { timeout: 30_000, interval: 200 }).toBe(3);

    const mail = mailsTo('kadis.pupr@kalselprov.example');
    expect(mail).toHaveLength(1);
    expect(mailsTo('sekretariat@kalselprov.example')).toHaveLength(1);
    expect(mail[0]!.subject).toBe(
      `[Pantau] Laporan Pimpinan ${nodes[0]!.pack.opds.find((o) => o.id === OPD)!.name} · ${periodLabel(month)}`,
    );
    const files = mailAttachments(mail[0]!.raw);
    expect(files.map((a) => [a.filename, a.contentType])).toEqual([
      [`laporan-pimpinan-${OPD}-${month.key}.pdf`, 'application/pdf'],
    ]);
    const lines = await pdfTextLines(new Uint8Array(files[0]!.content));
    expect(lines[0]).toBe('Laporan Pimpinan');
    expect(lines[1]).toContain(periodLabel(month));
    const dash = await complaintOverview(pool, { timeZone: TZ, opdId: OPD });
    const value = (label: string) => lines.find((l) => l.startsWith(`${label} | `))?.split(' | ')[1];
    expect(dash.month.received).toBeGreaterThan(0);
    expect(value('Aduan masuk')).toBe(String(dash.month.received));
    expect(value('Terbuka saat laporan dibuat')).toBe(String(dash.open.total));
    expect(lines.join('\n')).not.toMatch(/MARKER/);
    expect(mail[0]!.text).not.toMatch(/MARKER/);

    // The weekly province report went to its one recipient.
    const weekly = mailsTo('biro.pimpinan@kalselprov.example');
    expect(weekly).toHaveLength(1);
    const weekKey = dueScheduledPeriod('weekly', at, TZ, TIME).period.key;
    expect(mailAttachments(weekly[0]!.raw)[0]!.filename).toBe(`laporan-pimpinan-kalsel-${weekKey}.pdf`);
  });

  it('sends nothing again after a restart and a leader change, and the delivery log shows each e-mail sent', async () => {
    const at = new Date(Math.max(monthDue.getTime(), weekDue.getTime()) + 120_000);
    // A second node takes over when the first stops (a restart and a leader change at once).
    nodes.push(await startServer(env, createLogger('silent')));
    await nodes[0]!.close();
    nodes = nodes.slice(1);
    expect(await queueScheduledReports(nodes[0]!.pool, at, { timeZone: TZ, time: TIME })).toBe(0);
    await new Promise((r) => setTimeout(r, 3000));
    expect(smtp.mails).toHaveLength(3);
    const log = await (await api('GET', '/api/notifications/deliveries?channel=email')).json();
    const reports = log.deliveries.filter((d: { event: string }) => d.event === 'report');
    expect(reports).toHaveLength(3);
    for (const d of reports) {
      expect(d).toMatchObject({ status: 'sent', userId: null, entity: 'report_schedule' });
      expect(d.log).toHaveLength(1);
    }
    expect(reports.map((d: { address: string }) => d.address).sort()).toEqual([
      'biro.pimpinan@kalselprov.example',
      'kadis.pupr@kalselprov.example',
      'sekretariat@kalselprov.example',
    ]);
  });

  it('stops mailing a schedule that is switched off', async () => {
    const list = await (await api('GET', '/api/reports/schedules')).json();
    const weekly = list.schedules.find((s: { cadence: string }) => s.cadence === 'weekly');
    const { name, cadence, opdId, recipients } = weekly;
    const off = await api('PUT', `/api/reports/schedules/${weekly.id}`, {
      name,
      cadence,
      opdId,
      recipients,
      enabled: false,
    });
    expect(off.status).toBe(200);
    // A week after everything sent so far: the monthly schedule has nothing new, the weekly one is off.
    const later = new Date(Math.max(monthDue.getTime(), weekDue.getTime()) + 7 * 86_400_000);
    expect(await queueScheduledReports(nodes[0]!.pool, later, { timeZone: TZ, time: TIME })).toBe(0);
    expect((await api('DELETE', `/api/reports/schedules/${weekly.id}`)).status).toBe(204);
    expect((await (await api('GET', '/api/reports/schedules')).json()).schedules).toHaveLength(1);
    // Every change is in the audit trail, by whom, with the e-mail it sent in between.
    const { rows } = await nodes[0]!.pool.query(
      `SELECT action, actor FROM audit_log WHERE entity = 'report_schedule' AND entity_id = $1 ORDER BY seq`,
      [String(weekly.id)],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'report_schedule.create',
      'notification.sent',
      'report_schedule.update',
      'report_schedule.delete',
    ]);
    expect(rows[1].actor).toBe('system:notifications');
    expect(rows[0].actor).toBe(rows[3].actor);
  });
});
