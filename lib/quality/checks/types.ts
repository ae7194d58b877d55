// Shapes shared by the automatic QA checks. Each check is a pure function of CheckContext.

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
