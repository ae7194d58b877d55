import { z } from "zod";
import { ArticleStatus } from "@/lib/domain/types";
import { DATE_RANGE_MESSAGE, limitParam, saneDateString } from "@/lib/validation/common";
import { cursorParam } from "@/lib/validation/cursor";

export const articleStatusSchema = z.enum(ArticleStatus);

const dateParam = z.iso
  .date("must be a date YYYY-MM-DD")
  .or(z.iso.datetime({ offset: true }))
  .refine(saneDateString, DATE_RANGE_MESSAGE)
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
  /** `updated` (default): newest update first; `risk`: riskiest first (issue 16). */
  sort: z.enum(["updated", "risk"]).optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
