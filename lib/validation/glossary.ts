import { z } from "zod";
import { langTag, safeText } from "./common";

// One glossary entry as typed in a form, sent to the API or read from a CSV row.
// Language tags are stored lower-case so "ko"/"KO" cannot become two glossaries.

const lang = langTag.transform((s) => s.toLowerCase());
const term = safeText(300)
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, "is required");
const note = safeText(2000)
  .transform((s) => s.trim() || null)
  .nullish()
  .transform((s) => s ?? null);

export const glossaryTermSchema = z.object({
  sourceLang: lang,
  targetLang: lang,
  sourceTerm: term,
  targetTerm: term,
  note,
});

export type GlossaryTermInput = z.infer<typeof glossaryTermSchema>;

/** Imports larger than this are refused: split the file. */
export const GLOSSARY_IMPORT_LIMITS = { maxRows: 5_000, maxBytes: 2_000_000 } as const;
