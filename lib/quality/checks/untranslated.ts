// untranslated: source-script text left in the translation, e.g. Hangul in English output.

import { baseLanguage } from "../korean-numbers";
import type { CheckContext, Warning } from "./types";

interface SourceScript {
  language: string;
  /** Character-class body for the script's letters. */
  letters: string;
}

// Korean news also writes Hanja in headlines ("北", "與"), so Han counts as Korean script.
const SCRIPTS: Record<string, SourceScript> = {
  ko: {
    language: "Korean",
    letters: String.raw`\p{Script=Hangul}\p{Script=Han}`,
  },
  ja: {
    language: "Japanese",
    letters: String.raw`\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}`,
  },
  zh: { language: "Chinese", letters: String.raw`\p{Script=Han}` },
  ru: { language: "Russian", letters: String.raw`\p{Script=Cyrillic}` },
  uk: { language: "Ukrainian", letters: String.raw`\p{Script=Cyrillic}` },
  ar: { language: "Arabic", letters: String.raw`\p{Script=Arabic}` },
  he: { language: "Hebrew", letters: String.raw`\p{Script=Hebrew}` },
  th: { language: "Thai", letters: String.raw`\p{Script=Thai}` },
  el: { language: "Greek", letters: String.raw`\p{Script=Greek}` },
};

export function checkUntranslated(ctx: CheckContext): Warning[] {
  const script = SCRIPTS[baseLanguage(ctx.sourceLang)];
  // Only Latin-script targets are checked; between non-Latin scripts the sets overlap.
  if (!script || SCRIPTS[baseLanguage(ctx.targetLang)]) return [];

  // A run may span spaces and digits between letters: "서울 시청", "3월 13일".
  const run = new RegExp(`[${script.letters}]+(?:[\\s\\d.,·]*[${script.letters}]+)*`, "gu");
  const warnings: Warning[] = [];
  for (const segment of ctx.segments) {
    for (const match of segment.text.matchAll(run)) {
      warnings.push({
        segmentIndex: segment.index,
        check: "untranslated",
        message: `Untranslated ${script.language} text "${match[0]}" is left in the translation.`,
        start: match.index,
        end: match.index + match[0].length,
      });
    }
  }
  return warnings;
}
