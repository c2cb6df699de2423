import { z } from 'zod';
import { offsetDateTime, sourceId } from './common.ts';

/** `POST /api/sources`: issue (or rotate) a source's API key; the key is answered once. */
export const sourceKeyRequest = z.strictObject({
  id: sourceId,
  label: z.string().trim().min(3).max(100),
});

export interface SourceView {
  id: string;
  label: string;
  stream: 'complaints' | 'ppid' | 'social' | null;
  hasKey: boolean;
  createdAt: string | null;
  lastDeliveryAt: string | null;
  freshnessTargetSeconds: number | null;
  /** Whether the source reported within its freshness target (null: it never did). */
  fresh: boolean | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface ConnectorView {
  kind: 'lapor' | 'social';
  id: string;
  label: string;
  opdId: string | null;
  cursor: unknown;
  failures: number;
  nextAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  pausedAt: string | null;
  pausedBy: string | null;
}

export interface SourcesView {
  sources: SourceView[];
  connectors: ConnectorView[];
  canEdit: boolean;
}

/** `POST /api/ingest/sms`: one message as an SMS gateway forwards it. */
export const smsMessage = z.object({
  messageId: z.string().min(1).max(128),
  from: z.string().regex(/^\+?\d{6,16}$/, 'expected a phone number'),
  text: z.string().max(2000),
  receivedAt: offsetDateTime.optional(),
});
export type SmsMessage = z.infer<typeof smsMessage>;

/** `POST /api/ingest/heartbeat`: a source says it is alive though it has nothing to send. */
export const ingestHeartbeat = z.strictObject({
  source: sourceId,
  stream: z.enum(['complaints', 'ppid', 'social']).default('complaints'),
});
