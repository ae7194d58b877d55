// Outlets append an AI-translation notice to machine-translated articles. It is stored apart from
// the body so reviewers do not edit it and exports can re-attach the current wording.

const LEAD = String.raw`^[※*\s]*[\[(]?\s*`;
const TAIL = String.raw`\s*[\])]?`;
// "Share your feedback here." and similar; one sentence, must mention feedback.
const FEEDBACK = String.raw`(?:\s*[^.!?]*\bfeedback\b[^.!?]*[.!?]?)?`;

export const DEFAULT_FOOTER_PATTERNS: RegExp[] = [
  // "※ This article has been translated by AI. Share your feedback here."
  new RegExp(
    LEAD +
      String.raw`this\s+(?:article|story)\s+(?:has\s+been|was|is)\s+(?:machine[-\s]?)?translated\s+` +
      String.raw`(?:by|using|with)\s+(?:an?\s+)?(?:AI|artificial\s+intelligence)` +
      String.raw`(?:[-\s]+(?:tools?|translators?|translation|engines?|models?))?\s*[.!]?` +
      TAIL +
      FEEDBACK +
      String.raw`\s*$`,
    "i",
  ),
  // "이 기사는 AI로 번역되었습니다.", "본 기사는 인공지능(AI)을 활용해 번역했습니다."
  new RegExp(
    LEAD +
      String.raw`(?:이|본)\s*기사는\s*(?:AI|인공\s*지능)[^.\n]{0,30}?번역` +
      String.raw`(?:되었습니다|됐습니다|했습니다|하였습니다|됨|된?\s*기사입니다)\s*\.?` +
      TAIL +
      String.raw`(?:\s*[^.!?]*(?:피드백|의견)[^.!?]*[.!?]?)?\s*$`,
    "i",
  ),
];

/** True when the whole paragraph is an AI-translation notice (whitespace runs are collapsed). */
export function isAiFooter(
  paragraph: string,
  patterns: RegExp[] = DEFAULT_FOOTER_PATTERNS,
): boolean {
  const normalised = paragraph.replace(/\s+/g, " ").trim();
  return patterns.some((pattern) => {
    pattern.lastIndex = 0; // g/y patterns from callers keep state between test() calls
    return pattern.test(normalised);
  });
}

/**
 * Parses configured patterns: regex sources separated by "||", compiled case-insensitive. They
 * replace the defaults; an unset or blank value yields the defaults. Throws on an invalid source.
 */
export function parseFooterPatterns(env: string | undefined): RegExp[] {
  if (!env?.trim()) return DEFAULT_FOOTER_PATTERNS;
  return env
    .split("||")
    .map((source) => source.trim())
    .filter((source) => source !== "")
    .map((source) => {
      try {
        return new RegExp(source, "i");
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Invalid footer pattern "${source}": ${reason}`);
      }
    });
}

/** Removes the last paragraph when it is an AI footer; a notice elsewhere stays in the body. */
export function extractFooter(
  paragraphs: string[],
  patterns: RegExp[] = DEFAULT_FOOTER_PATTERNS,
): { body: string[]; footer: string | null } {
  const last = paragraphs.at(-1);
  if (last === undefined || !isAiFooter(last, patterns)) {
    return { body: [...paragraphs], footer: null };
  }
  return { body: paragraphs.slice(0, -1), footer: last.trim() };
}
