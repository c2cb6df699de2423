import type { NotificationFacts } from '@pantau/contracts';
import { startOfLocalDay, type IsoDate } from '../calendar/local-date.ts';

export type NotificationLocale = 'id' | 'en';

export interface RenderOptions {
  locale: NotificationLocale;
  timeZone: string;
  /** WIB, WITA or WIT. */
  tzLabel: string;
  /** The console's public origin, e.g. https://pantau.kalteng.go.id (no trailing slash). */
  baseUrl: string;
}

/** A message ready for any channel: a subject (e-mail), plain text (every channel) and the item's link. */
export interface RenderedMessage {
  subject: string;
  text: string;
  link: string;
}

const TAGS = { id: 'id-ID', en: 'en-GB' } as const;

const WORDS = {
  id: {
    complaint: 'aduan',
    ppid_request: 'permohonan informasi',
    at_risk: 'Hampir jatuh tempo',
    overdue: 'Terlambat',
    escalated: (l: number, label: string) => `Dieskalasi ke tingkat ${l} (${label})`,
    acknowledged: (l: number, label: string) => `Eskalasi diakui hingga tingkat ${l} (${label})`,
    ppid_decision_near: 'Keputusan PPID (10 HK) hampir jatuh tempo',
    source_stale: 'Sumber data tidak melapor',
    tracking: 'Nomor tiket',
    deadline: 'Tenggat',
    source: 'Sumber data',
    lastReport: 'Terakhir melapor',
    never: 'belum pernah',
    open: 'Buka di konsol',
    digest: (date: string, n: number) => `Ringkasan harian ${date}: ${n} pemberitahuan`,
    digestIntro: 'Pemberitahuan yang ditahan selama jam tenang atau untuk ringkasan:',
    openConsole: 'Buka konsol',
    footer: 'Pesan ini dikirim otomatis oleh Pantau dan tidak memuat identitas pelapor.',
  },
  en: {
    complaint: 'complaint',
    ppid_request: 'information request',
    at_risk: 'At risk',
    overdue: 'Overdue',
    escalated: (l: number, label: string) => `Escalated to level ${l} (${label})`,
    acknowledged: (l: number, label: string) => `Escalation acknowledged up to level ${l} (${label})`,
    ppid_decision_near: 'PPID decision (10 working days) almost due',
    source_stale: 'Data source is not reporting',
    tracking: 'Tracking id',
    deadline: 'Deadline',
    source: 'Data source',
    lastReport: 'Last reported',
    never: 'never',
    open: 'Open in the console',
    digest: (date: string, n: number) => `Daily digest ${date}: ${n} notification${n === 1 ? '' : 's'}`,
    digestIntro: 'Notifications held during quiet hours or for the digest:',
    openConsole: 'Open the console',
    footer: 'Sent automatically by Pantau; it never carries a reporter’s identity.',
  },
} as const;

/** "5 November 2026 23.59 WITA" (id) or "5 November 2026 23:59 WITA" (en), in the province's zone. */
export function formatInstant(iso: string, o: Pick<RenderOptions, 'locale' | 'timeZone' | 'tzLabel'>): string {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat(TAGS[o.locale], {
    timeZone: o.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
  const time = new Intl.DateTimeFormat(TAGS[o.locale], {
    timeZone: o.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return `${date} ${time} ${o.tzLabel}`.trim();
}

/** The headline of one notification, without the "[Pantau]" prefix. */
function headline(f: NotificationFacts, locale: NotificationLocale): string {
  const w = WORDS[locale];
  const label = f.levelLabel ? f.levelLabel[locale] : '';
  const what =
    f.event === 'source_stale'
      ? w.source_stale
      : f.event === 'escalated'
        ? w.escalated(f.level ?? 0, label)
        : f.event === 'acknowledged'
          ? w.acknowledged(f.level ?? 0, label)
          : w[f.event];
  if (f.event === 'source_stale') return `${what}: ${f.sourceLabel ?? f.sourceId ?? ''}`;
  const kind = f.caseKind ? w[f.caseKind] : '';
  return `${what}: ${kind} ${f.trackingId ?? ''}${f.opdName ? ` (${f.opdName})` : ''}`;
}

/**
 * One notification as text. Built only from {@link NotificationFacts}, which has no field for a title,
 * body or reporter: nothing personal or rahasia can reach a message.
 */
export function renderNotification(f: NotificationFacts, o: RenderOptions): RenderedMessage {
  const w = WORDS[o.locale];
  const link = `${o.baseUrl}${f.path}`;
  const head = headline(f, o.locale);
  const lines = [head, ''];
  if (f.event === 'source_stale') {
    lines.push(`${w.source}: ${f.sourceLabel ?? ''} (${f.sourceId ?? ''})`);
    lines.push(`${w.lastReport}: ${f.lastDeliveryAt ? formatInstant(f.lastDeliveryAt, o) : w.never}`);
  } else {
    if (f.trackingId) lines.push(`${w.tracking}: ${f.trackingId}`);
    if (f.opdName) lines.push(`OPD: ${f.opdName}`);
    if (f.deadlineAt) lines.push(`${w.deadline}: ${formatInstant(f.deadlineAt, o)}`);
  }
  lines.push(`${w.open}: ${link}`, '', w.footer);
  return { subject: `[Pantau] ${head}`, text: lines.join('\n'), link };
}

/** The daily digest of held notifications for one recipient and one local day. */
export function renderDigest(
  items: readonly NotificationFacts[],
  o: RenderOptions & { date: IsoDate },
): RenderedMessage {
  const w = WORDS[o.locale];
  const day = new Intl.DateTimeFormat(TAGS[o.locale], {
    timeZone: o.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(startOfLocalDay(o.date, o.timeZone));
  const head = w.digest(day, items.length);
  const link = `${o.baseUrl}/console`;
  const lines = [head, '', w.digestIntro];
  for (const f of items) {
    const deadline = f.deadlineAt ? `, ${w.deadline.toLowerCase()} ${formatInstant(f.deadlineAt, o)}` : '';
    lines.push(`- ${headline(f, o.locale)}${deadline} — ${o.baseUrl}${f.path}`);
  }
  lines.push('', `${w.openConsole}: ${link}`, '', w.footer);
  return { subject: `[Pantau] ${head}`, text: lines.join('\n'), link };
}
