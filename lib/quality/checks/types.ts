// Shapes shared by the automatic QA checks. Each check is a pure function of CheckContext.

import type { SegmentKind } from "@/lib/domain/types";

export const CHECK_IDS = [
  "number-mismatch",
  "name-inconsistency",
  "untranslated",
  "glossary",
  "punctuation",
  "literalism",
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/**
 * Checks fed by newsroom data rather than built-in rules (issue 16): custom QA rules and the
 * approved spellings of names. They run only when the context carries their data, so the
 * evaluation set (which has none) scores the built-in checks alone.
 */
export const DATA_CHECK_IDS = ["rule", "approved-name"] as const;
export const WARNING_CHECK_IDS = [...CHECK_IDS, ...DATA_CHECK_IDS] as const;
export type WarningCheck = (typeof WARNING_CHECK_IDS)[number];

export type RuleSeverity = "info" | "warning" | "error";

export interface Warning {
  segmentIndex: number;
  check: WarningCheck;
  /** A human-readable sentence. */
  message: string;
  /** Character offsets into the segment's target text (end exclusive), when locatable. */
  start?: number;
  end?: number;
  /** check "rule": the custom rule that fired, and the severity its author gave it. */
  ruleId?: string;
  severity?: RuleSeverity;
  /** check "approved-name": the approved spelling that should replace [start, end). */
  replacement?: string;
}

export interface CheckSegment {
  index: number;
  /** Null when the article was ingested without source text. */
  source: string | null;
  /** Target text being checked. */
  text: string;
  /**
   * The segment's kind when the caller knows it. Captions follow their own conventions (Korean
   * captions put the family name first), so some checks read it; absent means unknown.
   */
  kind?: SegmentKind;
}

export interface GlossaryEntry {
  source: string;
  target: string;
  note?: string | null;
}

export interface LiteralismPattern {
  pattern: RegExp;
  message: string;
}

export interface CheckContext {
  sourceLang: string;
  targetLang: string;
  segments: CheckSegment[];
  glossary: GlossaryEntry[];
  literalismPatterns?: LiteralismPattern[];
  /** Custom QA rules in force for this article (already filtered by language pair and engine). */
  rules?: CompiledRule[];
  /** The newsroom's approved spellings of names. */
  approvedNames?: ApprovedName[];
}

export interface CompiledRule {
  id: string;
  /** Matches the target text; global + unicode. */
  target: RegExp;
  /** When set, the rule fires only on segments whose source matches it. */
  source: RegExp | null;
  message: string;
  severity: RuleSeverity;
}

export interface ApprovedName {
  /** The spelling reviewers approved, e.g. "Volodymyr Zelenskyy". */
  spelling: string;
  kind: "PERSON" | "PLACE" | "ORGANIZATION";
}

export type Check = (ctx: CheckContext) => Warning[];
