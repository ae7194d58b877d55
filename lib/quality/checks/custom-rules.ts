// Custom QA rules written by editors (issue 16): a literal phrase or a regular expression on the
// MT, optionally only where the source matches a condition. Their warnings have check "rule"
// and carry the rule's id.
//
// Regular expressions typed by users can hang the server (catastrophic backtracking). Three
// guards: a length limit; safe-regex2 rejects patterns with nested quantifiers (star height > 1,
// the classic `(a+)+`); and a time budget per rule per article: once a rule has spent it, it is
// skipped on the remaining segments. JavaScript cannot interrupt one exec(), so the last guard
// bounds the damage of a pattern that slips through the other two to one segment.

import safeRegex from "safe-regex2";
import type { CheckContext, CompiledRule, RuleSeverity, Warning } from "./types";

export const RULE_LIMITS = {
  maxPatternChars: 200,
  maxMessageChars: 300,
  /** Milliseconds one rule may spend on one article. */
  timeBudgetMs: 25,
  /** Warnings one rule may raise on one segment. */
  maxMatchesPerSegment: 10,
} as const;

export type RuleKind = "literal" | "regex";

export interface RuleSpec {
  id: string;
  kind: RuleKind;
  pattern: string;
  /** Source-side condition (same kind as pattern); null = no condition. */
  sourcePattern: string | null;
  caseSensitive: boolean;
  message: string;
  severity: RuleSeverity;
}

// Not "-" or "/": in a unicode-mode RegExp those escapes outside a class are syntax errors.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Why the pattern cannot be a rule, or null when it can. */
export function rulePatternProblem(kind: RuleKind, pattern: string): string | null {
  if (pattern.length === 0) return "is empty";
  if (pattern.length > RULE_LIMITS.maxPatternChars) {
    return `is longer than ${RULE_LIMITS.maxPatternChars} characters`;
  }
  if (kind === "literal") {
    if (pattern.trim() === "") return "is blank";
    try {
      new RegExp(escape(pattern), "u");
    } catch (err) {
      return `cannot be matched (${(err as Error).message})`;
    }
    return null;
  }
  let re: RegExp;
  try {
    re = new RegExp(pattern, "u");
  } catch (err) {
    return `is not a valid regular expression (${(err as Error).message})`;
  }
  if (!safeRegex(pattern)) {
    return "may take exponential time (nested quantifiers such as (a+)+); rewrite it";
  }
  if (re.test("")) return "matches empty text, so it would flag every segment";
  return null;
}

function toRegExp(kind: RuleKind, pattern: string, caseSensitive: boolean): RegExp {
  const problem = rulePatternProblem(kind, pattern);
  if (problem) throw new Error(`Pattern "${pattern}" ${problem}`);
  const body = kind === "literal" ? escape(pattern) : pattern;
  return new RegExp(body, caseSensitive ? "gu" : "giu");
}

/** The rule ready to run; throws when a pattern is unusable (validate input first). */
export function compileRule(spec: RuleSpec): CompiledRule {
  return {
    id: spec.id,
    target: toRegExp(spec.kind, spec.pattern, spec.caseSensitive),
    source:
      spec.sourcePattern === null
        ? null
        : toRegExp(spec.kind, spec.sourcePattern, spec.caseSensitive),
    message: spec.message,
    severity: spec.severity,
  };
}

export interface RuleScope {
  sourceLang: string | null;
  targetLang: string | null;
  /** "name" or "name@version"; null = every engine. */
  engine: string | null;
}

/** Whether a rule with this scope applies to an article of this pair and engine. */
export function ruleApplies(
  scope: RuleScope,
  article: { sourceLang: string; targetLang: string; engine: { name: string; version: string } },
): boolean {
  if (scope.sourceLang !== null && scope.sourceLang !== article.sourceLang) return false;
  if (scope.targetLang !== null && scope.targetLang !== article.targetLang) return false;
  if (scope.engine === null) return true;
  const [name, version] = scope.engine.split("@");
  return (
    name === article.engine.name && (version === undefined || version === article.engine.version)
  );
}

export function checkRules(ctx: CheckContext, now: () => number = Date.now): Warning[] {
  const warnings: Warning[] = [];
  for (const rule of ctx.rules ?? []) {
    const started = now();
    for (const seg of ctx.segments) {
      if (now() - started > RULE_LIMITS.timeBudgetMs) break;
      if (rule.source) {
        rule.source.lastIndex = 0;
        if (seg.source === null || !rule.source.test(seg.source)) continue;
      }
      rule.target.lastIndex = 0;
      let found = 0;
      for (const m of seg.text.matchAll(rule.target)) {
        if (m[0].length === 0) continue;
        warnings.push({
          segmentIndex: seg.index,
          check: "rule",
          message: rule.message,
          start: m.index,
          end: m.index + m[0].length,
          ruleId: rule.id,
          severity: rule.severity,
        });
        if (++found >= RULE_LIMITS.maxMatchesPerSegment) break;
      }
    }
  }
  return warnings;
}
