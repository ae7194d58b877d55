// Plain, JSON-safe shapes the quality API returns and the workspace components render.
// No Prisma or server imports, so client components can import them.

import type { RuleSeverity, WarningCheck } from "./checks/types";
import type { MqmWeights } from "./mqm";

export type AnnotationTarget = "TEXT" | "MT";
export type AnnotationStatus = "OPEN" | "RESOLVED" | "REJECTED";

export interface AnnotationDto {
  id: string;
  articleId: string;
  segmentIndex: number;
  /** Revision the annotation was made on; offsets and quote refer to the text at that revision. */
  revisionNumber: number;
  /** "TEXT": the segment's text at revisionNumber; "MT": the machine translation. */
  target: AnnotationTarget;
  /** UTF-16 offsets (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  /** The spanned text when the annotation was made; shown when the text has changed since. */
  quote: string;
  /** Canonical MQM category, "Top" or "Top/Sub". */
  category: string;
  severity: string;
  note: string | null;
  status: AnnotationStatus;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export interface WarningDto {
  segmentIndex: number;
  check: WarningCheck;
  message: string;
  start?: number;
  end?: number;
  /** check "rule": the custom rule and its severity. */
  ruleId?: string;
  severity?: RuleSeverity;
  /** check "approved-name": the approved spelling to put in place of [start, end). */
  replacement?: string;
  /** Stable id of this warning (check + segment + message), used to dismiss it. */
  fingerprint: string;
}

export interface MqmSummaryDto {
  penalty: number;
  per1000Words: number;
  count: number;
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
  weights: MqmWeights;
}

export interface ArticleQualityDto {
  revision: number;
  /** Words in the text at `revision` (whitespace-separated), the MQM denominator. */
  wordCount: number;
  /** TER of the MT against the text at `revision` (corpus over segments), 0–100+. */
  hter: number;
  /** chrF of the MT against the text at `revision` (corpus over segments), 0–100. */
  chrf: number;
  /** Sum over segments of the word-level Levenshtein distance MT → text. */
  wordEditDistance: number;
  /** Share (0–1) of segments whose text differs from the MT. */
  editedShare: number;
  mqm: MqmSummaryDto;
}
