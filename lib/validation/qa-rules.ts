import { z } from "zod";
import { RULE_LIMITS, rulePatternProblem } from "@/lib/quality/checks/custom-rules";
import { langTag, safeText } from "./common";

// A custom QA rule as sent to POST/PATCH /api/v1/qa-rules and the rules page (issue 16).
// Patterns are checked here (length, syntax, catastrophic backtracking) so a bad one is a 400
// naming the problem and never reaches the checks.

const lang = langTag.transform((s) => s.toLowerCase());
const optional = <T extends z.ZodType>(s: T) =>
  s.nullish().transform((v) => (v === undefined ? null : v));

const ruleFields = {
  kind: z.enum(["literal", "regex"]),
  pattern: safeText(RULE_LIMITS.maxPatternChars).refine((s) => s.trim().length > 0, "is required"),
  sourcePattern: optional(
    safeText(RULE_LIMITS.maxPatternChars).refine((s) => s.length > 0, "is empty"),
  ),
  caseSensitive: z.boolean().default(false),
  message: safeText(RULE_LIMITS.maxMessageChars)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, "is required"),
  severity: z.enum(["info", "warning", "error"]).default("warning"),
  sourceLang: optional(lang),
  targetLang: optional(lang),
  engine: optional(z.string().trim().min(1).max(200)),
  enabled: z.boolean().default(true),
};

function checkPatterns(
  rule: { kind?: "literal" | "regex"; pattern?: string; sourcePattern?: string | null },
  ctx: z.RefinementCtx,
  kindIfAbsent?: "literal" | "regex",
) {
  const kind = rule.kind ?? kindIfAbsent;
  if (!kind) return;
  for (const field of ["pattern", "sourcePattern"] as const) {
    const value = rule[field];
    if (typeof value !== "string") continue;
    const problem = rulePatternProblem(kind, value);
    if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem });
  }
}

export const qaRuleSchema = z
  .object(ruleFields)
  .strict()
  .superRefine((r, ctx) => checkPatterns(r, ctx));

export type QaRuleInput = z.infer<typeof qaRuleSchema>;

/** PATCH: any subset of the fields. Patterns sent without `kind` are checked by the server
 * against the stored kind (qaRulePatchProblems). */
export const qaRulePatchSchema = z
  .object({
    kind: ruleFields.kind.optional(),
    pattern: ruleFields.pattern.optional(),
    sourcePattern: safeText(RULE_LIMITS.maxPatternChars)
      .refine((s) => s.length > 0, "is empty")
      .nullable()
      .optional(),
    caseSensitive: z.boolean().optional(),
    message: ruleFields.message.optional(),
    severity: z.enum(["info", "warning", "error"]).optional(),
    sourceLang: lang.nullable().optional(),
    targetLang: lang.nullable().optional(),
    engine: z.string().trim().min(1).max(200).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), "send at least one field")
  .superRefine((r, ctx) => checkPatterns(r, ctx));

export type QaRulePatch = z.infer<typeof qaRulePatchSchema>;
