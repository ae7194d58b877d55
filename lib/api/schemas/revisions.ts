import { z } from "zod";
import { safeText } from "@/lib/validation/common";
import { INGEST_LIMITS } from "@/lib/ingest/schema";
import { SLUG_PATTERN } from "@/lib/ingest/identity";
import { articleStatusSchema } from "./articles";

/** A slug as Galley makes them: lowercase ASCII words joined by single hyphens. */
export const slugSchema = z
  .string()
  .max(80)
  .regex(SLUG_PATTERN, "must be lowercase letters and digits joined by single hyphens");

export const saveRevisionSchema = z.object({
  baseRevision: z.int32().positive(),
  segments: z
    .array(
      z.object({
        index: z.int32().min(0),
        // Over-long text is a 413 from saveRevision, not a 400 from here.
        text: safeText(INGEST_LIMITS.maxBodyBytes),
        /** true marks the segment done (as in CAT tools), false takes that back. */
        confirmed: z.boolean().optional(),
      }),
    )
    .min(1, "must list at least one segment")
    .max(INGEST_LIMITS.maxSegments + 1),
  summary: safeText(500).optional(),
  /** Feedback item this save resolves. */
  feedbackId: z.string().min(1).max(64).optional(),
});

export const changeStatusSchema = z.object({
  to: articleStatusSchema,
  note: safeText(1000).optional(),
  /** Passes the approve/publish gate (or submits with unconfirmed segments); recorded. */
  override: z
    .object({ reason: safeText(1000).refine((s) => s.trim().length > 0, "is required") })
    .optional(),
  /**
   * Only with `to: "PUBLISHED"`: publish under this slug (e.g. the `suggested` one from
   * GET /api/v1/articles/{id}/slug); the old slug then answers 308 to it.
   */
  slug: slugSchema.optional(),
});

export const assignSchema = z.object({
  assignee: z.string().trim().email("must be an email address").nullable(),
});
