// literalism: Korean-news phrasing carried over word for word into English. Built in: a
// day of the month with no month ("on the 13th", from "13일"), optionally followed by
// "(local time)" (from "현지시간"). Further patterns come from ctx.literalismPatterns.

import { baseLanguage } from "../korean-numbers";
import type { CheckContext, LiteralismPattern, Warning } from "./types";

const MONTH =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)/;

// "on the 13th", "from the 5th", "on the morning of the 20th", optionally "… of this month" and "(local time)". An ordinal
// that qualifies a noun ("on the 20th anniversary", "the 5th floor", "the 3rd largest") is
// not a date.
const NOT_A_DATE_AFTER = String.raw`(?:anniversary|floor|century|day|week|month|year|time|round|place|term|session|generation|edition|birthday|inning|minute|hole|lap|stage|game|match|grade|amendment|consecutive|straight|annual|overall|\p{L}+est)`;
const BARE_DAY = new RegExp(
  String.raw`\b(?:on|since|until|till|by|from|through|to|before|after)\s+the\s+` +
    // "on the morning of the 20th" (from "20일 오전")
    String.raw`(?:(?:morning|afternoon|evening|night)\s+of\s+the\s+)?` +
    String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b` +
    String.raw`(?:\s+of\s+(?:this|last|next|the\s+same)\s+month)?(\s*\(local time\))?` +
    String.raw`(?!\s+${NOT_A_DATE_AFTER}\b)`,
  "giu",
);

export function checkLiteralism(ctx: CheckContext): Warning[] {
  const english = baseLanguage(ctx.targetLang) === "en";
  const custom = ctx.literalismPatterns ?? [];
  return ctx.segments.flatMap((segment) => {
    const findings = [
      ...(english ? bareDaysOfMonth(segment.text) : []),
      ...custom.flatMap((p) => customMatches(segment.text, p)),
    ];
    return findings
      .sort((a, b) => a.start - b.start)
      .map((f) => ({
        segmentIndex: segment.index,
        check: "literalism" as const,
        ...f,
      }));
  });
}

interface Finding {
  message: string;
  start: number;
  end: number;
}

function bareDaysOfMonth(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(BARE_DAY)) {
    const end = m.index + m[0].length;
    if (MONTH.test(sentenceAround(text, m.index, end))) continue;
    const localTime = m[1] ? ' "(local time)" adds nothing once a date or weekday is given.' : "";
    findings.push({
      message:
        `"${m[0]}" gives a day of the month without naming the month; ` +
        `write the date or weekday (e.g. "on March 13" or "on Wednesday").` +
        localTime,
      start: m.index,
      end,
    });
  }
  return findings;
}

// Sentence ends: . ! ? followed by space, except after abbreviations like "U.S." or "p.m.".
const SENTENCE_END =
  /(?<!\b\p{L}\.\p{L}|\b(?:Mr|Mrs|Ms|Dr|St|No|Gen|Gov|Rep|Sen|Lt|Col|Prof|Inc|Corp|Co|Ltd|vs))[.!?]["'”’)]*\s+/gu;

function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return text.slice(from, to);
}

function customMatches(text: string, { pattern, message }: LiteralismPattern): Finding[] {
  // Copy with the g flag so the caller's RegExp (and its lastIndex) is left alone.
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
  );
  return [...text.matchAll(global)]
    .filter((m) => m[0].length > 0)
    .map((m) => ({ message, start: m.index, end: m.index + m[0].length }));
}
