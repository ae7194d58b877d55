// MQM (Multidimensional Quality Metrics) error taxonomy and scoring.
//
// The taxonomy and weights follow the expert MQM annotations in
// Freitag, Foster, Grangier, Ratnakar, Tan & Macherey (2021),
// "Experts, Errors, and Context: A Large-Scale Study of Human Evaluation for Machine
// Translation", TACL 9:1460–1474 (https://aclanthology.org/2021.tacl-1.87), as used in the
// WMT Metrics shared tasks since 2021.

import { z } from "zod";

export const MQM_CATEGORIES = [
  {
    top: "Accuracy",
    subs: ["Mistranslation", "Omission", "Addition", "Untranslated"],
  },
  {
    top: "Fluency",
    subs: ["Grammar", "Spelling", "Punctuation", "Inconsistency"],
  },
  // Subtypes added later (Freitag et al. 2021 plus MQM core's "Unidiomatic"); the category is a
  // free string in the database, so annotations stored as a bare "Style" keep parsing.
  { top: "Terminology", subs: ["Inappropriate for context", "Inconsistent use"] },
  { top: "Style", subs: ["Awkward", "Unidiomatic"] },
  {
    top: "Locale convention",
    subs: [
      "Address format",
      "Currency format",
      "Date format",
      "Name format",
      "Number format",
      "Telephone format",
      "Time format",
    ],
  },
  { top: "Non-translation", subs: [] },
  { top: "Source issue", subs: [] },
  { top: "Other", subs: [] },
] as const satisfies readonly { top: string; subs: readonly string[] }[];

export type MqmTopCategory = (typeof MQM_CATEGORIES)[number]["top"];

export interface MqmCategory {
  top: string;
  sub: string | null;
}

/** Every valid category spelled canonically: "Accuracy", "Accuracy/Omission", …, "Other". */
export const MQM_CATEGORY_NAMES: readonly string[] = MQM_CATEGORIES.flatMap((c) => [
  c.top,
  ...c.subs.map((sub) => `${c.top}/${sub}`),
]);

/** Parses "Top" or "Top/Sub" case-insensitively into canonical spelling; null if unknown. */
export function parseCategory(s: string): MqmCategory | null {
  const [rawTop, rawSub, ...rest] = s.split("/").map((part) => part.trim().toLowerCase());
  if (rawTop === undefined || rest.length > 0) return null;
  const entry = MQM_CATEGORIES.find((c) => c.top.toLowerCase() === rawTop);
  if (!entry) return null;
  if (rawSub === undefined) return { top: entry.top, sub: null };
  const subs: readonly string[] = entry.subs;
  const sub = subs.find((candidate) => candidate.toLowerCase() === rawSub);
  return sub ? { top: entry.top, sub } : null;
}

export function formatCategory(c: MqmCategory): string {
  return c.sub ? `${c.top}/${c.sub}` : c.top;
}

/** Accepts any spelling parseCategory accepts and outputs the canonical "Top" or "Top/Sub". */
export const mqmCategorySchema = z.string().transform((value, ctx) => {
  const parsed = parseCategory(value);
  if (parsed) return formatCategory(parsed);
  ctx.addIssue({
    code: "custom",
    message: `Unknown MQM category "${value}". Valid categories: ${MQM_CATEGORY_NAMES.join(", ")}.`,
  });
  return z.NEVER;
});

export const MQM_SEVERITIES = ["neutral", "minor", "major", "critical"] as const;
export const mqmSeveritySchema = z.enum(MQM_SEVERITIES);
export type MqmSeverity = z.infer<typeof mqmSeveritySchema>;

export const mqmWeightsSchema = z.object({
  severity: z.object({
    neutral: z.number().nonnegative(),
    minor: z.number().nonnegative(),
    major: z.number().nonnegative(),
    critical: z.number().nonnegative(),
  }),
  /** Replaces the severity weight for Non-translation errors (any severity except neutral). */
  nonTranslation: z.number().nonnegative(),
  /** Replaces the minor weight for Fluency/Punctuation errors. */
  minorPunctuation: z.number().nonnegative(),
});
export type MqmWeights = z.infer<typeof mqmWeightsSchema>;

/**
 * Error weighting of Freitag et al. (2021): major 5, minor 1, minor Fluency/Punctuation 0.1,
 * Non-translation 25, neutral 0. The paper has no "critical" level; we weight it like a
 * non-translation (25), the heaviest penalty in that scheme.
 */
export const DEFAULT_MQM_WEIGHTS: MqmWeights = {
  severity: { neutral: 0, minor: 1, major: 5, critical: 25 },
  nonTranslation: 25,
  minorPunctuation: 0.1,
};

/** Severity as stored; the database keeps a free string, so upper case is tolerated. */
export type MqmSeverityInput = MqmSeverity | Uppercase<MqmSeverity>;

export interface MqmAnnotationInput {
  category: string;
  severity: MqmSeverityInput;
  /** Annotation status; "REJECTED" annotations are not errors and are left out of scores. */
  status?: string;
}

export function annotationPenalty(
  a: Pick<MqmAnnotationInput, "category" | "severity">,
  weights: MqmWeights = DEFAULT_MQM_WEIGHTS,
): number {
  const severity = a.severity.toLowerCase() as MqmSeverity;
  if (severity === "neutral") return weights.severity.neutral;
  const category = parseCategory(a.category);
  if (category?.top === "Non-translation") return weights.nonTranslation;
  if (severity === "minor" && category?.top === "Fluency" && category.sub === "Punctuation") {
    return weights.minorPunctuation;
  }
  return weights.severity[severity] ?? 0;
}

export interface MqmScore {
  /** Sum of annotation penalties (lower is better; 0 = no errors found). */
  penalty: number;
  /** penalty / wordCount × 1000; 0 when the word count is 0. */
  per1000Words: number;
  /** Annotations that counted (rejected ones excluded). */
  count: number;
  /** Penalty per top-level category (unknown categories keep their own spelling). */
  byCategory: Record<string, number>;
  /** Penalty per severity. */
  bySeverity: Record<string, number>;
}

/**
 * MQM score of one translation: the sum of weighted error penalties (Freitag et al. 2021).
 *
 * The raw sum grows with text length, so it is also normalised per 1000 words of the
 * assessed text (penalty ÷ wordCount × 1000). That makes a 300-word brief comparable with
 * a 2000-word feature. The paper averages per segment instead; per-word normalisation
 * suits whole articles whose segment counts vary widely.
 *
 * Rejected annotations (status "REJECTED") were judged not to be errors and are skipped.
 * Resolved ones still count: the error was in the translation being scored.
 */
export function mqmScore(
  annotations: readonly MqmAnnotationInput[],
  wordCount: number,
  weights: MqmWeights = DEFAULT_MQM_WEIGHTS,
): MqmScore {
  let penalty = 0;
  let count = 0;
  const byCategory: Record<string, number> = {};
  const bySeverity: Record<string, number> = {};

  for (const a of annotations) {
    if (a.status?.toUpperCase() === "REJECTED") continue;
    const points = annotationPenalty(a, weights);
    const categoryKey = parseCategory(a.category)?.top ?? a.category.trim();
    const severityKey = a.severity.toLowerCase();
    penalty += points;
    count += 1;
    byCategory[categoryKey] = roundPoints((byCategory[categoryKey] ?? 0) + points);
    bySeverity[severityKey] = roundPoints((bySeverity[severityKey] ?? 0) + points);
  }

  penalty = roundPoints(penalty);
  const per1000Words = wordCount > 0 ? roundPoints((penalty / wordCount) * 1000) : 0;
  return { penalty, per1000Words, count, byCategory, bySeverity };
}

// 0.1-point penalties accumulate binary floating-point noise (0.1 + 0.2 ≠ 0.3).
function roundPoints(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
