// "Fix once, flag everywhere" (issue 16): the newsroom keeps approved spellings of people,
// places and organisations; any name in an article that is a variant of an approved spelling
// (the same romanisation folds as the name-inconsistency check: areNameVariants) but not the
// spelling itself gets an "approved-name" warning carrying the replacement.
//
// Compared whole phrase first ("Lee Jae-myeong" vs "Lee Jae-myung"), then word by word, so a
// partial mention ("President Zelensky") is caught against "Volodymyr Zelenskyy".

import { areNameVariants, findNameMentions, lowercaseVocabulary } from "./name-spelling";
import type { ApprovedName, CheckContext, Warning } from "./types";

const WORD = /\p{L}[\p{L}'’-]*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
}

const wordsOf = (text: string, offset = 0): Word[] =>
  [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: offset + m.index,
    end: offset + m.index + m[0].length,
  }));

function message(found: string, replacement: string, approved: ApprovedName): string {
  const whole = approved.spelling === replacement ? "" : ` (${approved.spelling})`;
  return `"${found}": the newsroom's approved spelling is "${replacement}"${whole}`;
}

export function checkApprovedNames(ctx: CheckContext): Warning[] {
  const approved = ctx.approvedNames ?? [];
  if (approved.length === 0) return [];
  const approvedWords = approved.flatMap((a) => wordsOf(a.spelling).map((w) => ({ w, a })));
  const exact = new Set(approvedWords.map(({ w }) => w.text));
  const vocabulary = lowercaseVocabulary(ctx.segments.map((s) => s.text));
  const warnings: Warning[] = [];
  for (const seg of ctx.segments) {
    for (const mention of findNameMentions(seg.text, vocabulary)) {
      const phrase = approved.find((a) => areNameVariants(mention.text, a.spelling));
      if (phrase && mention.text !== phrase.spelling) {
        warnings.push({
          segmentIndex: seg.index,
          check: "approved-name",
          message: message(mention.text, phrase.spelling, phrase),
          start: mention.start,
          end: mention.end,
          replacement: phrase.spelling,
        });
        continue;
      }
      for (const word of wordsOf(mention.text, mention.start)) {
        if (exact.has(word.text)) continue;
        const hit = approvedWords.find(
          ({ w }) => w.text !== word.text && areNameVariants(word.text, w.text),
        );
        if (!hit) continue;
        warnings.push({
          segmentIndex: seg.index,
          check: "approved-name",
          message: message(word.text, hit.w.text, hit.a),
          start: word.start,
          end: word.end,
          replacement: hit.w.text,
        });
      }
    }
  }
  return warnings;
}

/**
 * Names a reviewer corrected in one segment: name phrases (or words of them) in the edited
 * text that replace a variant spelling in the MT ("Zelensky" → "Zelenskyy"). What the
 * workspace offers to "use everywhere".
 */
export function correctedNames(mt: string, text: string): { from: string; to: string }[] {
  if (mt === text) return [];
  const vocabulary = lowercaseVocabulary([mt, text]);
  const before = findNameMentions(mt, vocabulary).map((m) => m.text);
  const beforeWords = before.flatMap((b) => wordsOf(b).map((w) => w.text));
  const found = new Map<string, string>();
  for (const mention of findNameMentions(text, vocabulary)) {
    if (before.includes(mention.text)) continue;
    const phrase = before.find((b) => areNameVariants(b, mention.text));
    if (phrase) {
      found.set(mention.text, phrase);
      continue;
    }
    for (const word of wordsOf(mention.text)) {
      if (beforeWords.includes(word.text)) continue;
      const old = beforeWords.find((b) => areNameVariants(b, word.text));
      if (old) found.set(mention.text, old);
    }
  }
  return [...found].map(([to, from]) => ({ from, to }));
}
