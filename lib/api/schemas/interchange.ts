import { z } from "zod";
import { SegmentKind } from "@/lib/domain/types";
import { EXPORT_FORMATS } from "@/lib/formats/export-formats";
import { DATE_RANGE_MESSAGE, saneDateString } from "@/lib/validation/common";
import { articleStatusSchema } from "./articles";

// Request and response shapes of the ingest/interchange endpoints. The routes validate with them
// and lib/api/openapi.ts documents them, so the two cannot drift apart.

export const segmentKindSchema = z.enum(SegmentKind);

/** One segment at some revision (lib/domain/types.ts SegmentView). */
export const articleSegmentSchema = z.object({
  index: z.number().int().meta({ description: "0 is the title; body segments follow from 1" }),
  kind: segmentKindSchema,
  source: z.string().nullable(),
  mt: z.string(),
  text: z.string().meta({ description: "Text at the chosen revision" }),
});

export const articleDetailSchema = z.object({
  id: z.string(),
  slug: z.string(),
  externalId: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: z
    .string()
    .nullable()
    .meta({ description: "ISO 8601, when the outlet published it" }),
  sourceLang: z.string(),
  targetLang: z.string(),
  engine: z.object({ name: z.string(), version: z.string().nullable() }),
  status: articleStatusSchema,
  footer: z.string().nullable(),
  revision: z.number().int().meta({ description: "Current revision number" }),
  publishedRevision: z.number().int().nullable(),
  approvedRevision: z.number().int().nullable(),
  assignee: z.string().nullable().meta({ description: "Assignee's email" }),
  createdAt: z.string(),
  updatedAt: z.string(),
  segments: z.array(
    articleSegmentSchema.extend({
      confirmed: z
        .boolean()
        .meta({ description: "A reviewer confirmed this segment's current text as done" }),
    }),
  ),
  progress: z
    .object({ confirmed: z.number().int(), total: z.number().int() })
    .meta({ description: "Confirmed segments of all segments" }),
});

export const exportQuerySchema = z.object({
  format: z
    .enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(", ")}` })
    .meta({ description: "Export format" }),
});

const dateParam = z.iso
  .date("must be a date YYYY-MM-DD")
  .or(z.iso.datetime({ offset: true }))
  .refine(saneDateString, DATE_RANGE_MESSAGE)
  .transform((s) => new Date(s));

export const tmxExportQuerySchema = z.object({
  engine: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Engine name, or name@version" }),
  from: dateParam
    .optional()
    .meta({ description: "Ingested at or after (inclusive), as in the queue" }),
  to: dateParam.optional().meta({ description: "Ingested before (exclusive)" }),
});

export const xliffImportQuerySchema = z.object({
  baseRevision: z.coerce
    .number({ message: "is required (the revision the XLIFF was exported from)" })
    .int()
    .positive(),
});

export const bulkLineResultSchema = z.object({
  line: z.number().int().meta({ description: "1-based line number in the uploaded body" }),
  status: z.enum(["created", "existing", "error"]),
  id: z.string().optional(),
  slug: z.string().optional(),
  message: z.string().optional(),
  path: z
    .string()
    .optional()
    .meta({ description: "The field an error line is about, e.g. engine.name" }),
});

export const bulkSummarySchema = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  errors: z.number().int(),
  results: z.array(bulkLineResultSchema),
});

export const revisionResultSchema = z.object({
  revision: z.number().int(),
  created: z.boolean().optional(),
});

export const errorSchema = z
  .object({
    error: z.string().meta({ description: "Machine-readable code, e.g. bad_request" }),
    message: z.string(),
    requestId: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: "Error" });

/** Accepted for POST /api/v1/articles/bulk: one JSON article per line. */
export const NDJSON_CONTENT_TYPES = [
  "application/x-ndjson",
  "application/ndjson",
  "application/jsonl",
  "application/x-jsonlines",
  "text/plain",
] as const;

/** Accepted for POST /api/v1/articles/{id}/xliff. */
export const XLIFF_CONTENT_TYPES = ["application/xliff+xml", "application/xml", "text/xml"];

/** A whole article with its history is bigger than one ingest; documented in docs/api.md. */
export const IMPORT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
/** XLIFF carries source, target and MT note per segment. */
export const XLIFF_MAX_BYTES = 10 * 1024 * 1024;

export const importResultSchema = z.object({
  id: z.string(),
  slug: z.string(),
  revision: z.number().int(),
  createdUsers: z.array(z.string()).meta({
    description: "Users the document named that did not exist; created as disabled viewers",
  }),
});
