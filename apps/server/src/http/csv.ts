import type { ProvincePack } from '@pantau/provinces';
import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';

/** A cell as exports hand it over: text, a number, or empty. */
export type CsvCell = string | number | null | undefined;
type Rows = ReadonlyArray<readonly CsvCell[]>;

/**
 * Records as CSV text (RFC 4180 via csv-stringify, CRLF records). A text cell starting with `=`, `+`,
 * `-`, `@`, TAB or CR is prefixed with `'` so a spreadsheet shows it instead of running it
 * (csv-stringify's `escape_formulas`); a cell holding a comma, quote, CR or LF is quoted, so no bare CR
 * splits a record. Numbers are written as numbers (a negative count stays a number).
 */
function records(rows: Rows): string {
  return stringify(
    rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v))),
    {
      escape_formulas: true,
      record_delimiter: 'windows',
      quoted_match: /\r/,
      cast: { number: (n) => (Number.isInteger(n) ? String(n) : n.toFixed(2)) },
    },
  );
}

/** The one CSV writer of every export: a header and its rows, written whole. */
export function toCsv(header: readonly string[], rows: Rows): string {
  return records([header, ...rows]);
}

/**
 * A CSV download written as it is read: the header first, then each page the source yields, pulled only
 * as fast as the client takes it (a 100,000-row export never sits in memory). A failure after the
 * header errors the stream, so the client sees a broken download rather than a file silently cut short.
 */
export function streamCsv(
  c: Context,
  filename: string,
  header: readonly string[],
  pages: AsyncIterable<Rows>,
  onError: (err: unknown) => void,
): Response {
  const encoder = new TextEncoder();
  const source = pages[Symbol.asyncIterator]();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(toCsv(header, [])));
        return;
      }
      try {
        // Skip empty pages so each pull delivers bytes or ends the stream.
        for (;;) {
          const next = await source.next();
          if (next.done) return controller.close();
          if (next.value.length > 0) return controller.enqueue(encoder.encode(records(next.value)));
        }
      } catch (err) {
        onError(err);
        controller.error(err);
      }
    },
    async cancel() {
      await source.return?.();
    },
  });
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}

/**
 * How every export for people writes what the wire carries as ids and instants: OPD and kabupaten/kota
 * names, and local times in the province's zone as spreadsheets read them (`YYYY-MM-DD HH:mm`, the zone
 * named in the column's header).
 */
export function peopleFormat(pack: ProvincePack) {
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: pack.timeZone, dateStyle: 'short', timeStyle: 'short' });
  const opdName = new Map(pack.opds.map((o) => [o.id, o.name]));
  const regencyName = new Map(pack.regencies.map((r) => [r.code, r.name]));
  return {
    zone: pack.timeZoneLabel,
    at: (iso: string | null) => (iso ? local.format(new Date(iso)) : ''),
    opd: (id: string | null) => (id ? (opdName.get(id) ?? id) : ''),
    regency: (code: string | null) => (code ? (regencyName.get(code) ?? code) : ''),
  };
}
