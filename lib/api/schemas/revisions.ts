import { z } from "zod";
import { safeText } from "@/lib/validation/common";
import { INGEST_LIMITS } from "@/lib/ingest/schema";
import { articleStatusSchema } from "./articles";

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
});

export const assignSchema = z.object({
  assignee: z.string().trim().email("must be an email address").nullable(),
});
