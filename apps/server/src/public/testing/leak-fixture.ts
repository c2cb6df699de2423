import { addAnnotation, loadWorkingCalendar, seedProvincePack, withTransaction, type Pool } from '@pantau/db';
import type { ProvincePack } from '@pantau/provinces';
import { ingestComplaintBatch, type ComplaintContext } from '../../ingest/complaint-ingest.ts';
import { ingestPpidBatch } from '../../ingest/ppid-ingest.ts';
import { ingestSocialBatch } from '../../ingest/social-ingest.ts';

/** Every marker the fixture plants in personal or free-text fields; none may appear on a public route. */
export const LEAK_MARKER = /LEAKMARK|0812LEAK|99170\d\d/;
/** Tracking ids are digits; the fixture's are 9917000 + n, matched by LEAK_MARKER too. */
const LEAK_TRACKING_BASE = 9_917_000;

/**
 * Seeds complaints (rahasia and not, anonim and not), PPID requests, social comments and internal trend
 * annotations whose reporter names, contacts, titles, bodies, subjects and texts carry unique LEAKMARK
 * strings, all dated today so they count in this month's public figures. One OPD gets 12 complaints (figures above the threshold),
 * another 2 (a count that must be suppressed).
 */
export async function seedLeakFixture(
  pool: Pool,
  pack: ProvincePack,
): Promise<{ ctx: ComplaintContext; busyOpd: string; quietOpd: string; regency: string }> {
  await seedProvincePack(pool, pack);
  const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
  const ctx: ComplaintContext = { pack, calendar: () => calendar };
  const busyOpd = pack.opds[0]!.id;
  const quietOpd = pack.opds[1]!.id;
  const regency = pack.capitalRegencyCode;
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const complaint = (n: number, opdId: string, flags: { rahasia: boolean; anonim: boolean }) => [
    {
      externalId: `leak-${n}`,
      event: {
        type: 'submitted',
        eventId: 's',
        occurredAt: at(30 + n),
        trackingId: `${LEAK_TRACKING_BASE + n}`,
        channel: n % 2 ? 'sms1708' : 'web',
        classification: 'pengaduan',
        topic: 'Infrastruktur Jalan',
        title: `LEAKMARK-TITLE-${n}`,
        body: `LEAKMARK-BODY-${n} jalan rusak di depan rumah saya`,
        regencyCode: regency,
        isRahasia: flags.rahasia,
        isAnonim: flags.anonim,
        reporter: { name: `LEAKMARK-NAME-${n}`, contact: `0812LEAKMARK${n}` },
      },
    },
    { externalId: `leak-${n}`, event: { type: 'verified', eventId: 'v', occurredAt: at(20 + n), opdId } },
  ];
  const items = [];
  for (let n = 0; n < 12; n++) items.push(...complaint(n, busyOpd, { rahasia: n % 3 === 0, anonim: n % 4 === 0 }));
  for (let n = 12; n < 14; n++) items.push(...complaint(n, quietOpd, { rahasia: true, anonim: n === 13 }));
  const r = await ingestComplaintBatch(pool, ctx, 'leak', items);
  if (!r.every((x) => x.status === 'accepted')) throw new Error(`fixture complaints rejected: ${JSON.stringify(r)}`);

  const ppid = [];
  for (let n = 0; n < 3; n++) {
    ppid.push({
      kind: 'request',
      externalId: `leak-p${n}`,
      event: {
        type: 'received',
        eventId: `r-${n}`,
        occurredAt: at(40 + n),
        regNo: `LEAKMARK-REG-${n}`,
        ppidLevel: 'pembantu',
        opdId: busyOpd,
        channel: 'email',
        requesterType: 'perorangan',
        subject: `LEAKMARK-SUBJECT-${n}`,
        format: 'softcopy',
        requester: { name: `LEAKMARK-REQUESTER-${n}`, address: `LEAKMARK-ADDRESS-${n}` },
      },
    });
  }
  const p = await ingestPpidBatch(pool, ctx, 'leak', ppid);
  if (!p.every((x) => x.status === 'accepted')) throw new Error(`fixture PPID rejected: ${JSON.stringify(p)}`);

  const account = pack.socialAccounts.find((a) => a.opdId === busyOpd) ?? pack.socialAccounts[0]!;
  const social = [];
  for (let n = 0; n < 3; n++) {
    social.push({
      externalId: `leak-c${n}`,
      event: {
        type: 'interaction_received',
        eventId: `in-${n}`,
        occurredAt: at(50 + n),
        account: { platform: account.platform, handle: account.handle },
        kind: 'comment',
        text: `LEAKMARK-COMMENT-${n}`,
      },
    });
  }
  const s = await ingestSocialBatch(pool, 'leak', social);
  if (!s.every((x) => x.status === 'accepted')) throw new Error(`fixture social rejected: ${JSON.stringify(s)}`);
  // Operators' notes on the trends, not marked public: their text stays inside Pantau.
  await withTransaction(pool, async (client) => {
    const day = 86_400_000;
    await addAnnotation(client, {
      scope: 'province',
      startsAt: new Date(Date.now() - 2 * day),
      endsAt: null,
      text: 'LEAKMARK-NOTE rapat internal soal pelapor',
      public: false,
      createdBy: 'fixture',
    });
    await addAnnotation(client, {
      scope: `opd:${busyOpd}`,
      startsAt: new Date(Date.now() - 3 * day),
      endsAt: new Date(Date.now() - day),
      text: 'LEAKMARK-NOTE-OPD',
      public: false,
      createdBy: 'fixture',
    });
  });
  return { ctx, busyOpd, quietOpd, regency };
}
