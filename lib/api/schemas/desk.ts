import { z } from "zod";
import { COMMENT_MAX_CHARS } from "@/lib/domain/comments";
import { limitParam, safeText } from "@/lib/validation/common";

// Request shapes of the desk workflow: timeline, comments, notifications.

export const timelineQuerySchema = z.object({
  limit: limitParam,
  cursor: z.string().max(200).optional(),
});

export const createCommentSchema = z.object({
  segmentIndex: z.number().int().min(0).max(100_000).optional(),
  body: safeText(COMMENT_MAX_CHARS).refine((s) => s.trim().length > 0, "must not be empty"),
  parentId: z.string().min(1).max(64).optional(),
});

export const updateCommentSchema = z.object({ resolved: z.boolean() });

export const notificationsQuerySchema = z.object({
  limit: limitParam,
  cursor: z.string().max(200).optional(),
  unread: z.enum(["1", "true"]).optional(),
});

export const markReadSchema = z.object({
  /** Omit to mark every notification read. */
  ids: z.array(z.string().min(1).max(64)).max(500).optional(),
});
