// punctuation: unbalanced quotes and brackets, doubled words, stray whitespace.

import { baseLanguage } from "../korean-numbers";
import type { CheckContext, Warning } from "./types";

type Finding = Omit<Warning, "segmentIndex" | "check">;

export function checkPunctuation(ctx: CheckContext): Warning[] {
  const spaceBeforePunctuationIsNormal = baseLanguage(ctx.targetLang) === "fr";
  return ctx.segments.flatMap((segment) =>
    [
      ...unbalancedBrackets(segment.text),
      ...unbalancedStraightQuotes(segment.text),
      ...unclosedSingleQuotes(segment.text),
      ...doubledWords(segment.text),
      ...strayWhitespace(segment.text, spaceBeforePunctuationIsNormal),
    ]
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
      .map((finding) => ({
        segmentIndex: segment.index,
        check: "punctuation" as const,
        ...finding,
      })),
  );
}

const PAIRS: Record<string, string> = {
  "(": ")",
  "[": "]",
  "{": "}",
  "“": "”",
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

function at(index: number, message: string): Finding {
  return { message, start: index, end: index + 1 };
}

/** Brackets and curly double quotes, matched with a stack so "(]" is caught too. */
function unbalancedBrackets(text: string): Finding[] {
  const findings: Finding[] = [];
  const open: { char: string; index: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? "";
    if (PAIRS[char]) {
      open.push({ char, index: i });
      continue;
    }
    const opener = CLOSERS.get(char);
    if (!opener) continue;
    if (open[open.length - 1]?.char === opener) open.pop();
    else findings.push(at(i, `Closing ${char} has no matching ${opener}.`));
  }
  for (const { char, index } of open) {
    findings.push(at(index, `Opening ${char} is never closed with ${PAIRS[char]}.`));
  }
  return findings;
}

function unbalancedStraightQuotes(text: string): Finding[] {
  const quotes = [...text.matchAll(/"/g)];
  const last = quotes[quotes.length - 1];
  if (quotes.length % 2 === 0 || !last) return [];
  const message = `There is an odd number (${quotes.length}) of straight double quotation marks, so one is unmatched.`;
  return [at(last.index, message)];
}

// Apostrophes ("Korea's", "'90s", "students'") make single quotes ambiguous, so only an
// opening quote before a letter with no closing quote after it is reported.
const OPENING_SINGLE = /(?<=^|[\s(\[{“"])['‘](?=\p{L})/gu;
const CLOSING_SINGLE = /(?<=\S)['’](?=$|[\s.,;:!?)\]}”"])/gu;

function unclosedSingleQuotes(text: string): Finding[] {
  const closers = [...text.matchAll(CLOSING_SINGLE)].map((m) => m.index);
  const findings: Finding[] = [];
  for (const opener of text.matchAll(OPENING_SINGLE)) {
    const closer = closers.findIndex((index) => index > opener.index);
    if (closer === -1) findings.push(at(opener.index, "Single quotation mark is never closed."));
    else closers.splice(closer, 1);
  }
  return findings;
}

// "had had" and "that that" are grammatical English.
const ALLOWED_REPEATS = new Set(["had", "that"]);

function doubledWords(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’-])(\p{L}+)\s+(\1)(?![\p{L}\p{N}'’-])/giu)) {
    const word = m[1] ?? "";
    if (ALLOWED_REPEATS.has(word.toLowerCase())) continue;
    findings.push({
      message: `Word "${word}" is repeated.`,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return findings;
}

function strayWhitespace(text: string, spaceBeforePunctuationIsNormal: boolean): Finding[] {
  const findings: Finding[] = [];
  const leading = /^\s+/.exec(text);
  if (leading && leading[0].length < text.length) {
    findings.push({
      message: "The text starts with whitespace.",
      start: 0,
      end: leading[0].length,
    });
  }
  const trailing = /\s+$/.exec(text);
  if (trailing && trailing.index > 0) {
    findings.push({
      message: "The text ends with whitespace.",
      start: trailing.index,
      end: text.length,
    });
  }
  for (const m of text.matchAll(/(?<=\S)[ \t\u00a0]{2,}(?=\S)/g)) {
    findings.push({
      message: "There is a double space here.",
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  // " .5" is a decimal and " ..." an ellipsis; French puts a space before ; : ! ?
  const marks = spaceBeforePunctuationIsNormal ? ",." : ",.;:!?";
  const before = new RegExp(String.raw`(?<=\S)[ \t]+(?=[${marks}](?![\d.]))`, "g");
  for (const m of text.matchAll(before)) {
    const mark = text[m.index + m[0].length];
    findings.push({
      message: `There is a space before "${mark}".`,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return findings;
}
