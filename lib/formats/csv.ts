// CSV for spreadsheet users (RFC 4180, UTF-8 with BOM so Excel reads Korean correctly).
//
// Formula injection: a cell starting with = + - @ (or tab / carriage return) is run as a
// formula by Excel, LibreOffice and Google Sheets. Exported text may come from untrusted
// sources (glossary imports, engine names), so such cells get an apostrophe in front,
// which spreadsheets show as plain text. restoreFormula undoes it on import.

import Papa from "papaparse";

const FORMULA_START = /^[=+\-@\t\r]/;

/** "=1+1" → "'=1+1"; other cells unchanged. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutraliseFormula: "'=1+1" → "=1+1"; "'quoted" stays as it is. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export type CsvCell = string | number | null | undefined;

/** A CSV document with a header row; text cells are neutralised, numbers written as is. */
export function toCsv(fields: readonly string[], rows: readonly CsvCell[][]): string {
  const data = rows.map((row) =>
    row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : (cell ?? ""))),
  );
  return "\uFEFF" + Papa.unparse({ fields: [...fields], data }, { newline: "\r\n" });
}
