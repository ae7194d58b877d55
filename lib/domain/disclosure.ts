// The AI-disclosure line readers see under a translated article, following its review state:
// translated by AI → reviewed by an editor on <date> → corrected on <date>: <note>. Texts come
// per outlet and language from Outlet.disclosures, falling back to the defaults below. Pure:
// the facts (dates, note, language, zone) are gathered by lib/server/disclosure.ts.
import { z } from "zod";

export const DISCLOSURE_STATES = ["translated", "reviewed", "corrected"] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];

/** One language's texts. `{date}` and `{note}` are filled in; any may be left to the default. */
export const disclosureTextsSchema = z
  .object({
    translated: z.string().trim().min(1).max(500),
    reviewed: z.string().trim().min(1).max(500),
    corrected: z.string().trim().min(1).max(500),
  })
  .partial()
  .strict();
export type DisclosureTexts = z.infer<typeof disclosureTextsSchema>;

/** Outlet.disclosures: `{ "<lang>": { translated, reviewed, corrected } }`, lang a BCP 47 tag. */
export const outletDisclosuresSchema = z.record(
  z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or pt-BR"),
  disclosureTextsSchema,
);
export type OutletDisclosures = z.infer<typeof outletDisclosuresSchema>;

export const DEFAULT_DISCLOSURES: Record<string, Required<DisclosureTexts>> = {
  en: {
    translated: "This article has been translated by AI.",
    reviewed: "Translated by AI and reviewed by an editor on {date}.",
    corrected: "Corrected on {date}: {note}",
  },
  ko: {
    translated: "이 기사는 AI로 번역되었습니다.",
    reviewed: "AI로 번역되었으며 {date}에 편집자가 검토했습니다.",
    corrected: "{date} 정정: {note}",
  },
};

/** The invitation after the disclosure, per language; none: the whole line links instead. */
export const FEEDBACK_INVITATION: Record<string, string> = {
  en: "Share your feedback here.",
};

/** What happened to the public text; gathered from the database by lib/server/disclosure.ts. */
export interface DisclosureFacts {
  targetLang: string;
  /** When an editor approved or published the text readers see; null: not reviewed. */
  reviewedAt: Date | null;
  /** The latest publication that changed already-published text; null: never corrected. */
  correction: { at: Date; note: string | null } | null;
}

export interface Disclosure {
  state: DisclosureState;
  text: string;
  /** ISO 8601 instant of the review or correction; null while only translated. */
  date: string | null;
  /** The correction note; null unless corrected with a note. */
  note: string | null;
  /** Language of `text` (the outlet's texts for the article's language, else a default's). */
  lang: string;
  /** Zone the date in `text` is shown in (the outlet's, else GALLEY_TIME_ZONE). */
  timeZone: string;
}

function primary(lang: string): string {
  return lang.split("-")[0]!.toLowerCase();
}

/** The outlet's texts for the language (exact tag, then primary subtag) over the defaults. */
function textsFor(
  targetLang: string,
  outlet: OutletDisclosures,
): { texts: Required<DisclosureTexts>; lang: string } {
  const p = primary(targetLang);
  const own = outlet[targetLang] ?? outlet[targetLang.toLowerCase()] ?? outlet[p];
  const defaults = DEFAULT_DISCLOSURES[p];
  const base = defaults ?? DEFAULT_DISCLOSURES.en!;
  // Outlet texts for the language make the line that language even where Galley has no default.
  const lang = own || defaults ? targetLang : "en";
  return { texts: { ...base, ...(own ?? {}) }, lang };
}

/** "30 November 2026" (en), "2026년 11월 30일" (ko): a day is enough for a reader. */
export function disclosureDate(at: Date, lang: string, timeZone: string): string {
  const locale = primary(lang) === "en" ? "en-GB" : lang;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(at);
  }
}

/**
 * Fills `{date}` and `{note}`. Without a note, the placeholder goes together with the separator
 * before it ("Corrected on 1 December 2026: {note}" → "Corrected on 1 December 2026.").
 */
export function fillTemplate(template: string, date: string, note: string | null): string {
  let out = template;
  if (!note) {
    out = out.replace(/\s*[:：,—–-]?\s*\{note\}/g, "").trim();
    if (out && !/[.!?。]$/.test(out)) out += ".";
  }
  // Function replacers: a note with "$&" or "{date}" in it stays literal text.
  return out.replace(/\{date\}/g, () => date).replace(/\{note\}/g, () => note ?? "");
}

/** The disclosure for these facts, in the outlet's texts and zone. */
export function buildDisclosure(
  facts: DisclosureFacts,
  outlet: OutletDisclosures,
  timeZone: string,
): Disclosure {
  const { texts, lang } = textsFor(facts.targetLang, outlet);
  if (facts.correction) {
    const { at, note } = facts.correction;
    const trimmed = note?.trim() || null;
    return {
      state: "corrected",
      text: fillTemplate(texts.corrected, disclosureDate(at, lang, timeZone), trimmed),
      date: at.toISOString(),
      note: trimmed,
      lang,
      timeZone,
    };
  }
  if (facts.reviewedAt) {
    const at = facts.reviewedAt;
    return {
      state: "reviewed",
      text: fillTemplate(texts.reviewed, disclosureDate(at, lang, timeZone), null),
      date: at.toISOString(),
      note: null,
      lang,
      timeZone,
    };
  }
  return {
    state: "translated",
    text: fillTemplate(texts.translated, "", null),
    date: null,
    note: null,
    lang,
    timeZone,
  };
}

/** Parses a stored Outlet.disclosures value; anything malformed counts as "no own texts". */
export function parseOutletDisclosures(value: unknown): OutletDisclosures {
  const parsed = outletDisclosuresSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}
