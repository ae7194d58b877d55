import { z } from "zod";
import { limitParam } from "@/lib/validation/common";

export const articleStatusSchema = z.enum([
  "NEW",
  "IN_REVIEW",
  "SUBMITTED",
  "CHANGES_REQUESTED",
  "APPROVED",
  "PUBLISHED",
]);

const dateParam = z.iso
  .date("must be a date YYYY-MM-DD")
  .or(z.iso.datetime({ offset: true }))
  .transform((s) => new Date(s));

export const listArticlesQuerySchema = z.object({
  status: articleStatusSchema.optional(),
  engine: z.string().trim().min(1).max(200).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  assignee: z.enum(["me"]).optional(),
  /** The CMS's own id: find an article by it (optionally with `outlet`). */
  externalId: z.string().trim().min(1).max(200).optional(),
  outlet: z.string().trim().min(1).max(200).optional(),
  limit: limitParam,
  cursor: z.string().max(200).optional(),
});
