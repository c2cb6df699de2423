import { createHash } from 'node:crypto';
import type { ComplaintIngestItem } from '@pantau/contracts';

/** The reply the SMS gateway sends back when a message cannot be taken as a complaint. */
export function smsFormatHelp(keyword: string, number: string): string {
  return `Format salah. Ketik ${keyword} <isi aduan> kirim ke ${number}.`;
}

/**
 * Reads `<KEYWORD> <isi aduan>`: the keyword in any case and with any spacing inside or around it
 * ("laporpaman", "Lapor Paman"), the rest is the complaint. Null when there is no keyword or no text.
 */
export function parseSmsComplaint(keyword: string, text: string): string | null {
  const pattern = new RegExp(
    `^\\s*${[...keyword].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}(?:\\s+|[:.,-]\\s*|$)`,
    'i',
  );
  const m = pattern.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length).trim();
  return rest.length > 0 ? rest : null;
}

/** A stable numeric tracking id for an SMS that has no LAPOR id yet (same message → same id). */
function smsTrackingId(messageId: string): string {
  return `9${BigInt(`0x${createHash('sha256').update(messageId).digest('hex').slice(0, 12)}`)
    .toString()
    .slice(0, 11)}`;
}

/** The `submitted` item for an SMS complaint; the sender's number is personal data (reporter.contact). */
export function smsToIngestItem(
  msg: { messageId: string; from: string; text: string; receivedAt: string },
  body: string,
): ComplaintIngestItem {
  const title = body.length > 80 ? `${body.slice(0, 77)}…` : body;
  return {
    externalId: `sms-${msg.messageId}`,
    event: {
      type: 'submitted',
      eventId: 'submitted',
      occurredAt: msg.receivedAt,
      trackingId: smsTrackingId(msg.messageId),
      channel: 'sms1708',
      classification: 'pengaduan',
      title,
      body,
      isAnonim: false,
      isRahasia: false,
      reporter: { contact: msg.from },
    },
  };
}
