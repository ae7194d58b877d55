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

export interface Warning {
  segmentIndex: number;
  check: CheckId;
  /** A human-readable sentence. */
  message: string;
  /** Character offsets into the segment's target text (end exclusive), when locatable. */
  start?: number;
  end?: number;
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
}

export type Check = (ctx: CheckContext) => Warning[];
