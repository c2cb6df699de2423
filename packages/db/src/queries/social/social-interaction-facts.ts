import type { Pool } from '../../connection.ts';
import type { SocialScope } from './social-period.ts';

export interface InteractionFactRow {
  receivedAt: Date;
  repliedAt: Date | null;
  needsReply: boolean;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  issueTag: string | null;
  hoaxSuspect: boolean;
  clarificationStatus: 'belum' | 'proses' | 'diklarifikasi' | 'bukan_hoaks' | null;
  clarifiedAt: Date | null;
}

/** Interactions received in the period (local dates) for the accounts in scope; no text, no authors. */
export async function socialInteractionFacts(pool: Pool, s: SocialScope): Promise<InteractionFactRow[]> {
  const { rows } = await pool.query(
    `SELECT i.received_at, i.replied_at, i.needs_reply, i.sentiment, i.issue_tag, i.hoax_suspect,
       i.clarification_status, i.clarified_at
     FROM social_interaction i JOIN social_account a ON a.id = i.account_id
     WHERE i.received_at >= ($1::date::timestamp AT TIME ZONE $5)
       AND i.received_at < (($2::date + 1)::timestamp AT TIME ZONE $5)
       AND ($3::text IS NULL OR a.opd_id = $3) AND ($4::text IS NULL OR a.platform = $4)`,
    [s.from, s.to, s.opdId ?? null, s.platform ?? null, s.timeZone],
  );
  return rows.map((r) => ({
    receivedAt: r.received_at,
    repliedAt: r.replied_at,
    needsReply: r.needs_reply,
    sentiment: r.sentiment,
    issueTag: r.issue_tag,
    hoaxSuspect: r.hoax_suspect,
    clarificationStatus: r.clarification_status,
    clarifiedAt: r.clarified_at,
  }));
}
