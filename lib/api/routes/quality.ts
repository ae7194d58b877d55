import { z } from "zod";
import { AnnotationStatus } from "@/lib/db/generated/enums";
import { WARNING_CHECK_IDS } from "@/lib/quality/checks/types";
import { glossaryTermSchema } from "@/lib/validation/glossary";
import { defineRoute } from "../contract";
import {
  createAnnotationSchema,
  dismissWarningSchema,
  glossaryQuerySchema,
  metricsQuerySchema,
  qualityQuerySchema,
  updateAnnotationSchema,
} from "../schemas/quality";
import { createdOrUnchanged, isoDateTime } from "./common";

const NOT_FOUND = { 404: "No such article" } as const;
const CSV = ["text/csv"] as const;
const count = z.number().int();

const annotationSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  segmentIndex: z.number().int(),
  revisionNumber: z.number().int().meta({ description: "Revision the span was marked on" }),
  target: createAnnotationSchema.shape.target.unwrap(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  category: z.string(),
  severity: z.string(),
  note: z.string().nullable(),
  status: z.enum(AnnotationStatus),
  author: z.object({ id: z.string(), name: z.string() }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** MQM weights (lib/quality/mqm.ts) the scores were computed with. */
const mqmWeightsSchema = z.object({
  severity: z.object({
    neutral: z.number(),
    minor: z.number(),
    major: z.number(),
    critical: z.number(),
  }),
  nonTranslation: z.number(),
  minorPunctuation: z.number(),
});

const glossaryEntrySchema = z.object({
  id: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  sourceTerm: z.string(),
  targetTerm: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  updatedAt: isoDateTime,
});

export const listAnnotations = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/annotations",
  summary: "MQM error annotations on the article",
  tag: "quality",
  permission: "read:article",
  responses: [
    {
      status: 200,
      description: "Annotations",
      schema: z.object({ items: z.array(annotationSchema) }),
    },
  ],
  errors: NOT_FOUND,
});

export const createAnnotation = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/annotations",
  summary: "Annotate a span of one segment",
  tag: "quality",
  permission: "annotate:revision",
  body: createAnnotationSchema,
  responses: [{ status: 201, description: "Created", schema: annotationSchema }],
  errors: { ...NOT_FOUND, 409: "The quoted text no longer matches" },
});

export const updateAnnotation = defineRoute({
  method: "PATCH",
  path: "/api/v1/articles/{id}/annotations/{annotationId}",
  summary: "Edit or settle an annotation",
  description:
    "Edit (author only: category, severity, note) and/or settle (status: author or approver).",
  tag: "quality",
  permission: "annotate:revision",
  body: updateAnnotationSchema,
  responses: [{ status: 200, description: "The annotation", schema: annotationSchema }],
  errors: { 404: "No such article or annotation" },
});

export const listWarnings = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/checks",
  summary: "QA warnings on the current text",
  tag: "quality",
  permission: "read:article",
  responses: [
    {
      status: 200,
      description: "Warnings not dismissed",
      schema: z.object({
        items: z.array(
          z.object({
            segmentIndex: z.number().int(),
            check: z.enum(WARNING_CHECK_IDS),
            message: z.string(),
            start: z.number().int().optional(),
            end: z.number().int().optional(),
            ruleId: z.string().optional().meta({ description: "check rule: the custom rule" }),
            severity: z.enum(["info", "warning", "error"]).optional(),
            replacement: z
              .string()
              .optional()
              .meta({ description: "check approved-name: the approved spelling" }),
            fingerprint: z.string().meta({ description: "Identifies the warning for dismissal" }),
          }),
        ),
      }),
    },
  ],
  errors: NOT_FOUND,
});

const dismissResultSchema = z.object({ created: z.boolean(), id: z.string() });

export const dismissWarning = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/checks/dismiss",
  summary: "Dismiss a QA warning",
  tag: "quality",
  permission: "dismiss:qa",
  body: dismissWarningSchema,
  responses: createdOrUnchanged(dismissResultSchema, "Recorded", "Already dismissed"),
  errors: { 404: "No such article, or no such warning now" },
});

export const getQuality = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/quality",
  summary: "HTER, chrF, word edits and MQM score at a revision",
  tag: "quality",
  permission: "read:article",
  query: qualityQuerySchema,
  responses: [
    {
      status: 200,
      description: "Quality figures",
      schema: z.object({
        revision: z.number().int(),
        wordCount: count,
        hter: z.number(),
        chrf: z.number(),
        wordEditDistance: count,
        editedShare: z.number(),
        mqm: z.object({
          penalty: z.number(),
          per1000Words: z.number(),
          count,
          byCategory: z.record(z.string(), z.number()),
          bySeverity: z.record(z.string(), z.number()),
          weights: mqmWeightsSchema,
        }),
      }),
    },
  ],
  errors: NOT_FOUND,
});

export const listGlossary = defineRoute({
  method: "GET",
  path: "/api/v1/glossary",
  summary: "Glossary terms (JSON, or CSV with format=csv)",
  tag: "quality",
  permission: "read:article",
  query: glossaryQuerySchema,
  responses: [
    {
      status: 200,
      description: "Terms",
      schema: z.object({
        items: z.array(glossaryEntrySchema),
        truncated: z.boolean().meta({ description: "More terms match than one answer lists" }),
      }),
    },
    { status: 200, description: "CSV with format=csv", contentTypes: CSV },
  ],
});

export const createGlossaryTerm = defineRoute({
  method: "POST",
  path: "/api/v1/glossary",
  summary: "Add a glossary term",
  tag: "quality",
  permission: "manage:glossary",
  body: glossaryTermSchema,
  responses: [{ status: 201, description: "Created", schema: glossaryEntrySchema }],
  errors: { 409: "The term exists" },
});

const meanOrNull = z.number().nullable();
const sample = z.object({ articles: count, words: count });
const band = z
  .object({ low: z.number(), high: z.number() })
  .nullable()
  .meta({ description: "95% bootstrap band of the mean; null under 5 articles" });

export const getMetrics = defineRoute({
  method: "GET",
  path: "/api/v1/metrics",
  summary: "Per-engine quality over a date range (JSON, or CSV with format=csv)",
  description: "Definitions: lib/server/metrics.ts. The dashboard renders the same figures.",
  tag: "quality",
  permission: "read:metrics",
  query: metricsQuerySchema,
  responses: [
    {
      status: 200,
      description: "Metrics per engine",
      schema: z.object({
        from: isoDateTime,
        to: isoDateTime,
        engine: z.string().nullable(),
        limit: count,
        truncated: z.boolean(),
        weights: mqmWeightsSchema,
        engines: z.array(
          z.object({
            engineId: z.string(),
            name: z.string(),
            version: z.string().nullable(),
            label: z.string(),
            articles: count,
            articlesReviewed: count,
            meanHter: meanOrNull,
            meanChrf: meanOrNull,
            approvedUnreviewed: count.meta({
              description:
                "Approved/published with no saved edit or confirmed segment; not in HTER/chrF",
            }),
            smallSample: z
              .boolean()
              .meta({ description: "Fewer than 5 articles behind HTER/chrF" }),
            n: z
              .object({
                hterChrf: sample,
                mqm: sample,
                feedback: z.object({ articles: count }),
                qa: sample,
              })
              .meta({ description: "The sample behind each figure" }),
            mqm: z.object({
              penalty: z.number(),
              words: count,
              per1000Words: z.number(),
              errors: count,
              byCategory: z.record(z.string(), z.number()),
              bySeverity: z.record(z.string(), z.number()),
            }),
            feedback: z.object({ count, perArticle: z.number() }),
            qa: z.object({ warnings: count, words: count, per1000Words: z.number() }),
          }),
        ),
        trend: z.array(
          z.object({
            week: z.string().meta({ description: "Monday of the week, YYYY-MM-DD" }),
            engine: z.string(),
            articles: count,
            articlesReviewed: count,
            meanHter: meanOrNull,
            meanChrf: meanOrNull,
            n: count.meta({ description: "Articles behind the week's HTER/chrF" }),
            hterBand: band,
            chrfBand: band,
            mqmPer1000Words: z.number(),
          }),
        ),
      }),
    },
    { status: 200, description: "CSV with format=csv", contentTypes: CSV },
  ],
});
