import { z } from "zod";
import { AnnotationStatus } from "@/lib/domain/types";
import { WARNING_CHECK_IDS } from "@/lib/quality/checks";
import { DATE_RANGE_MESSAGE, safeText, saneDateString } from "@/lib/validation/common";

// Request shapes for annotations, QA checks, quality scores and metrics. Categories are
// checked in lib/server/annotations.ts (400 listing the valid ones), so any string passes here.

const offset = z.int32().min(0);
const category = safeText(100);
const severity = safeText(20);
const note = safeText(2000);

export const createAnnotationSchema = z.object({
  segmentIndex: z.int32().min(0),
  start: offset,
  end: offset,
  category,
  severity,
  note: note.optional(),
  target: z.enum(["TEXT", "MT"]).default("TEXT"),
  /** The selected text as the client saw it; a mismatch means its view is stale (409). */
  quote: safeText(20_000).optional(),
});

export const updateAnnotationSchema = z
  .object({
    category: category.optional(),
    severity: severity.optional(),
    note: note.nullable().optional(),
    status: z.enum(AnnotationStatus).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "send at least one field");

export const dismissWarningSchema = z.object({
  segmentIndex: z.int32().min(0),
  check: z.enum(WARNING_CHECK_IDS),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/, "is not a warning fingerprint"),
  reason: safeText(500).optional(),
});

export const qualityQuerySchema = z.object({
  revision: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** A date (whole day; `to` includes that day) or a date-time with offset. */
const day = z.iso.date("must be a date YYYY-MM-DD").refine(saneDateString, DATE_RANGE_MESSAGE);
const instant = z.iso.datetime({ offset: true }).refine(saneDateString, DATE_RANGE_MESSAGE);
const DAY_MS = 86_400_000;
/** Forms submit empty fields as ""; treat them as absent. */
const optionalParam = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const metricsQuerySchema = z.object({
  engine: optionalParam(z.string().trim().min(1).max(200)),
  from: optionalParam(
    day.transform((s) => new Date(`${s}T00:00:00Z`)).or(instant.transform((s) => new Date(s))),
  ),
  to: optionalParam(
    day
      .transform((s) => new Date(new Date(`${s}T00:00:00Z`).getTime() + DAY_MS))
      .or(instant.transform((s) => new Date(s))),
  ),
  format: z.enum(["json", "csv"]).default("json"),
});

export const glossaryQuerySchema = z.object({
  sourceLang: optionalParam(z.string().trim().min(1).max(35)),
  targetLang: optionalParam(z.string().trim().min(1).max(35)),
  format: z.enum(["json", "csv"]).default("json"),
});
