import { describe, expect, it } from "vitest";
import { runChecks } from "@/lib/quality/checks";
import {
  RULE_LIMITS,
  checkRules,
  compileRule,
  ruleApplies,
  rulePatternProblem,
  type RuleSpec,
} from "@/lib/quality/checks/custom-rules";
import { context } from "./context";

const spec = (s: Partial<RuleSpec>): RuleSpec => ({
  id: "r1",
  kind: "literal",
  pattern: "the person concerned",
  sourcePattern: null,
  caseSensitive: false,
  message: "Say who it is",
  severity: "warning",
  ...s,
});

describe("custom QA rules", () => {
  it("flag each literal occurrence with check rule, ruleId, span and severity", () => {
    const ctx = context(["The person concerned left. Later the person concerned spoke."], {
      rules: [compileRule(spec({}))],
    });
    const warnings = runChecks(ctx);
    expect(warnings).toEqual([
      expect.objectContaining({
        check: "rule",
        ruleId: "r1",
        severity: "warning",
        start: 0,
        end: 20,
      }),
      expect.objectContaining({ check: "rule", ruleId: "r1", start: 33, end: 53 }),
    ]);
  });

  it("treat a literal's special characters literally and honour case sensitivity", () => {
    const literal = compileRule(spec({ pattern: "U.S.", caseSensitive: true }));
    expect(checkRules(context(["the U.S. and uas"], { rules: [literal] }))).toHaveLength(1);
    expect(checkRules(context(["the u.s. side"], { rules: [literal] }))).toHaveLength(0);
    const hyphen = compileRule(spec({ pattern: "son-in-law (eldest)/[x]" }));
    expect(
      checkRules(context(["His son-in-law (eldest)/[x] came"], { rules: [hyphen] })),
    ).toHaveLength(1);
  });

  it("fire only where the source condition matches", () => {
    const rule = compileRule(
      spec({ kind: "regex", pattern: "\\bson-in-law\\b", sourcePattern: "맏사위" }),
    );
    const ctx = context(
      [
        ["그의 맏사위가 왔다.", "His eldest son-in-law came."],
        ["그의 사위가 왔다.", "His son-in-law came."],
        [null, "A son-in-law without source."],
      ],
      { rules: [rule] },
    );
    expect(checkRules(ctx).map((w) => w.segmentIndex)).toEqual([0]);
  });

  it("reject empty, overlong, invalid, empty-matching and catastrophic patterns", () => {
    expect(rulePatternProblem("literal", "")).toMatch(/empty/);
    expect(rulePatternProblem("literal", "x".repeat(RULE_LIMITS.maxPatternChars + 1))).toMatch(
      /longer/,
    );
    expect(rulePatternProblem("regex", "(unclosed")).toMatch(/not a valid/);
    expect(rulePatternProblem("regex", "a*")).toMatch(/empty text/);
    expect(rulePatternProblem("regex", "(a+)+$")).toMatch(/exponential/);
    expect(rulePatternProblem("regex", "(\\w+\\s?)*$")).toMatch(/exponential/);
    expect(rulePatternProblem("regex", "\\beldest son-in-law\\b")).toBeNull();
    expect(() => compileRule(spec({ kind: "regex", pattern: "(a+)+$" }))).toThrow(/exponential/);
  });

  it("stop a rule on an article once it has spent its time budget", () => {
    let clock = 0;
    const now = () => clock;
    const rule = compileRule(spec({ pattern: "x" }));
    const segments = ["x", "x", "x"];
    const ctx = context(segments, { rules: [rule] });
    // Each call to now() advances the clock past half the budget: the third segment is skipped.
    const ticking = () => {
      clock += RULE_LIMITS.timeBudgetMs / 2 + 1;
      return now();
    };
    expect(checkRules(ctx, ticking).map((w) => w.segmentIndex)).toEqual([0]);
    expect(checkRules(ctx, () => 0)).toHaveLength(3);
  });

  it("apply by language pair and engine", () => {
    const article = { sourceLang: "ko", targetLang: "en", engine: { name: "Nova", version: "3" } };
    const any = { sourceLang: null, targetLang: null, engine: null };
    expect(ruleApplies(any, article)).toBe(true);
    expect(ruleApplies({ ...any, sourceLang: "ja" }, article)).toBe(false);
    expect(ruleApplies({ ...any, targetLang: "en" }, article)).toBe(true);
    expect(ruleApplies({ ...any, engine: "Nova" }, article)).toBe(true);
    expect(ruleApplies({ ...any, engine: "Nova@3" }, article)).toBe(true);
    expect(ruleApplies({ ...any, engine: "Nova@2" }, article)).toBe(false);
    expect(ruleApplies({ ...any, engine: "Other" }, article)).toBe(false);
  });
});
