// Glossary terms located in a segment's source text, for highlighting in the workspace. The
// same grouping and target test as the glossary QA check (checks/glossary.ts), so a term is
// marked "missing" exactly when that check warns about it.

import { containsTerm, groupBySourceTerm } from "./checks/glossary";
import type { GlossaryEntry } from "./checks/types";

export interface GlossaryMark {
  /** UTF-16 offsets into the source text, end exclusive. */
  start: number;
  end: number;
  /** The glossary's spelling of the source term (the warning quotes it). */
  term: string;
  /** Approved translations; any one of them will do. */
  targets: string[];
  note: string | null;
  /** None of the targets occurs in the current text: the glossary check warns about it. */
  missing: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Non-overlapping marks in reading order; on overlap the longer (then earlier) term wins. */
export function glossaryMarks(
  source: string | null,
  text: string,
  glossary: readonly GlossaryEntry[],
): GlossaryMark[] {
  if (!source) return [];
  const found: GlossaryMark[] = [];
  for (const [term, group] of groupBySourceTerm(glossary)) {
    const body = escapeRegExp(term.normalize("NFC"))
      .replace(/\s+/g, "\\s+")
      .replace(/['’‘]/g, "['’‘]");
    // As in the check: a term starting or ending with a Latin letter or digit must not sit
    // inside a longer word; Korean terms take particles, so they have no boundary.
    const before = /^[\p{Script=Latin}\p{N}]/u.test(term) ? String.raw`(?<![\p{L}\p{N}])` : "";
    const after = /[\p{Script=Latin}\p{N}]$/u.test(term) ? String.raw`(?![\p{L}\p{N}])` : "";
    const pattern = new RegExp(before + body + after, "giu");
    const targets = group.map((e) => e.target.trim());
    const missing = !targets.some((t) => containsTerm(text, t, { wholeWord: false }));
    const note = group.find((e) => e.note?.trim())?.note?.trim() ?? null;
    for (const m of source.normalize("NFC").matchAll(pattern)) {
      if (m[0].length === 0) continue;
      found.push({ start: m.index, end: m.index + m[0].length, term, targets, note, missing });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const marks: GlossaryMark[] = [];
  for (const mark of found) {
    const last = marks.at(-1);
    if (last && mark.start < last.end) continue;
    marks.push(mark);
  }
  return marks;
}

/** Whether a glossary QA warning is about `term` (its message quotes the term). */
export function warningMentionsTerm(message: string, term: string): boolean {
  return message.startsWith(`Glossary term "${term}"`);
}
