// The PPID register as CSV (one row per request, as OPDs keep it in a spreadsheet) → PPID ingest items.
// Each filled date column becomes one event with an id derived from the column, so importing the same
// file again — or a later version of it with more columns filled — only adds what is new.
import { parse } from 'csv-parse/sync';

/** The register's columns; `external_id` defaults to `reg_no`. Dates are ISO 8601 with an offset. */
export const PPID_CSV_COLUMNS = [
  'reg_no',
  'external_id',
  'received_at',
  'ppid_level',
  'opd_id',
  'channel',
  'requester_type',
  'subject',
  'format',
  'requester_name',
  'requester_address',
  'requester_contact',
  'requester_email',
  'extended_at',
  'extension_reason',
  'decided_at',
  'decision',
  'exclusion_ground',
  'delivered_at',
  'objection_filed_at',
  'objection_ground',
  'objection_answered_at',
  'objection_outcome',
  'dispute_filed_at',
  'ki_reg_no',
  'dispute_decided_at',
  'dispute_outcome',
] as const;

export type PpidCsvRow = Partial<Record<(typeof PPID_CSV_COLUMNS)[number], string>>;

/**
 * Rows keyed by the header line; unknown headers are reported, not ignored silently. A file that is not
 * valid CSV throws, naming where.
 */
export function readPpidCsv(text: string): { rows: PpidCsvRow[]; unknownColumns: string[] } {
  let records: string[][];
  try {
    // The one CSV reader of every import (csv-parse, as the LAPOR import uses): RFC 4180, BOM dropped.
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    });
  } catch (err) {
    // An unclosed quote would otherwise swallow the rest of the register into one cell.
    throw new Error(`not valid CSV: ${(err as Error).message}`, { cause: err });
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], unknownColumns: [] };
  const names = header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(PPID_CSV_COLUMNS);
  return {
    unknownColumns: names.filter((n) => !known.has(n)),
    rows: body.map((cells) => {
      const row: PpidCsvRow = {};
      names.forEach((n, i) => {
        const v = cells[i]?.trim();
        if (known.has(n) && v) row[n as keyof PpidCsvRow] = v;
      });
      return row;
    }),
  };
}

/**
 * The ingest items of one register row, in lifecycle order. Malformed values are passed through as
 * they are, so ingest rejects them naming the field.
 */
export function ppidCsvRowToItems(row: PpidCsvRow): unknown[] {
  const externalId = row.external_id ?? row.reg_no ?? '';
  const ev = (column: string, type: string, occurredAt: string | undefined, fields: Record<string, unknown>) => ({
    kind: 'request',
    externalId,
    event: { type, eventId: `csv:${column}`, occurredAt, ...fields },
  });
  const items: unknown[] = [];
  const requester = {
    name: row.requester_name,
    address: row.requester_address,
    contact: row.requester_contact,
    email: row.requester_email,
  };
  items.push(
    ev('received_at', 'received', row.received_at, {
      regNo: row.reg_no,
      ppidLevel: row.ppid_level ?? (row.opd_id ? 'pembantu' : 'utama'),
      opdId: row.opd_id,
      channel: row.channel,
      requesterType: row.requester_type,
      subject: row.subject,
      format: row.format,
      requester: Object.values(requester).some(Boolean) ? requester : undefined,
    }),
  );
  if (row.extended_at) items.push(ev('extended_at', 'extended', row.extended_at, { reason: row.extension_reason }));
  if (row.decided_at)
    items.push(
      ev('decided_at', 'decided', row.decided_at, { decision: row.decision, exclusionGround: row.exclusion_ground }),
    );
  if (row.delivered_at) items.push(ev('delivered_at', 'delivered', row.delivered_at, {}));
  if (row.objection_filed_at)
    items.push(ev('objection_filed_at', 'objection_filed', row.objection_filed_at, { ground: row.objection_ground }));
  if (row.objection_answered_at)
    items.push(
      ev('objection_answered_at', 'objection_answered', row.objection_answered_at, { outcome: row.objection_outcome }),
    );
  if (row.dispute_filed_at)
    items.push(ev('dispute_filed_at', 'dispute_filed', row.dispute_filed_at, { kiRegNo: row.ki_reg_no }));
  if (row.dispute_decided_at)
    items.push(ev('dispute_decided_at', 'dispute_decided', row.dispute_decided_at, { outcome: row.dispute_outcome }));
  return items;
}

/** A one-line text progress bar: `[#########...........]  45% 450/1000 rows`. */
export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.floor(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total} rows`;
}
