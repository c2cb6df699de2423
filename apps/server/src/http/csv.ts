import { stringify } from 'csv-stringify/sync';

/** A cell as exports hand it over: text, a number, or empty. */
export type CsvCell = string | number | null | undefined;

/**
 * The one CSV writer of every export (RFC 4180 via csv-stringify, CRLF records). A text cell starting
 * with `=`, `+`, `-`, `@`, TAB or CR is prefixed with `'` so a spreadsheet shows it instead of running it
 * (csv-stringify's `escape_formulas`); a cell holding a comma, quote, CR or LF is quoted, so no bare CR
 * splits a record. Numbers are written as numbers (a negative count stays a number).
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify([header, ...rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)))], {
    escape_formulas: true,
    record_delimiter: 'windows',
    quoted_match: /\r/,
    cast: { number: (n) => (Number.isInteger(n) ? String(n) : n.toFixed(2)) },
  });
}
