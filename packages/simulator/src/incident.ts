import type { ProvincePack } from '@pantau/provinces';
import type { SimulatedComplaintEvent } from './complaints.ts';
import { createRandom } from './random.ts';
import type { SimulatedSocialItem } from './social.ts';

/** The correlated incidents the demo can inject (`PANTAU_DEMO_INCIDENT`). */
export const INCIDENT_KINDS = ['banjir', 'hoaks'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface Incident {
  kind: IncidentKind;
  /** The complaint topic it raises. */
  topic: string;
  /** The kabupaten/kota it happens in. */
  regencyCode: string;
  /** The social issue tag its mentions carry. */
  tag: string;
  complaints: SimulatedComplaintEvent[];
  social: SimulatedSocialItem[];
}

const HOUR = 3_600_000;

/**
 * A correlated incident as it would reach Pantau over the last day and a half before `at`: complaints
 * about one topic in one kabupaten/kota, dispatched to the OPDs in charge, and at the same time
 * social-media mentions about it — a flood (`banjir`: angry mentions) or a hoax (`hoaks`: a hoax
 * suspect about cash aid that nobody has clarified yet). External ids are made of the kind and the day,
 * so injecting the same incident twice on a day changes nothing (ingest is exactly-once).
 */
export function correlatedIncident(
  pack: ProvincePack,
  kind: IncidentKind,
  at: Date,
  options: { regencyCode?: string; seed?: number } = {},
): Incident {
  const rnd = createRandom(options.seed ?? 1616);
  const regency =
    pack.regencies.find((r) => r.code === options.regencyCode) ??
    pack.regencies.find((r) => r.kind === 'kabupaten') ??
    pack.regencies[0]!;
  const place = regency.name.replace(/^(Kabupaten|Kota)\s+/, '');
  const spec =
    kind === 'banjir'
      ? {
          topic: 'Banjir dan Drainase',
          tag: `Banjir di ${place}`,
          hints: ['Bencana', 'PUPR', 'Pekerjaan Umum'],
          titles: [
            `Banjir merendam permukiman di ${regency.capital}`,
            `Warga ${regency.capital} mengungsi karena banjir`,
          ],
          body: `Air setinggi pinggang merendam rumah warga di ${regency.capital} sejak semalam. Mohon bantuan evakuasi dan logistik.`,
          complaints: 12,
          mentions: 40,
          mention: `Rumah kami di ${regency.capital} terendam, bantuan belum datang`,
        }
      : {
          topic: 'Bantuan Sosial',
          tag: 'Hoaks bantuan tunai',
          hints: ['Sosial'],
          titles: [`Benarkah ada bantuan tunai Rp5 juta di ${regency.capital}?`, 'Pendaftaran bantuan tunai lewat WA'],
          body: 'Beredar pesan bantuan tunai Rp5 juta cukup kirim KTP ke nomor WA. Warga meminta kejelasan.',
          complaints: 8,
          mentions: 6,
          mention: 'Katanya ada bantuan tunai Rp5 juta, cukup kirim KTP ke nomor WA ini?',
        };
  const opds = pack.opds.filter((o) => spec.hints.some((h) => o.name.includes(h) || o.shortName.includes(h)));
  const opdIds = (opds.length > 0 ? opds : pack.opds.slice(0, 1)).map((o) => o.id);
  const account = pack.socialAccounts.find((a) => opdIds.includes(a.opdId)) ?? pack.socialAccounts[0];
  const end = at.getTime();
  const start = end - 30 * HOUR;
  const stamp = at.toISOString().slice(0, 10);
  const when = () => start + rnd.next() * (end - start - HOUR);

  const complaints: SimulatedComplaintEvent[] = [];
  for (let i = 0; i < spec.complaints; i++) {
    const externalId = `incident-${kind}-${stamp}-${i + 1}`;
    const t = when();
    const trackingId = `9${stamp.replaceAll('-', '').slice(2)}${String(i + 1).padStart(2, '0')}`;
    complaints.push({
      externalId,
      event: {
        type: 'submitted',
        eventId: `${externalId}-1`,
        occurredAt: new Date(t).toISOString(),
        trackingId,
        channel: rnd.pick(['web', 'app', 'sms1708', 'instagram'] as const),
        classification: 'pengaduan',
        title: rnd.pick(spec.titles),
        body: spec.body,
        topic: spec.topic,
        regencyCode: regency.code,
        isAnonim: rnd.chance(0.3),
        isRahasia: false,
      },
    });
    complaints.push({
      externalId,
      event: {
        type: 'verified',
        eventId: `${externalId}-2`,
        occurredAt: new Date(Math.min(end, t + (0.5 + rnd.next()) * HOUR)).toISOString(),
        opdId: opdIds[i % opdIds.length]!,
      },
    });
  }

  const social: SimulatedSocialItem[] = [];
  if (account) {
    for (let i = 0; i < spec.mentions; i++) {
      social.push({
        externalId: `incident-${kind}-${stamp}-m${i + 1}`,
        event: {
          type: 'interaction_received',
          eventId: 'received',
          occurredAt: new Date(when()).toISOString(),
          account: { platform: account.platform, handle: account.handle },
          kind: kind === 'hoaks' || rnd.chance(0.4) ? 'mention' : 'comment',
          text: spec.mention,
          sentiment: kind === 'banjir' ? 'negative' : 'neutral',
          issueTag: spec.tag,
          hoaxSuspect: kind === 'hoaks',
          needsReply: true,
        },
      });
    }
  }
  complaints.sort((a, b) => a.event.occurredAt.localeCompare(b.event.occurredAt));
  social.sort((a, b) => a.event.occurredAt.localeCompare(b.event.occurredAt));
  return { kind, topic: spec.topic, regencyCode: regency.code, tag: spec.tag, complaints, social };
}
