/**
 * CSV cells a spreadsheet will not run. Excel, LibreOffice and Google Sheets
 * read a cell that starts with "=", "+", "-" or "@" (and, in some, one that
 * starts with a tab or carriage return before those) as a formula:
 * `=HYPERLINK(…)` makes a link, `=cmd|' /C calc'!A0` starts a program. Such a
 * cell gets a leading apostrophe, which every spreadsheet shows as "text";
 * a plain number ("-12", "+3.5") is left as it is. Every CSV the site writes
 * passes its cells through here (OWASP's "CSV injection" rule).
 */

/** A number a spreadsheet reads as a number and nothing else: "-12", "+3.5", "1e3". */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function inertCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
