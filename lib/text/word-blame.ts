// Per-word blame: which revision (and so which person) introduced each word of a segment.
//
// Walks the segment's versions oldest first and diffs each against the previous one at the
// token level (the same tokenizer as every other diff in Galley): tokens kept keep their
// origin, tokens added take the new version's. Whitespace and punctuation are attributed like
// words, so joining the pieces' text gives the latest version exactly.

import { diffArrays } from "diff";
import { tokenize } from "@/lib/text/tokenize";

export interface BlameVersion<A> {
  revision: number;
  text: string;
  /** Whatever identifies who made the version (a name, a user object…). */
  author: A;
}

export interface BlamePiece<A> {
  text: string;
  revision: number;
  author: A;
}

// Past this many token edits between two versions, the later one is a rewrite: every token in
// it is attributed to it (as one removal + one addition), and Myers stays cheap.
const MAX_EDIT_LENGTH = 1000;

/**
 * Attribution of the last version's text, as runs of consecutive tokens from the same
 * revision. `versions` must be in revision order; an empty list gives no pieces.
 */
export function wordBlame<A>(versions: readonly BlameVersion<A>[], lang?: string): BlamePiece<A>[] {
  let units: { text: string; origin: BlameVersion<A> }[] = [];
  let previous: string[] = [];
  for (const version of versions) {
    const next = toUnits(version.text, lang);
    const parts = diffArrays(previous, next, {
      maxEditLength: MAX_EDIT_LENGTH,
      // Whitespace moves with edits ("uncle " → "uncle."); a word is the same word without it.
      comparator: (a, b) => a.trimEnd() === b.trimEnd(),
    });
    if (!parts) {
      units = next.map((text) => ({ text, origin: version }));
    } else {
      const out: typeof units = [];
      let at = 0; // position in the previous units
      let k = 0; // position in the next units
      for (const part of parts) {
        const count = part.count ?? part.value.length;
        if (part.removed) at += count;
        else if (part.added)
          for (let i = 0; i < count; i++) out.push({ text: next[k++]!, origin: version });
        else
          for (let i = 0; i < count; i++)
            out.push({ text: next[k++]!, origin: units[at++]!.origin });
      }
      units = out;
    }
    previous = next;
  }
  const pieces: BlamePiece<A>[] = [];
  for (const { text, origin } of units) {
    const last = pieces.at(-1);
    if (last && last.revision === origin.revision) last.text += text;
    else pieces.push({ text, revision: origin.revision, author: origin.author });
  }
  return pieces;
}

/** Tokens with the whitespace after them attached (leading whitespace is a unit of its own). */
function toUnits(text: string, lang?: string): string[] {
  const units: string[] = [];
  for (const token of tokenize(text, lang)) {
    if (/^\s+$/u.test(token) && units.length > 0) units[units.length - 1] += token;
    else units.push(token);
  }
  return units;
}
