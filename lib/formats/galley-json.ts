// The Galley article document: one article with its whole history, for moving an article between
// installations without loss (GET …/export?format=json, POST /api/v1/articles/import, the CLI).
// Users are referenced by email, because database ids mean nothing in another installation;
// article, publication, annotation and feedback ids are kept so a re-export is identical.
// Left out on purpose: readers' IP hashes (keyed with this installation's secret, so useless
// elsewhere, and personal data that should not travel in files) and API token ids.

import { z } from "zod";
import { AnnotationStatus, ArticleStatus, RevisionKind, SegmentKind } from "@/lib/domain/types";
import { metadataDocumentShape } from "@/lib/ingest/metadata";
import { INGEST_LIMITS } from "@/lib/ingest/schema";
import {
  cuidParam,
  DATE_RANGE_MESSAGE,
  langTag,
  safeText,
  saneDateString,
} from "@/lib/validation/common";

export const GALLEY_ARTICLE_FORMAT = "galley-article";
export const GALLEY_ARTICLE_VERSION = 1;

const MAX_ITEMS = 100_000;
const timestamp = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
  .refine(saneDateString, DATE_RANGE_MESSAGE);
const email = z.email("must be an email address").max(320);
const count = z.int32().min(0);
const revisionNo = z.int32().min(1);
const text = safeText(INGEST_LIMITS.maxSegmentChars);
const id = cuidParam;

const statusSchema = z.enum(ArticleStatus);

const articleSchema = z.object({
  id,
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, "must be lowercase letters, digits and hyphens")
    .max(100),
  externalId: z.string().min(1).max(200).nullable(),
  outlet: z.string().min(1).max(200).nullable(),
  ...metadataDocumentShape,
  sourceLang: langTag,
  targetLang: langTag,
  engine: z.object({
    name: z.string().min(1).max(100),
    version: z.string().min(1).max(100).nullable(),
  }),
  status: statusSchema,
  footer: safeText(5000).nullable(),
  currentRevision: revisionNo,
  publishedRevision: revisionNo.nullable(),
  approvedRevision: revisionNo.nullable(),
  contentHash: z.string().min(1).max(200),
  assignee: email.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const segmentSchema = z.object({
  index: count,
  kind: z.enum(SegmentKind),
  source: text.nullable(),
  mt: text,
});

const revisionSchema = z.object({
  number: revisionNo,
  parent: revisionNo.nullable(),
  kind: z.enum(RevisionKind),
  author: email.nullable(),
  createdAt: timestamp,
  summary: safeText(5000).nullable(),
  status: statusSchema,
  revertedTo: revisionNo.nullable(),
  feedbackId: id.nullable(),
  stats: z.object({ wordsAdded: count, wordsRemoved: count, segmentsChanged: count }),
  /** The segment texts this revision wrote (revision 1: every segment). */
  texts: z.array(z.object({ index: count, text })).max(INGEST_LIMITS.maxSegments + 1),
});

const publicationSchema = z.object({
  id,
  revision: revisionNo,
  note: safeText(5000).nullable(),
  publishedBy: email.nullable(),
  publishedAt: timestamp,
});

/**
 * A published correction: a publication of a new revision after the first one
 * (lib/domain/corrections.ts). Derived from `publications` for systems that read corrections
 * without knowing Galley's rules; an import ignores it. Optional: documents exported before
 * it existed still import.
 */
const correctionSchema = z.object({
  revision: revisionNo,
  note: safeText(5000).nullable(),
  publishedAt: timestamp,
});

const annotationSchema = z.object({
  id,
  revision: revisionNo,
  segmentIndex: count,
  target: z.string().min(1).max(20),
  start: count,
  end: count,
  quote: safeText(INGEST_LIMITS.maxSegmentChars),
  category: z.string().min(1).max(200),
  severity: z.string().min(1).max(50),
  note: safeText(5000).nullable(),
  status: z.enum(AnnotationStatus),
  author: email,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const feedbackSchema = z.object({
  id,
  revisionSeen: revisionNo,
  segmentIndex: count.nullable(),
  quote: safeText(INGEST_LIMITS.maxSegmentChars).nullable(),
  quoteStart: count.nullable(),
  quoteEnd: count.nullable(),
  category: z.enum([
    "MISTRANSLATION",
    "NAME_OR_TERM",
    "GRAMMAR_OR_TYPO",
    "UNCLEAR",
    "MISSING_OR_ADDED",
    "OTHER",
  ]),
  suggestion: safeText(INGEST_LIMITS.maxSegmentChars).nullable(),
  comment: safeText(10_000),
  contact: safeText(500).nullable(),
  status: z.enum(["NEW", "ACCEPTED", "REJECTED", "DUPLICATE", "SPAM"]),
  resolvingRevision: revisionNo.nullable(),
  /** May name feedback on another article; kept only if that item exists where imported. */
  duplicateOf: id.nullable(),
  triageNote: safeText(5000).nullable(),
  triagedBy: email.nullable(),
  triagedAt: timestamp.nullable(),
  createdAt: timestamp,
});

const qaDismissalSchema = z.object({
  segmentIndex: count,
  check: z.string().min(1).max(200),
  fingerprint: z.string().min(1).max(500),
  reason: safeText(5000).nullable(),
  dismissedBy: email,
  createdAt: timestamp,
});

export const galleyArticleDocumentSchema = z
  .object({
    format: z.literal(GALLEY_ARTICLE_FORMAT),
    version: z.literal(GALLEY_ARTICLE_VERSION),
    exportedAt: timestamp,
    /** Everyone the document names, so an import can create missing users with their names. */
    users: z.array(z.object({ email, name: safeText(200) })).max(MAX_ITEMS),
    article: articleSchema,
    segments: z
      .array(segmentSchema)
      .min(1)
      .max(INGEST_LIMITS.maxSegments + 1),
    revisions: z.array(revisionSchema).min(1).max(MAX_ITEMS),
    publications: z.array(publicationSchema).max(MAX_ITEMS),
    corrections: z.array(correctionSchema).max(MAX_ITEMS).optional(),
    annotations: z.array(annotationSchema).max(MAX_ITEMS),
    feedback: z.array(feedbackSchema).max(MAX_ITEMS),
    qaDismissals: z.array(qaDismissalSchema).max(MAX_ITEMS),
  })
  .superRefine((doc, ctx) => {
    for (const issue of consistencyIssues(doc)) ctx.addIssue({ code: "custom", ...issue });
  });

export type GalleyArticleDocument = z.infer<typeof galleyArticleDocumentSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Cross-field rules the database relies on but a schema per field cannot see. */
function consistencyIssues(doc: GalleyArticleDocument): Issue[] {
  const issues: Issue[] = [];
  const segmentCount = doc.segments.length;
  doc.segments.forEach((s, i) => {
    if (s.index !== i) issues.push({ path: ["segments", i, "index"], message: `must be ${i}` });
  });
  if (doc.segments[0] && doc.segments[0].kind !== "TITLE") {
    issues.push({ path: ["segments", 0, "kind"], message: "segment 0 must be the TITLE" });
  }
  const current = doc.article.currentRevision;
  doc.revisions.forEach((r, i) => {
    if (r.number !== i + 1) {
      issues.push({ path: ["revisions", i, "number"], message: `must be ${i + 1}` });
    }
    r.texts.forEach((t, j) => {
      if (t.index >= segmentCount) {
        issues.push({
          path: ["revisions", i, "texts", j, "index"],
          message: `segment ${t.index} does not exist`,
        });
      }
    });
  });
  if (doc.revisions.length !== current) {
    issues.push({
      path: ["article", "currentRevision"],
      message: `is ${current} but the document has ${doc.revisions.length} revisions`,
    });
  }
  const first = new Set(doc.revisions[0]?.texts.map((t) => t.index));
  if (first.size !== segmentCount) {
    issues.push({ path: ["revisions", 0, "texts"], message: "revision 1 must set every segment" });
  }
  const upTo = (path: (string | number)[], n: number | null) => {
    if (n !== null && n > current) {
      issues.push({ path, message: `revision ${n} does not exist (current is ${current})` });
    }
  };
  upTo(["article", "publishedRevision"], doc.article.publishedRevision);
  upTo(["article", "approvedRevision"], doc.article.approvedRevision);
  doc.publications.forEach((p, i) => upTo(["publications", i, "revision"], p.revision));
  doc.annotations.forEach((a, i) => {
    upTo(["annotations", i, "revision"], a.revision);
    if (a.segmentIndex >= segmentCount) {
      issues.push({ path: ["annotations", i, "segmentIndex"], message: "segment does not exist" });
    }
  });
  doc.feedback.forEach((f, i) => {
    upTo(["feedback", i, "revisionSeen"], f.revisionSeen);
    upTo(["feedback", i, "resolvingRevision"], f.resolvingRevision);
    if (f.segmentIndex !== null && f.segmentIndex >= segmentCount) {
      issues.push({ path: ["feedback", i, "segmentIndex"], message: "segment does not exist" });
    }
  });
  return issues;
}

/** Every email the document refers to, lower-cased and de-duplicated. */
export function referencedEmails(doc: GalleyArticleDocument): string[] {
  const all = [
    doc.article.assignee,
    ...doc.revisions.map((r) => r.author),
    ...doc.publications.map((p) => p.publishedBy),
    ...doc.annotations.map((a) => a.author),
    ...doc.feedback.map((f) => f.triagedBy),
    ...doc.qaDismissals.map((q) => q.dismissedBy),
  ];
  return [...new Set(all.filter((e): e is string => e !== null).map((e) => e.toLowerCase()))];
}

/** True when parsed JSON claims to be a Galley article document (before full validation). */
export function looksLikeGalleyDocument(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { format?: unknown }).format === GALLEY_ARTICLE_FORMAT
  );
}
