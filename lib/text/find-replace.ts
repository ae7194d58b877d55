// Find and replace across an article's segments: pure matching, no DOM, no React.
//
// Every pattern is compiled with the `u` flag so offsets and "whole word" work on code points
// and Unicode letters (Hangul, accented Latin), not only ASCII \w. Whole word means "no letter,
// mark, digit or underscore right before or after the match": the same rule \b follows for
// ASCII, extended to every script. Korean particles attach to the noun ("서울에서"), so a
// whole-word "서울" does not match inside "서울에서"; untick "whole words" to find it.

export interface FindOptions {
  query: string;
  /** Treat the query as a JavaScript regular expression (with the `u` flag). */
  regex: boolean;
  caseSensitive: boolean;
  wholeWord: boolean;
}

export interface FindSegment {
  index: number;
  text: string;
}

export interface FindHit {
  /** Stable within one search: segment index and start offset. */
  id: string;
  segmentIndex: number;
  /** UTF-16 offsets into the segment text, end exclusive. */
  start: number;
  end: number;
  match: string;
  /** What the match becomes ($1, $<name>, $& and $$ expanded in regex mode). */
  replacement: string;
}

export type FindResult =
  { ok: true; hits: FindHit[]; truncated: boolean } | { ok: false; message: string };

/** Longer patterns are refused: a pasted paragraph is not a search, and it bounds regex cost. */
export const MAX_QUERY_LENGTH = 200;
/** More hits than this are not shown (nor replaced); the result says it was truncated. */
export const MAX_HITS = 500;

// A quantified group that itself contains a quantifier, e.g. (a+)+ or (\w*)*: the classic
// shape of catastrophic backtracking. Refused rather than risk freezing the tab.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/u;

const BOUNDARY_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}_])`;
const BOUNDARY_AFTER = String.raw`(?![\p{L}\p{M}\p{N}_])`;

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The search as a global regular expression, or a message saying why it cannot run. */
export function compileQuery(
  options: FindOptions,
): { ok: true; pattern: RegExp } | { ok: false; message: string } {
  const { query } = options;
  if (query.length === 0) return { ok: false, message: "Type something to find." };
  if (query.length > MAX_QUERY_LENGTH)
    return { ok: false, message: `The search is limited to ${MAX_QUERY_LENGTH} characters.` };
  if (options.regex && NESTED_QUANTIFIER.test(query))
    return {
      ok: false,
      message: "Nested repetition such as (a+)+ can take forever; simplify the expression.",
    };
  const body = options.regex ? query : escapeRegExp(query);
  const source = options.wholeWord ? `${BOUNDARY_BEFORE}(?:${body})${BOUNDARY_AFTER}` : body;
  try {
    return { ok: true, pattern: new RegExp(source, options.caseSensitive ? "gu" : "giu") };
  } catch (err) {
    const detail =
      err instanceof Error ? err.message.replace(/^Invalid regular expression: /, "") : "";
    return { ok: false, message: `Invalid regular expression${detail ? `: ${detail}` : ""}.` };
  }
}

/** Every non-empty match in every segment, in reading order. */
export function findAll(
  segments: readonly FindSegment[],
  options: FindOptions,
  replacement: string,
): FindResult {
  const compiled = compileQuery(options);
  if (!compiled.ok) return compiled;
  const { pattern } = compiled;
  const hits: FindHit[] = [];
  for (const segment of segments) {
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(segment.text)) !== null) {
      if (m[0].length === 0) {
        // An empty match ("^", "x*") replaces nothing visible; step over one code point so
        // the loop always advances (the `u` flag keeps surrogate pairs whole).
        pattern.lastIndex = nextCodePoint(segment.text, m.index);
        if (m.index >= segment.text.length) break;
        continue;
      }
      if (hits.length === MAX_HITS) return { ok: true, hits, truncated: true };
      hits.push({
        id: `${segment.index}:${m.index}`,
        segmentIndex: segment.index,
        start: m.index,
        end: m.index + m[0].length,
        match: m[0],
        replacement: options.regex ? expandReplacement(replacement, m) : replacement,
      });
    }
  }
  return { ok: true, hits, truncated: false };
}

/**
 * The texts that change when `hits` are applied (hits from one findAll over `segments`;
 * any subset). Segments without a chosen hit are left out of the result.
 */
export function applyHits(
  segments: readonly FindSegment[],
  hits: readonly FindHit[],
): Record<number, string> {
  const bySegment = new Map<number, FindHit[]>();
  for (const hit of hits)
    bySegment.set(hit.segmentIndex, [...(bySegment.get(hit.segmentIndex) ?? []), hit]);
  const out: Record<number, string> = {};
  for (const segment of segments) {
    const chosen = bySegment.get(segment.index);
    if (!chosen) continue;
    let text = segment.text;
    // Right to left, so earlier offsets stay valid.
    for (const hit of [...chosen].sort((a, b) => b.start - a.start)) {
      if (text.slice(hit.start, hit.end) !== hit.match) continue; // stale hit: text changed
      text = text.slice(0, hit.start) + hit.replacement + text.slice(hit.end);
    }
    if (text !== segment.text) out[segment.index] = text;
  }
  return out;
}

/** $$, $&, $n / $nn and $<name> as String.prototype.replace reads them; other $ stay literal. */
export function expandReplacement(template: string, m: RegExpExecArray): string {
  return template.replace(
    /\$(\$|&|<([^>]*)>|(\d{1,2}))/g,
    (whole, token: string, name?: string, digits?: string) => {
      if (token === "$") return "$";
      if (token === "&") return m[0];
      if (name !== undefined) return m.groups && name in m.groups ? (m.groups[name] ?? "") : whole;
      const n = Number(digits);
      if (n >= 1 && n < m.length) return m[n] ?? "";
      // "$12" with one group: "$1" followed by "2", as the built-in does.
      const one = Number(digits![0]);
      if (digits!.length === 2 && one >= 1 && one < m.length) return (m[one] ?? "") + digits![1];
      return whole;
    },
  );
}

function nextCodePoint(text: string, at: number): number {
  const code = text.codePointAt(at);
  return at + (code !== undefined && code > 0xffff ? 2 : 1);
}
