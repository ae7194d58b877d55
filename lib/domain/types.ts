// Shapes shared by the pure domain modules (text, ingest, quality, formats).
// They mirror the database model but carry no Prisma types, so lib/ stays framework-free.
// The enums are the schema's own: Prisma generates them as plain constants in
// lib/db/generated/enums.ts (no client), so a new value is added in prisma/schema.prisma only.
import {
  AnnotationStatus,
  ArticleStatus,
  FeedbackCategory,
  FeedbackStatus,
  RevisionKind,
  Role,
  SegmentKind,
} from "@/lib/db/generated/enums";
import type { ArticleMetadata } from "@/lib/ingest/metadata";

export {
  AnnotationStatus,
  ArticleStatus,
  FeedbackCategory,
  FeedbackStatus,
  RevisionKind,
  Role,
  SegmentKind,
};

/** An enum's values in schema order, typed as a non-empty tuple (what `z.enum` wants). */
export function enumValues<T extends Record<string, string>>(e: T): [T[keyof T], ...T[keyof T][]] {
  return Object.values(e) as [T[keyof T], ...T[keyof T][]];
}

/** One segment as ingested: index 0 is the title, body segments follow from 1. */
export interface IngestSegment {
  kind: SegmentKind;
  source: string | null;
  mt: string;
}

/** A segment as the review workspace and exports see it at some revision. */
export interface SegmentView {
  index: number;
  kind: SegmentKind;
  source: string | null;
  mt: string;
  /** Text at the chosen revision (equals mt at revision 1). */
  text: string;
}

/** The outlet's metadata fields (lib/ingest/metadata.ts) come with every article. */
export interface ArticleMeta extends ArticleMetadata {
  id: string;
  slug: string;
  externalId: string | null;
  outlet: string | null;
  sourceLang: string;
  targetLang: string;
  engine: { name: string; version: string | null };
  status: ArticleStatus;
  footer: string | null;
  revision: number;
}

export interface ArticleView extends ArticleMeta {
  segments: SegmentView[];
}
