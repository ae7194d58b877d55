import { z } from "zod";
import { BULK_LIMITS, INGEST_LIMITS, ingestArticleSchema } from "@/lib/ingest/schema";
import { defineRoute } from "../contract";
import { listArticlesQuerySchema, articleStatusSchema } from "../schemas/articles";
import {
  NDJSON_CONTENT_TYPES,
  articleDetailSchema,
  bulkSummarySchema,
} from "../schemas/interchange";
import { assignSchema, changeStatusSchema, slugSchema } from "../schemas/revisions";
import { createdOrUnchanged, engineSchema, isoDateTime, page } from "./common";

const NOT_FOUND = { 404: "No such article" } as const;

export const articleListItemSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  status: articleStatusSchema,
  engine: engineSchema,
  sourceLang: z.string(),
  targetLang: z.string(),
  outlet: z.string().nullable(),
  externalId: z.string().nullable(),
  currentRevision: z.number().int(),
  newFeedback: z.number().int().meta({ description: "Reader feedback items still NEW" }),
  assignee: z.string().nullable().meta({ description: "Assignee's email" }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  risk: z
    .object({
      score: z.number().meta({ description: "0–100, higher = more likely to hold an error" }),
      reasons: z.array(z.object({ factor: z.string(), points: z.number(), message: z.string() })),
    })
    .meta({ description: "Risk of a remaining error and why (lib/quality/risk.ts)" }),
});

const ingestResultSchema = z.object({
  id: z.string(),
  slug: z.string(),
  status: articleStatusSchema,
  segmentCount: z.number().int(),
  revision: z.number().int(),
});

export const listArticles = defineRoute({
  method: "GET",
  path: "/api/v1/articles",
  summary: "List articles (the review queue)",
  description:
    "Newest update first, or riskiest first with `sort=risk`; keyset pagination with " +
    "`cursor` = `nextCursor` (a cursor belongs to its sort order).",
  tag: "articles",
  permission: "read:article",
  query: listArticlesQuerySchema,
  responses: [
    {
      status: 200,
      description: "One page of articles and the cursor of the next",
      schema: page(articleListItemSchema),
    },
  ],
});

export const ingestArticle = defineRoute({
  method: "POST",
  path: "/api/v1/articles",
  summary: "Ingest one article",
  description:
    "Splits the body into segments (title = segment 0) and stores revision 1. Re-sending the " +
    "same outlet+externalId with the same content answers 200 with the existing article; " +
    "different content is 409.",
  tag: "ingest",
  permission: "ingest:article",
  body: ingestArticleSchema,
  maxBodyBytes: INGEST_LIMITS.maxBodyBytes,
  responses: createdOrUnchanged(
    ingestResultSchema,
    "Created",
    "Already present with identical content",
  ),
  errors: { 409: "Same outlet+externalId, different content", 413: "Over a documented limit" },
});

export const bulkIngest = defineRoute({
  method: "POST",
  path: "/api/v1/articles/bulk",
  summary: "Ingest many articles from NDJSON",
  description:
    "One article object (as for POST /api/v1/articles) per line. Each line is stored in its " +
    "own transaction: a bad line is reported by its 1-based number and never stops the " +
    "others. Blank lines count for numbering and produce no result. Lines longer than " +
    `${INGEST_LIMITS.maxBodyBytes} bytes are errors; at most ` +
    `${BULK_LIMITS.maxLines.toLocaleString("en")} lines and 50 MB.`,
  tag: "ingest",
  permission: "ingest:article",
  // Streamed: the lines are ingested as they arrive, so memory holds a few lines, not the file.
  rawBody: {
    contentTypes: NDJSON_CONTENT_TYPES,
    description: "Newline-delimited JSON articles",
    streamed: true,
  },
  maxBodyBytes: BULK_LIMITS.maxBodyBytes,
  responses: [
    { status: 200, description: "Per-line results and totals", schema: bulkSummarySchema },
  ],
});

export const getArticle = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}",
  summary: "One article with the current text of each segment",
  tag: "articles",
  permission: "read:article",
  responses: [{ status: 200, description: "The article", schema: articleDetailSchema }],
  errors: NOT_FOUND,
});

export const changeStatus = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/status",
  summary: "Move the article through the workflow",
  description: "Each target status needs its own permission (approve, publish, …).",
  tag: "revisions",
  permission: "edit:revision",
  body: changeStatusSchema,
  responses: [
    {
      status: 200,
      description: "The new status and the transitions allowed from it",
      schema: z.object({
        status: articleStatusSchema,
        revision: z.number().int(),
        allowed: z.array(articleStatusSchema),
        override: z
          .object({
            reason: z.string(),
            blockers: z.array(
              z.object({ kind: z.string(), count: z.number().int(), detail: z.string() }),
            ),
          })
          .optional()
          .meta({ description: "Present when open work was passed with a reason" }),
        slug: z
          .string()
          .optional()
          .meta({ description: "Present when the publish moved the article to a new slug" }),
      }),
    },
  ],
  errors: {
    ...NOT_FOUND,
    409:
      "Transition not allowed (`conflict`, with `allowed`), or open work blocks it (`gate`, with " +
      "`blockers`: open major/critical annotations, QA warnings, NEW reader feedback, unresolved " +
      "comments; or unconfirmed segments for SUBMITTED). Pass a gate with `override: { reason }`.",
  },
});

export const assignArticle = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/assign",
  summary: "Assign the article to a reviewer (or unassign with null)",
  tag: "revisions",
  permission: "assign:article",
  body: assignSchema,
  responses: [
    {
      status: 200,
      description: "The new assignee id",
      schema: z.object({ assigneeId: z.string().nullable() }),
    },
  ],
  errors: NOT_FOUND,
});

const slugStateSchema = z.object({
  slug: z.string(),
  suggested: z
    .string()
    .nullable()
    .meta({ description: "The slug the headline to be published calls for; null if it matches" }),
  title: z.string().meta({ description: "The headline `suggested` follows" }),
  previous: z
    .array(z.string())
    .meta({ description: "Earlier slugs, newest first; /read/<old> answers 308 to the current" }),
});

export const getArticleSlug = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/slug",
  summary: "The article's slug, the one its corrected headline calls for, and its old slugs",
  tag: "articles",
  permission: "read:article",
  responses: [{ status: 200, description: "Slug state", schema: slugStateSchema }],
  errors: NOT_FOUND,
});

export const changeArticleSlug = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/slug",
  summary: "Move the article to a new slug (old slugs answer 308 forever)",
  description:
    "Without `slug`, takes the slug the headline to be published calls for (`suggested` above). " +
    "Slugs are unique across every slug any article has had; an article may take back its own.",
  tag: "articles",
  permission: "publish:article",
  body: z.object({ slug: slugSchema.optional() }),
  responses: [
    {
      status: 200,
      description: "The slug now in use",
      schema: z.object({
        slug: z.string(),
        changed: z.boolean(),
        previous: z.array(z.string()),
      }),
    },
  ],
  errors: { ...NOT_FOUND, 409: "The slug belongs to another article" },
});
