import { z } from "zod";
import { RevisionKind } from "@/lib/db/generated/enums";
import { defineRoute } from "../contract";
import { articleStatusSchema } from "../schemas/articles";
import {
  blameQuerySchema,
  diffQuerySchema,
  listRevisionsQuerySchema,
  revertSchema,
} from "../schemas/history";
import { articleSegmentSchema, revisionResultSchema } from "../schemas/interchange";
import { saveRevisionSchema } from "../schemas/revisions";
import { authorSchema, changeSchema, createdOrUnchanged, isoDateTime, page } from "./common";

const revisionKindSchema = z.enum(RevisionKind);

const revisionSummarySchema = z.object({
  number: z.number().int(),
  author: authorSchema,
  viaToken: z.boolean().meta({ description: "Saved through an API token, not the browser" }),
  createdAt: isoDateTime,
  summary: z.string().nullable(),
  wordsAdded: z.number().int(),
  wordsRemoved: z.number().int(),
  segmentsChanged: z.number().int(),
  kind: revisionKindSchema,
  status: articleStatusSchema.meta({ description: "The article's status when it was saved" }),
  revertedTo: z.number().int().nullable(),
  feedbackId: z.string().nullable(),
  published: z.boolean(),
});

export const listRevisions = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/revisions",
  summary: "Edit history, newest first",
  tag: "history",
  permission: "read:article",
  query: listRevisionsQuerySchema,
  responses: [
    {
      status: 200,
      description: "One page of revisions",
      schema: page(revisionSummarySchema),
    },
  ],
  errors: { 404: "No such article" },
});

export const saveRevision = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/revisions",
  summary: "Save a new revision on top of baseRevision",
  tag: "revisions",
  permission: "edit:revision",
  body: saveRevisionSchema,
  responses: createdOrUnchanged(revisionResultSchema),
  errors: {
    404: "No such article",
    409: "Stale baseRevision; carries the current revision and text",
  },
});

export const getRevision = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/revisions/{n}",
  summary: "One revision with the full text of every segment",
  tag: "history",
  permission: "read:article",
  responses: [
    {
      status: 200,
      description: "The revision",
      schema: revisionSummarySchema.extend({ segments: z.array(articleSegmentSchema) }),
    },
  ],
  errors: { 400: "The revision is not a number", 404: "No such article or revision" },
});

export const revertArticle = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/revert",
  summary: "Restore an old revision's text as a new revision",
  tag: "history",
  permission: "edit:revision",
  body: revertSchema,
  responses: createdOrUnchanged(revisionResultSchema),
  errors: { 404: "No such article", 409: "Stale baseRevision" },
});

export const diffRevisions = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/diff",
  summary: "Word diff between two revisions",
  description:
    "Joining the values of the non-removed changes of a segment gives its text at `to`; the " +
    "non-added ones give its text at `from`.",
  tag: "history",
  permission: "read:article",
  query: diffQuerySchema,
  responses: [
    {
      status: 200,
      description: "Changes per segment and totals",
      schema: z.object({
        from: z.number().int(),
        to: z.number().int(),
        segments: z.array(z.object({ index: z.number().int(), changes: z.array(changeSchema) })),
        stats: z.object({
          wordsAdded: z.number().int(),
          wordsRemoved: z.number().int(),
          segmentsChanged: z.number().int(),
        }),
      }),
    },
  ],
  errors: { 404: "No such article" },
});

export const blame = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/blame",
  summary: "Per segment, the revision, author and time of its last change",
  tag: "history",
  permission: "read:article",
  query: blameQuerySchema,
  responses: [
    {
      status: 200,
      description: "Blame per segment",
      schema: z.object({
        revision: z.number().int(),
        segments: z.array(
          z.object({
            index: z.number().int(),
            revision: z.number().int(),
            author: authorSchema,
            changedAt: isoDateTime,
            summary: z.string().nullable(),
          }),
        ),
      }),
    },
  ],
  errors: { 404: "No such article" },
});

export const segmentHistory = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/blame/{index}",
  summary: "Every change of one segment, oldest first",
  tag: "history",
  permission: "read:article",
  responses: [
    {
      status: 200,
      description: "The segment's history",
      schema: z.object({
        index: z.number().int(),
        changes: z.array(
          z.object({
            revision: z.number().int(),
            author: authorSchema,
            changedAt: isoDateTime,
            summary: z.string().nullable(),
            kind: revisionKindSchema,
            text: z.string(),
            changes: z
              .array(changeSchema)
              .meta({ description: "Diff against the text it replaced" }),
          }),
        ),
      }),
    },
  ],
  errors: { 400: "The segment index is not a number", 404: "No such article or segment" },
});
