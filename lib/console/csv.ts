// CSV export of the console's report tables, made to open right in Excel with a Russian locale:
// a UTF-8 BOM (or Excel reads the text as ANSI), `;` between fields (`,` is the decimal separator
// there), CRLF line ends, numbers with a decimal comma and dates as dd.mm.yyyy. A text cell that
// starts like a formula gets a leading apostrophe, so a name typed as `=HYPERLINK(…)` in the CRM
// stays text in the spreadsheet (formula injection). Pure except `downloadCsv`.

/** A value of one cell: text, a number, a calendar date (local), or nothing. */
export type CsvCell = string | number | Date | null | undefined;

export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';
const BOM = '\uFEFF';

/** Characters a spreadsheet reads as the start of a formula (tab and CR too, as OWASP advises). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** dd.mm.yyyy of the local calendar day. */
export function csvDate(date: Date): string {
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** A number as Excel with a Russian locale reads it: no grouping, decimal comma; not finite: empty. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Up to 6 decimals, no exponent, no trailing zeros.
  const text = Number.isInteger(value) ? String(value) : value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text.replace('.', ',');
}

/** Quotes a field when it holds the separator, a quote or a line break; quotes inside are doubled. */
function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell's text, guarded and quoted as needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : csvDate(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return quoted(text);
}

/** The whole file: BOM, one line per row (header first), every line ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR) + CSV_LINE_END).join('');
}

/** A file name safe on every system: letters, digits, `-`, `_`, `.` (not leading); ends in `.csv`. */
export function csvFileName(base: string): string {
  const clean = base.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || 'report';
  return clean.endsWith('.csv') ? clean : `${clean}.csv`;
}

/** Saves the text as a file through a Blob URL (revoked once the download has started). */
export function downloadCsv(fileName: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = csvFileName(fileName);
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
