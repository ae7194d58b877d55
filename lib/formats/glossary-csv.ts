// Glossary as CSV. Columns: sourceLang, targetLang, sourceTerm, targetTerm, note.
// Export neutralises spreadsheet formulas (see ./csv.ts); import removes that one
// apostrophe again, so export → import round-trips the original terms.

import Papa from "papaparse";
import {
  GLOSSARY_IMPORT_LIMITS,
  glossaryTermSchema,
  type GlossaryTermInput,
} from "@/lib/validation/glossary";
import { issueMessage } from "@/lib/validation/issues";
import { restoreFormula, toCsv } from "./csv";

export const GLOSSARY_CSV_COLUMNS = [
  "sourceLang",
  "targetLang",
  "sourceTerm",
  "targetTerm",
  "note",
] as const;

export interface GlossaryCsvRow {
  sourceLang: string;
  targetLang: string;
  sourceTerm: string;
  targetTerm: string;
  note: string | null;
}

export function toGlossaryCsv(rows: readonly GlossaryCsvRow[]): string {
  return toCsv(
    GLOSSARY_CSV_COLUMNS,
    rows.map((r) => GLOSSARY_CSV_COLUMNS.map((c) => r[c] ?? "")),
  );
}

export interface CsvRowError {
  /** Row number as a spreadsheet shows it: the header is row 1, the first entry row 2. */
  row: number;
  message: string;
}

export interface ParsedGlossaryCsv {
  rows: GlossaryTermInput[];
  errors: CsvRowError[];
}

/**
 * Parses and validates every row. Returns all valid rows and every error by row, so the
 * caller can refuse the whole file when anything is wrong (the import is all or nothing).
 */
export function parseGlossaryCsv(text: string): ParsedGlossaryCsv {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const errors: CsvRowError[] = [];
  const headers = parsed.meta.fields ?? [];
  const column = (name: string) => headers.find((h) => h.toLowerCase() === name.toLowerCase());
  const missing = GLOSSARY_CSV_COLUMNS.filter((c) => c !== "note" && !column(c));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: [
        {
          row: 1,
          message: `Missing column(s): ${missing.join(", ")}. Expected: ${GLOSSARY_CSV_COLUMNS.join(", ")}`,
        },
      ],
    };
  }
  if (parsed.data.length > GLOSSARY_IMPORT_LIMITS.maxRows) {
    return {
      rows: [],
      errors: [
        {
          row: 1,
          message: `The file has ${parsed.data.length} rows; the limit is ${GLOSSARY_IMPORT_LIMITS.maxRows}`,
        },
      ],
    };
  }
  for (const e of parsed.errors) {
    errors.push({ row: (e.row ?? 0) + 2, message: e.message });
  }
  const rows: GlossaryTermInput[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((record, i) => {
    const rowNumber = i + 2;
    const cell = (name: string) => {
      const key = column(name);
      const value = key ? record[key] : undefined;
      return value === undefined ? undefined : restoreFormula(value);
    };
    const result = glossaryTermSchema.safeParse({
      sourceLang: cell("sourceLang") ?? "",
      targetLang: cell("targetLang") ?? "",
      sourceTerm: cell("sourceTerm") ?? "",
      targetTerm: cell("targetTerm") ?? "",
      note: cell("note") ?? null,
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ row: rowNumber, message: issueMessage(issue) });
      }
      return;
    }
    const key = `${result.data.sourceLang}\u0000${result.data.targetLang}\u0000${result.data.sourceTerm}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: rowNumber,
        message: `sourceTerm "${result.data.sourceTerm}" already appears in row ${first}`,
      });
      return;
    }
    seen.set(key, rowNumber);
    rows.push(result.data);
  });
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}
