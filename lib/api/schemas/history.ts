import { z } from "zod";
import { badRequest, notFound } from "@/lib/errors";
import { limitParam, safeText } from "@/lib/validation/common";

// PostgreSQL int4: a larger number cannot be a revision or segment, and
// passing it to the database would fail with a 500 instead of a clear answer.
const MAX_INT4 = 2_147_483_647;

const revisionNumber = z
  .string()
  .regex(/^\d{1,10}$/, "must be a revision number")
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_INT4, "must be a revision number");

/** Revision number from a path segment: 400 when not a number, 404 when it cannot exist. */
export function revisionParam(raw: string, what = "Revision"): number {
  if (!/^\d{1,10}$/.test(raw)) throw badRequest(`${what} must be a number, got "${raw}"`);
  const n = Number(raw);
  if (n < 1 || n > MAX_INT4) throw notFound(`${what} ${raw}`);
  return n;
}

/** Segment index from a path segment (0 is the title). */
export function segmentIndexParam(raw: string): number {
  if (!/^\d{1,10}$/.test(raw)) throw badRequest(`Segment index must be a number, got "${raw}"`);
  const n = Number(raw);
  if (n > MAX_INT4) throw notFound(`Segment ${raw}`);
  return n;
}

export const listRevisionsQuerySchema = z.object({
  limit: limitParam,
  /** Number of the oldest revision on the previous page. */
  cursor: revisionNumber.optional(),
});

export const diffQuerySchema = z.object({
  from: revisionNumber,
  to: revisionNumber,
  /** "omit" drops unchanged segments; the default lists every segment. */
  unchanged: z.enum(["include", "omit"]).default("include"),
});

export const blameQuerySchema = z.object({
  /** Blame as of this revision; default the current one. */
  at: revisionNumber.optional(),
});

export const revertSchema = z.object({
  to: z.number().int().min(1).max(MAX_INT4),
  baseRevision: z.number().int().min(1).max(MAX_INT4),
  reason: safeText(500)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, "is required: say why you revert"),
});
