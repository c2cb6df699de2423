import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { importCheckpoint, saveImportCheckpoint, type Pool } from '@pantau/db';
import { ingestComplaintBatch, type ComplaintContext } from './complaint-ingest.ts';

/**
 * The columns of a LAPOR export as Pantau reads it. LAPOR v4's own export format is UNCONFIRMED, so the
 * header names are configuration: each key maps to the header text in the file.
 */
export const DEFAULT_LAPOR_COLUMNS = {
  trackingId: 'Tracking ID',
  title: 'Judul',
  body: 'Isi Laporan',
  channel: 'Kanal',
  classification: 'Klasifikasi',
  topic: 'Kategori',
  regencyCode: 'Kode Kab/Kota',
  opdId: 'Instansi',
  status: 'Status',
  submittedAt: 'Tanggal Lapor',
  verifiedAt: 'Tanggal Disposisi',
  followUpAt: 'Tanggal Tindak Lanjut',
  completedAt: 'Tanggal Selesai',
  anonim: 'Anonim',
  rahasia: 'Rahasia',
} as const;
export type LaporColumns = Record<keyof typeof DEFAULT_LAPOR_COLUMNS, string>;

const CHANNELS: Record<string, string> = {
  website: 'web',
  web: 'web',
  sms: 'sms1708',
  '1708': 'sms1708',
  'sms 1708': 'sms1708',
  android: 'app',
  ios: 'app',
  app: 'app',
  aplikasi: 'app',
  twitter: 'x',
  x: 'x',
  instagram: 'instagram',
  facebook: 'facebook',
  'tatap muka': 'tatap_muka',
  manual: 'manual',
};

export interface CsvRejection {
  line: number;
  field: string;
  message: string;
}

export interface CsvImportSummary {
  rows: number;
  skippedBeforeCheckpoint: number;
  accepted: number;
  duplicate: number;
  rejected: CsvRejection[];
}

/** A date in an export: ISO with offset, or `YYYY-MM-DD HH:mm[:ss]` in the province's local time. */
function parseWhen(value: string, offset: string): { iso: string | null } | { bad: true } {
  const v = value.trim();
  if (!v) return { iso: null };
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(v);
  if (!m) return { bad: true };
  const [, y, mo, d, h, mi, sec] = m;
  // Reject dates that do not exist (31 Feb) rather than letting Date roll them over.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59)
    return { bad: true };
  return { iso: `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${m[7] ?? offset}` };
}

const yes = (v: string | undefined) => /^(ya|y|yes|true|1)$/i.test((v ?? '').trim());

/** One export row → the events it implies, or the field that is wrong. */
export function rowToItems(
  row: Record<string, string>,
  cols: LaporColumns,
  offset: string,
  known: { opds: ReadonlySet<string>; regencies: ReadonlySet<string> },
): { items: unknown[] } | { error: { field: string; message: string } } {
  const get = (k: keyof LaporColumns) => (row[cols[k]] ?? '').trim();
  const trackingId = get('trackingId');
  if (!/^\d{1,20}$/.test(trackingId)) return { error: { field: cols.trackingId, message: 'expected digits' } };
  const dates: Record<string, string | null> = {};
  for (const k of ['submittedAt', 'verifiedAt', 'followUpAt', 'completedAt'] as const) {
    const parsed = parseWhen(get(k), offset);
    if ('bad' in parsed) return { error: { field: cols[k], message: `not a date: "${get(k)}"` } };
    dates[k] = parsed.iso;
  }
  if (!dates.submittedAt) return { error: { field: cols.submittedAt, message: 'required' } };
  // References are checked for the whole row, so a row is imported whole or not at all.
  if (get('opdId') && !known.opds.has(get('opdId')))
    return { error: { field: cols.opdId, message: `unknown OPD ${get('opdId')}` } };
  if (get('regencyCode') && !known.regencies.has(get('regencyCode')))
    return { error: { field: cols.regencyCode, message: `unknown kabupaten/kota ${get('regencyCode')}` } };
  const channel = CHANNELS[get('channel').toLowerCase()] ?? (get('channel') ? null : 'manual');
  if (!channel) return { error: { field: cols.channel, message: `unknown channel "${get('channel')}"` } };
  const externalId = trackingId;
  const ev = (type: string, occurredAt: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    event: { type, eventId: `csv:${type}`, occurredAt, ...extra },
  });
  const items: unknown[] = [
    ev('submitted', dates.submittedAt, {
      trackingId,
      channel,
      classification: (get('classification') || 'pengaduan').toLowerCase().replace(/\s+/g, '_'),
      title: get('title') || `Laporan #${trackingId}`,
      body: get('body'),
      topic: get('topic') || undefined,
      regencyCode: get('regencyCode') || undefined,
      isAnonim: yes(get('anonim')),
      isRahasia: yes(get('rahasia')),
    }),
  ];
  if (dates.verifiedAt) {
    if (!get('opdId')) return { error: { field: cols.opdId, message: 'required when the report was dispatched' } };
    items.push(ev('verified', dates.verifiedAt, { opdId: get('opdId') }));
  }
  if (dates.followUpAt) items.push(ev('follow_up_posted', dates.followUpAt));
  if (dates.completedAt) items.push(ev('completed', dates.completedAt));
  else if (get('status') && !dates.followUpAt && !dates.verifiedAt) {
    items.push(ev('status_label', dates.submittedAt, { label: get('status') }));
  }
  return { items };
}

/**
 * Imports a LAPOR CSV export: streams the file, turns each row into its events and ingests them in
 * batches through the same exactly-once path as the API. Resumable: after each committed batch the
 * last line is checkpointed under the file's hash, and a rerun starts after it (rerunning from the top
 * would be harmless too — every event is idempotent). Row problems are collected, never fatal.
 */
export async function importComplaintCsv(
  pool: Pool,
  ctx: ComplaintContext,
  file: string,
  options: {
    source?: string;
    columns?: LaporColumns;
    batchRows?: number;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<CsvImportSummary> {
  const source = options.source ?? 'csv-import';
  const cols = options.columns ?? DEFAULT_LAPOR_COLUMNS;
  const offset =
    ctx.pack.timeZone === 'Asia/Makassar' ? '+08:00' : ctx.pack.timeZone === 'Asia/Jayapura' ? '+09:00' : '+07:00';
  const content = await readFile(file);
  const fileHash = createHash('sha256').update(content).digest('hex');
  const totalLines =
    content
      .toString('utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim()).length - 1;
  const resumeAfter = await importCheckpoint(pool, fileHash);
  const summary: CsvImportSummary = { rows: 0, skippedBeforeCheckpoint: 0, accepted: 0, duplicate: 0, rejected: [] };
  const parser = createReadStream(file).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: false }),
  );
  const known = {
    opds: new Set(ctx.pack.opds.map((o) => o.id)),
    regencies: new Set(ctx.pack.regencies.map((r) => r.code)),
  };
  let pending: Array<{ line: number; items: unknown[] }> = [];
  let lastLine = 0;
  const flush = async () => {
    if (pending.length === 0) {
      if (lastLine > resumeAfter) await saveImportCheckpoint(pool, fileHash, file, lastLine);
      return;
    }
    const flat = pending.flatMap((p) => p.items.map((item) => ({ line: p.line, item })));
    const results = await ingestComplaintBatch(
      pool,
      ctx,
      source,
      flat.map((f) => f.item),
    );
    results.forEach((r, i) => {
      if (r.status === 'accepted') summary.accepted += 1;
      else if (r.status === 'duplicate') summary.duplicate += 1;
      else
        summary.rejected.push({
          line: flat[i]!.line,
          field: r.error?.field.replace(/^items\.\d+\./, '') ?? '',
          message: r.error?.message ?? 'rejected',
        });
    });
    await saveImportCheckpoint(pool, fileHash, file, lastLine);
    pending = [];
  };
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number; columns: unknown[] } & { invalid_field_length?: number };
  }>) {
    const line = info.lines;
    lastLine = line;
    summary.rows += 1;
    options.onProgress?.(summary.rows, totalLines);
    if (line <= resumeAfter) {
      summary.skippedBeforeCheckpoint += 1;
      continue;
    }
    if (Object.keys(record).length !== info.columns.length || Object.values(record).some((v) => v === undefined)) {
      summary.rejected.push({ line, field: 'row', message: `expected ${info.columns.length} columns` });
      continue;
    }
    const converted = rowToItems(record, cols, offset, known);
    if ('error' in converted) summary.rejected.push({ line, ...converted.error });
    else pending.push({ line, items: converted.items });
    if (pending.length >= (options.batchRows ?? 200)) await flush();
  }
  await flush();
  return summary;
}
