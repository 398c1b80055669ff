/**
 * CSV as a spreadsheet opens it safely: UTF-8 with a byte-order mark (so Excel
 * shows Chinese), CRLF line ends, and every cell that a spreadsheet would run
 * as a formula made inert. Every CSV the site publishes is written here.
 */
import { stringify } from 'csv-stringify/sync';

/** A plain number or amount as the replies print them (`-5`, `+3.2%`, `1 300`, `2,133.2`), or a lone dash for "nil": never a formula. */
const PLAIN_NUMBER = /^[-+–—]?\d[\d\s,.]*%?$|^[-–—]$/;

/**
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * read by Excel, LibreOffice and Google Sheets as a formula (`=HYPERLINK(…)`,
 * `=cmd|' /C calc'!A0`); a leading apostrophe makes it text, which the
 * spreadsheet shows without the apostrophe (OWASP's advice for CSV
 * injection). Plain numbers such as `-` or `-5` are left as printed.
 */
export function inertCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (!/^[=+\-@\t\r]/.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** The rows (the first is the header) as a CSV file. */
export function csvFile(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cells = rows.map((r) => r.map(inertCell));
  return '\uFEFF' + stringify(cells, { record_delimiter: 'windows' });
}
