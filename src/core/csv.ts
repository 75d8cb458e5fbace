// CSV as Excel writes it (UTF-8 BOM, CRLF line ends), and the one rule that
// keeps an exported cell from running as a formula in the reader's spreadsheet.
//
// OWASP's CSV-injection advice: a cell that begins with `=`, `+`, `-`, `@`,
// tab or CR is read by Excel/LibreOffice as a formula, so it is written with a
// leading apostrophe (`=HYPERLINK(…)` → `'=HYPERLINK(…)`, shown as text).
// Imports undo exactly that, so an exported file imported back is unchanged:
// a cell already starting with apostrophes before one of those characters
// gets one more on the way out and loses one on the way in (`'=x` ↔ `''=x`).
// Cost: a cell that really is a negative number or a phone written `-…`/`+82…`
// shows its apostrophe in the spreadsheet; dates (2026-12-03) and the roster's
// phones (051-…) do not begin with those characters.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** A cell as it is written: with a leading apostrophe when a spreadsheet would run it. */
export const neutraliseCell = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** A cell as it is read back: exactly one apostrophe removed from what neutraliseCell() wrote. */
export const restoreCell = (cell: string): string => (NEUTRALISED.test(cell) ? cell.slice(1) : cell);

/** Rows (the header first) as CSV text: BOM, CRLF, every cell neutralised. The library loads on demand (only exports need it). */
export async function toCsv(rows: readonly (readonly string[])[]): Promise<string> {
  const { stringify } = await import('csv-stringify/sync');
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    // With CRLF as the record end, csv-stringify quotes only cells holding "\r\n"; a lone CR or LF must be quoted too.
    { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}
