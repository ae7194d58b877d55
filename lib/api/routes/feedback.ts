import { z } from "zod";
import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES, type FeedbackStatus } from "@/lib/domain/feedback";
import { defineRoute } from "../contract";
import {
  FEEDBACK_MAX_BODY_BYTES,
  bulkFeedbackSchema,
  feedbackStatusSchema,
  listFeedbackQuerySchema,
  submitFeedbackSchema,
  triageFeedbackSchema,
} from "../schemas/feedback";
import { engineSchema, isoDateTime, page } from "./common";

const NO_ITEM = { 404: "No such feedback item" } as const;
const count = z.number().int();
const categorySchema = z.enum(FEEDBACK_CATEGORIES);

/** Where the reader pointed: all null for feedback on the whole article. */
const anchor = {
  segmentIndex: z.number().int().nullable(),
  quote: z.string().nullable(),
  quoteStart: z.number().int().nullable(),
  quoteEnd: z.number().int().nullable(),
};

const articleFeedbackItemSchema = z.object({
  id: z.string(),
  ...anchor,
  category: categorySchema,
  suggestion: z.string().nullable(),
  comment: z.string(),
  status: feedbackStatusSchema,
  revisionSeen: z.number().int(),
  createdAt: isoDateTime,
});

const feedbackItemSchema = z.object({
  id: z.string(),
  status: feedbackStatusSchema,
  category: categorySchema,
  comment: z.string(),
  suggestion: z.string().nullable(),
  ...anchor,
  contact: z.string().nullable(),
  revisionSeen: z.number().int(),
  resolvingRevision: z.number().int().nullable(),
  fixLiveSince: isoDateTime.nullable().meta({
    description: "When the resolving revision (or a later one) went live; null if not yet",
  }),
  duplicateOfId: z.string().nullable(),
  triageNote: z.string().nullable(),
  triagedBy: z.string().nullable(),
  triagedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  article: z.object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    targetLang: z.string(),
    currentRevision: z.number().int(),
    engine: engineSchema,
  }),
  segment: z
    .object({
      textSeen: z.string().nullable(),
      textCurrent: z.string().nullable(),
      changedSince: z.boolean(),
    })
    .nullable(),
});

/** One count per status, and their total. */
const countsSchema = z.object({
  ...(Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, count])) as Record<
    FeedbackStatus,
    typeof count
  >),
  total: count,
});

export const submitFeedback = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/feedback",
  summary: "Submit reader feedback (public)",
  description:
    "Readers are anonymous. Over-long fields are 413, bad anchors 400, bursts 429 with " +
    "Retry-After.",
  tag: "feedback",
  permission: "public",
  cors: "outlet",
  body: submitFeedbackSchema,
  maxBodyBytes: FEEDBACK_MAX_BODY_BYTES,
  responses: [{ status: 201, description: "Recorded", schema: z.object({ id: z.string() }) }],
  errors: { 404: "No such article", 429: "Too many submissions; see Retry-After" },
});

export const listArticleFeedback = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/feedback",
  summary: "Reader feedback on the article, with counts by status",
  tag: "feedback",
  permission: "triage:feedback",
  responses: [
    {
      status: 200,
      description: "Feedback items and counts",
      schema: z.object({ items: z.array(articleFeedbackItemSchema), counts: countsSchema }),
    },
  ],
  errors: { 404: "No such article" },
});

export const listFeedback = defineRoute({
  method: "GET",
  path: "/api/v1/feedback",
  summary: "The feedback triage inbox",
  description: "Newest first, same filters as /feedback, keyset paged.",
  tag: "feedback",
  permission: "triage:feedback",
  query: listFeedbackQuerySchema,
  responses: [
    { status: 200, description: "One page of feedback", schema: page(feedbackItemSchema) },
  ],
});

export const getFeedback = defineRoute({
  method: "GET",
  path: "/api/v1/feedback/{id}",
  summary: "One feedback item",
  tag: "feedback",
  permission: "triage:feedback",
  responses: [{ status: 200, description: "The item", schema: feedbackItemSchema }],
  errors: NO_ITEM,
});

export const triageFeedback = defineRoute({
  method: "PATCH",
  path: "/api/v1/feedback/{id}",
  summary: "Triage one feedback item",
  description: "A rejection needs a reason, a duplicate an item on the same article.",
  tag: "feedback",
  permission: "triage:feedback",
  body: triageFeedbackSchema,
  responses: [{ status: 200, description: "The item", schema: feedbackItemSchema }],
  errors: NO_ITEM,
});

export const bulkFeedback = defineRoute({
  method: "POST",
  path: "/api/v1/feedback/bulk",
  summary: "Accept, reject or mark as spam many feedback items at once",
  description:
    "One transaction; one `feedback.triage` audit event per item (with `bulk: true` and the " +
    "reason). A rejection needs a `reason`. Items already in that status or resolved by a " +
    "revision are skipped.",
  tag: "feedback",
  permission: "triage:feedback",
  body: bulkFeedbackSchema,
  responses: [
    {
      status: 200,
      description: "Ids of the items updated and of those skipped",
      schema: z.object({ updated: z.array(z.string()), skipped: z.array(z.string()) }),
    },
  ],
});
