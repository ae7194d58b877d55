// The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json. Request schemas are
// the same zod schemas the routes validate with, so documentation and validation cannot drift.
// Every route file under app/api/v1 must have an entry in ROUTES; tests/unit/api/openapi.test.ts
// walks the folder and fails for a route (or method) without one.

import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import type { Permission } from "@/lib/auth/policy";
import { ingestArticleSchema, INGEST_LIMITS } from "@/lib/ingest/schema";
import { galleyArticleDocumentSchema } from "@/lib/formats/galley-json";
import { glossaryTermSchema } from "@/lib/validation/glossary";
import pkg from "@/package.json";
import { listArticlesQuerySchema } from "./schemas/articles";
import {
  createCommentSchema,
  markReadSchema,
  notificationsQuerySchema,
  timelineQuerySchema,
  updateCommentSchema,
} from "./schemas/desk";
import { auditQuerySchema } from "./schemas/audit";
import {
  FEEDBACK_MAX_BODY_BYTES,
  bulkFeedbackSchema,
  listFeedbackQuerySchema,
  submitFeedbackSchema,
  triageFeedbackSchema,
} from "./schemas/feedback";
import {
  blameQuerySchema,
  diffQuerySchema,
  listRevisionsQuerySchema,
  revertSchema,
} from "./schemas/history";
import {
  IMPORT_DOCUMENT_MAX_BYTES,
  NDJSON_CONTENT_TYPES,
  XLIFF_CONTENT_TYPES,
  XLIFF_MAX_BYTES,
  articleDetailSchema,
  bulkSummarySchema,
  errorSchema,
  exportQuerySchema,
  importResultSchema,
  revisionResultSchema,
  tmxExportQuerySchema,
  xliffImportQuerySchema,
} from "./schemas/interchange";
import {
  createAnnotationSchema,
  dismissWarningSchema,
  glossaryQuerySchema,
  metricsQuerySchema,
  qualityQuerySchema,
  updateAnnotationSchema,
} from "./schemas/quality";
import { assignSchema, changeStatusSchema, saveRevisionSchema } from "./schemas/revisions";

type Method = "get" | "post" | "put" | "patch" | "delete";

interface Ok {
  status: number;
  description: string;
  schema?: z.ZodType;
  /** Non-JSON answers (exports): content types, no schema. */
  types?: readonly string[];
}

interface RouteDoc {
  summary: string;
  description?: string;
  tag: string;
  permission: Permission | "public";
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A body that is not JSON (NDJSON, XLIFF): accepted content types. */
  rawBody?: { types: readonly string[]; description: string };
  maxBodyBytes?: number;
  ok: Ok[];
  /** 4xx answers beyond the ones every route of its kind has (401/403, 400/413/415). */
  errors?: Partial<Record<404 | 409 | 413 | 429, string>>;
}

const DEFAULT_BODY_BYTES = 1_048_576;
const json = (description: string, schema?: z.ZodType, status = 200): Ok => ({
  status,
  description,
  schema,
});
const file = (description: string, types: readonly string[]): Ok => ({
  status: 200,
  description,
  types,
});
const NOT_FOUND = { 404: "No such article" } as const;

/** Path → method → documentation. Paths use OpenAPI templates: [id] becomes {id}. */
export const ROUTES: Record<string, Partial<Record<Method, RouteDoc>>> = {
  "/api/v1/openapi.json": {
    get: {
      summary: "This OpenAPI document",
      tag: "meta",
      permission: "public",
      ok: [json("OpenAPI 3.1 description of every /api/v1 endpoint")],
    },
  },
  "/api/v1/articles": {
    get: {
      summary: "List articles (the review queue)",
      description: "Newest update first; keyset pagination with `cursor` = `nextCursor`.",
      tag: "articles",
      permission: "read:article",
      query: listArticlesQuerySchema,
      ok: [json("One page of articles and the cursor of the next")],
    },
    post: {
      summary: "Ingest one article",
      description:
        "Splits the body into segments (title = segment 0) and stores revision 1. Re-sending the " +
        "same outlet+externalId with the same content answers 200 with the existing article; " +
        "different content is 409.",
      tag: "ingest",
      permission: "ingest:article",
      body: ingestArticleSchema,
      maxBodyBytes: INGEST_LIMITS.maxBodyBytes,
      ok: [json("Created", undefined, 201), json("Already present with identical content")],
      errors: { 409: "Same outlet+externalId, different content", 413: "Over a documented limit" },
    },
  },
  "/api/v1/articles/bulk": {
    post: {
      summary: "Ingest many articles from NDJSON",
      description:
        "One article object (as for POST /api/v1/articles) per line. Each line is stored in its " +
        "own transaction: a bad line is reported by its 1-based number and never stops the " +
        "others. Blank lines count for numbering and produce no result. Lines longer than " +
        `${INGEST_LIMITS.maxBodyBytes} bytes are errors; at most 20,000 lines and 50 MB.`,
      tag: "ingest",
      permission: "ingest:article",
      rawBody: { types: NDJSON_CONTENT_TYPES, description: "Newline-delimited JSON articles" },
      maxBodyBytes: 50 * 1024 * 1024,
      ok: [json("Per-line results and totals", bulkSummarySchema)],
    },
  },
  "/api/v1/articles/import": {
    post: {
      summary: "Recreate an article from its Galley JSON export",
      description:
        "Inserts the article with every revision, text, publication, annotation, feedback item " +
        "and QA dismissal, keeping ids. Users are matched by email; missing ones are created as " +
        "disabled viewers.",
      tag: "interchange",
      permission: "ingest:article",
      body: galleyArticleDocumentSchema,
      maxBodyBytes: IMPORT_DOCUMENT_MAX_BYTES,
      ok: [json("Imported", importResultSchema, 201)],
      errors: { 409: "The article (same id, or same outlet+externalId) already exists" },
    },
  },
  "/api/v1/articles/{id}": {
    get: {
      summary: "One article with the current text of each segment",
      tag: "articles",
      permission: "read:article",
      ok: [json("The article", articleDetailSchema)],
      errors: NOT_FOUND,
    },
  },
  "/api/v1/articles/{id}/export": {
    get: {
      summary: "Download the article in an interchange format",
      description:
        "json: the complete Galley document (history included); xliff / xliff12: XLIFF 2.0 / " +
        "1.2 of the current revision (file name carries the revision, e.g. slug-r3.xlf); tmx: " +
        "approved segment pairs only; md / html: the current text.",
      tag: "interchange",
      permission: "export:article",
      query: exportQuerySchema,
      ok: [
        file("The file, as an attachment", [
          "application/json",
          "application/xliff+xml",
          "application/x-tmx+xml",
          "text/markdown",
          "text/html",
        ]),
      ],
      errors: { ...NOT_FOUND, 409: "format=tmx and the article has no approved revision" },
    },
  },
  "/api/v1/articles/{id}/xliff": {
    post: {
      summary: "Apply a translated XLIFF as a new revision",
      description:
        "XLIFF 2.0 or 1.2 as exported (unit ids s0, s1, …). Each unit must name a segment and " +
        "carry its source; units without a target leave the segment alone. 201 with the new " +
        "revision, 200 when nothing changed.",
      tag: "interchange",
      permission: "edit:revision",
      query: xliffImportQuerySchema,
      rawBody: { types: XLIFF_CONTENT_TYPES, description: "The XLIFF document" },
      maxBodyBytes: XLIFF_MAX_BYTES,
      ok: [
        json("A revision was created", revisionResultSchema, 201),
        json("Nothing changed", revisionResultSchema),
      ],
      errors: { ...NOT_FOUND, 409: "baseRevision is not the current revision" },
    },
  },
  "/api/v1/exports/tmx": {
    get: {
      summary: "TMX of every approved article matching the filters (streamed)",
      tag: "interchange",
      permission: "export:article",
      query: tmxExportQuerySchema,
      ok: [file("TMX 1.4, as an attachment", ["application/x-tmx+xml"])],
    },
  },
  "/api/v1/articles/{id}/revisions": {
    get: {
      summary: "Edit history, newest first",
      tag: "history",
      permission: "read:article",
      query: listRevisionsQuerySchema,
      ok: [json("One page of revisions")],
      errors: NOT_FOUND,
    },
    post: {
      summary: "Save a new revision on top of baseRevision",
      tag: "revisions",
      permission: "edit:revision",
      body: saveRevisionSchema,
      ok: [
        json("Created", revisionResultSchema, 201),
        json("Nothing changed", revisionResultSchema),
      ],
      errors: { ...NOT_FOUND, 409: "Stale baseRevision; carries the current revision and text" },
    },
  },
  "/api/v1/articles/{id}/revisions/{n}": {
    get: {
      summary: "One revision with the full text of every segment",
      tag: "history",
      permission: "read:article",
      ok: [json("The revision")],
      errors: { 404: "No such article or revision" },
    },
  },
  "/api/v1/articles/{id}/revert": {
    post: {
      summary: "Restore an old revision's text as a new revision",
      tag: "history",
      permission: "edit:revision",
      body: revertSchema,
      ok: [
        json("Created", revisionResultSchema, 201),
        json("Nothing changed", revisionResultSchema),
      ],
      errors: { ...NOT_FOUND, 409: "Stale baseRevision" },
    },
  },
  "/api/v1/articles/{id}/diff": {
    get: {
      summary: "Word diff between two revisions",
      tag: "history",
      permission: "read:article",
      query: diffQuerySchema,
      ok: [json("Changes per segment and totals")],
      errors: NOT_FOUND,
    },
  },
  "/api/v1/articles/{id}/blame": {
    get: {
      summary: "Per segment, the revision, author and time of its last change",
      tag: "history",
      permission: "read:article",
      query: blameQuerySchema,
      ok: [json("Blame per segment")],
      errors: NOT_FOUND,
    },
  },
  "/api/v1/articles/{id}/blame/{index}": {
    get: {
      summary: "Every change of one segment, oldest first",
      tag: "history",
      permission: "read:article",
      ok: [json("The segment's history")],
      errors: { 404: "No such article or segment" },
    },
  },
  "/api/v1/articles/{id}/status": {
    post: {
      summary: "Move the article through the workflow",
      description: "Each target status needs its own permission (approve, publish, …).",
      tag: "revisions",
      permission: "edit:revision",
      body: changeStatusSchema,
      ok: [json("The new status and the transitions allowed from it")],
      errors: {
        ...NOT_FOUND,
        409:
          "Transition not allowed (`conflict`, names the allowed ones), or open work blocks it " +
          "(`gate`, lists `blockers`; pass with `override: { reason }`)",
      },
    },
  },
  "/api/v1/articles/{id}/timeline": {
    get: {
      summary: "The article's timeline, newest first",
      description:
        "Status changes (with notes and overrides), revisions, comments, reader feedback, " +
        "annotations and publications; keyset pagination with `cursor` = `nextCursor`.",
      tag: "desk",
      permission: "read:article",
      query: timelineQuerySchema,
      ok: [json("One page of timeline items and the cursor of the next")],
      errors: NOT_FOUND,
    },
  },
  "/api/v1/articles/{id}/comments": {
    get: {
      summary: "Comments on the article, threads in order",
      tag: "desk",
      permission: "read:article",
      ok: [json("Every comment, each reply after its thread's first comment")],
      errors: NOT_FOUND,
    },
    post: {
      summary: "Comment on the article or one segment; @handles notify the users they name",
      tag: "desk",
      permission: "comment:article",
      body: createCommentSchema,
      ok: [json("The comment", undefined, 201)],
      errors: NOT_FOUND,
    },
  },
  "/api/v1/comments/{id}": {
    patch: {
      summary: "Resolve or reopen a comment thread",
      tag: "desk",
      permission: "comment:article",
      body: updateCommentSchema,
      ok: [json("The thread's first comment")],
      errors: { 404: "No such comment" },
    },
  },
  "/api/v1/notifications": {
    get: {
      summary: "The caller's notifications, newest first",
      tag: "desk",
      permission: "read:article",
      query: notificationsQuerySchema,
      ok: [json("One page of notifications, the unread count and the next cursor")],
    },
  },
  "/api/v1/notifications/read": {
    post: {
      summary: "Mark the caller's notifications read (the listed ids, or all)",
      tag: "desk",
      permission: "read:article",
      body: markReadSchema,
      ok: [json("How many were marked")],
    },
  },
  "/api/v1/articles/{id}/assign": {
    post: {
      summary: "Assign the article to a reviewer (or unassign with null)",
      tag: "revisions",
      permission: "assign:article",
      body: assignSchema,
      ok: [json("The new assignee id")],
      errors: NOT_FOUND,
    },
  },
  "/api/v1/articles/{id}/annotations": {
    get: {
      summary: "MQM error annotations on the article",
      tag: "quality",
      permission: "read:article",
      ok: [json("Annotations")],
      errors: NOT_FOUND,
    },
    post: {
      summary: "Annotate a span of one segment",
      tag: "quality",
      permission: "annotate:revision",
      body: createAnnotationSchema,
      ok: [json("Created", undefined, 201)],
      errors: { ...NOT_FOUND, 409: "The quoted text no longer matches" },
    },
  },
  "/api/v1/articles/{id}/annotations/{annotationId}": {
    patch: {
      summary: "Edit or settle an annotation",
      tag: "quality",
      permission: "annotate:revision",
      body: updateAnnotationSchema,
      ok: [json("The annotation")],
      errors: { 404: "No such article or annotation" },
    },
  },
  "/api/v1/articles/{id}/checks": {
    get: {
      summary: "QA warnings on the current text",
      tag: "quality",
      permission: "read:article",
      ok: [json("Warnings not dismissed")],
      errors: NOT_FOUND,
    },
  },
  "/api/v1/articles/{id}/checks/dismiss": {
    post: {
      summary: "Dismiss a QA warning",
      tag: "quality",
      permission: "dismiss:qa",
      body: dismissWarningSchema,
      ok: [json("Recorded", undefined, 201), json("Already dismissed")],
      errors: { 404: "No such article, or no such warning now" },
    },
  },
  "/api/v1/articles/{id}/quality": {
    get: {
      summary: "HTER, chrF, word edits and MQM score at a revision",
      tag: "quality",
      permission: "read:article",
      query: qualityQuerySchema,
      ok: [json("Quality figures")],
      errors: NOT_FOUND,
    },
  },
  "/api/v1/articles/{id}/feedback": {
    get: {
      summary: "Reader feedback on the article, with counts by status",
      tag: "feedback",
      permission: "triage:feedback",
      ok: [json("Feedback items and counts")],
      errors: NOT_FOUND,
    },
    post: {
      summary: "Submit reader feedback (public)",
      tag: "feedback",
      permission: "public",
      body: submitFeedbackSchema,
      maxBodyBytes: FEEDBACK_MAX_BODY_BYTES,
      ok: [json("Recorded", z.object({ id: z.string() }), 201)],
      errors: { ...NOT_FOUND, 429: "Too many submissions; see Retry-After" },
    },
  },
  "/api/v1/feedback": {
    get: {
      summary: "The feedback triage inbox",
      tag: "feedback",
      permission: "triage:feedback",
      query: listFeedbackQuerySchema,
      ok: [json("One page of feedback")],
    },
  },
  "/api/v1/feedback/{id}": {
    get: {
      summary: "One feedback item",
      tag: "feedback",
      permission: "triage:feedback",
      ok: [json("The item")],
      errors: { 404: "No such feedback item" },
    },
    patch: {
      summary: "Triage one feedback item",
      tag: "feedback",
      permission: "triage:feedback",
      body: triageFeedbackSchema,
      ok: [json("The item")],
      errors: { 404: "No such feedback item" },
    },
  },
  "/api/v1/feedback/bulk": {
    post: {
      summary: "Mark many feedback items as spam",
      tag: "feedback",
      permission: "triage:feedback",
      body: bulkFeedbackSchema,
      ok: [json("Counts of updated and skipped items")],
    },
  },
  "/api/v1/glossary": {
    get: {
      summary: "Glossary terms (JSON, or CSV with format=csv)",
      tag: "quality",
      permission: "read:article",
      query: glossaryQuerySchema,
      ok: [json("Terms"), file("CSV with format=csv", ["text/csv"])],
    },
    post: {
      summary: "Add a glossary term",
      tag: "quality",
      permission: "manage:glossary",
      body: glossaryTermSchema,
      ok: [json("Created", undefined, 201)],
      errors: { 409: "The term exists" },
    },
  },
  "/api/v1/metrics": {
    get: {
      summary: "Per-engine quality over a date range (JSON, or CSV with format=csv)",
      tag: "quality",
      permission: "read:metrics",
      query: metricsQuerySchema,
      ok: [json("Metrics per engine"), file("CSV with format=csv", ["text/csv"])],
    },
  },
  "/api/v1/audit": {
    get: {
      summary: "Audit events (a page, or the whole log streamed with format=csv|json|ndjson)",
      tag: "audit",
      permission: "read:audit",
      query: auditQuerySchema,
      ok: [
        json("One page of events"),
        file("Export", ["text/csv", "application/json", "application/x-ndjson"]),
      ],
    },
  },
  "/api/v1/audit/verify": {
    get: {
      summary: "Verify the audit hash chain",
      tag: "audit",
      permission: "read:audit",
      ok: [json("ok, number of events, and the first broken event if any")],
    },
  },
};

function operation(path: string, doc: RouteDoc): ZodOpenApiOperationObject {
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const ok of doc.ok) {
    const types = ok.types ?? ["application/json"];
    const content = Object.fromEntries(
      types.map((t) => [
        t,
        ok.types
          ? { schema: { type: "string" as const } }
          : { schema: ok.schema ?? z.object({}).catchall(z.unknown()) },
      ]),
    );
    const existing = responses[String(ok.status)];
    responses[String(ok.status)] = existing
      ? { ...existing, content: { ...existing.content, ...content } }
      : { description: ok.description, content };
  }
  const errors: Record<string, string> = {};
  const hasBody = Boolean(doc.body || doc.rawBody);
  if (hasBody || doc.query) errors["400"] = "Invalid input; `issues` lists each path and problem";
  if (doc.permission !== "public") {
    errors["401"] = "No session or API token";
    errors["403"] = `Needs the permission ${doc.permission}`;
  }
  if (hasBody) {
    errors["413"] = `Body over ${doc.maxBodyBytes ?? DEFAULT_BODY_BYTES} bytes`;
    errors["415"] = "Wrong Content-Type";
  }
  Object.assign(errors, doc.errors);
  for (const [status, description] of Object.entries(errors)) {
    responses[status] = { description, content: { "application/json": { schema: errorSchema } } };
  }
  const op: ZodOpenApiOperationObject = {
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [doc.tag],
    "x-permission": doc.permission,
    responses,
  };
  const path_ = pathParams.length
    ? z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()])))
    : undefined;
  // zod-openapi wants absent keys, not undefined ones.
  if (path_ || doc.query) {
    op.requestParams = {
      ...(path_ ? { path: path_ } : {}),
      ...(doc.query ? { query: doc.query } : {}),
    };
  }
  if (doc.permission === "public") op.security = [];
  if (doc.body) {
    op.requestBody = { required: true, content: { "application/json": { schema: doc.body } } };
  } else if (doc.rawBody) {
    op.requestBody = {
      required: true,
      description: doc.rawBody.description,
      content: Object.fromEntries(
        doc.rawBody.types.map((t) => [t, { schema: { type: "string" } }]),
      ),
    };
  }
  return op;
}

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Galley API",
      version: pkg.version,
      description:
        "Review workbench for machine-translated news. Errors are JSON `{ error, message, " +
        "requestId, ... }`; limits, segment numbering and formats are described in docs/api.md.",
    },
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token (glly_…)" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "Browser session; writes must come from the same origin",
        },
      },
    },
    paths: Object.fromEntries(
      Object.entries(ROUTES).map(([path, methods]) => [
        path,
        Object.fromEntries(
          Object.entries(methods).map(([method, doc]) => [method, operation(path, doc)]),
        ),
      ]),
    ),
  });
  return cached;
}
