import { z } from "zod";
import { NotificationKind } from "@/lib/db/generated/enums";
import { defineRoute } from "../contract";
import { articleStatusSchema } from "../schemas/articles";
import {
  createCommentSchema,
  markReadSchema,
  notificationsQuerySchema,
  timelineQuerySchema,
  updateCommentSchema,
} from "../schemas/desk";
import { isoDateTime, page } from "./common";

// The desk's hand-offs: the article timeline, comments with mentions, notifications.

const NOT_FOUND = { 404: "No such article" } as const;
const person = z.object({ name: z.string(), email: z.string() });

/** Every timeline item has an id, a time and who acted (null for anonymous readers). */
const item = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ id: z.string(), at: isoDateTime, actor: person.nullable(), ...shape });

const timelineItemSchema = z.discriminatedUnion("type", [
  item({
    type: z.literal("status"),
    from: articleStatusSchema,
    to: articleStatusSchema,
    note: z.string().nullable(),
    override: z.object({ reason: z.string() }).nullable().meta({
      description: "Set when an editor passed the gate (or a reviewer submitted) with a reason",
    }),
    revision: z.number().int(),
  }),
  item({
    type: z.literal("revision"),
    number: z.number().int(),
    kind: z.string(),
    summary: z.string().nullable(),
    segmentsChanged: z.number().int(),
  }),
  item({
    type: z.literal("comment"),
    segmentIndex: z.number().int().nullable(),
    parentId: z.string().nullable(),
    body: z.string(),
    resolved: z.boolean(),
  }),
  item({
    type: z.literal("feedback"),
    category: z.string(),
    status: z.string(),
    segmentIndex: z.number().int().nullable(),
  }),
  item({
    type: z.literal("annotation"),
    segmentIndex: z.number().int(),
    category: z.string(),
    severity: z.string(),
    status: z.string(),
  }),
  item({
    type: z.literal("publication"),
    revision: z.number().int(),
    note: z.string().nullable(),
  }),
]);

export const commentSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  segmentIndex: z.number().int().nullable(),
  parentId: z.string().nullable().meta({ description: "The thread's first comment; null for it" }),
  body: z.string(),
  author: person,
  mentions: z.array(person),
  resolved: z.boolean(),
  resolvedBy: person.nullable(),
  createdAt: isoDateTime,
});

const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NotificationKind),
  text: z.string(),
  articleId: z.string().nullable(),
  commentId: z.string().nullable(),
  actor: person.nullable(),
  read: z.boolean(),
  createdAt: isoDateTime,
});

export const getTimeline = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/timeline",
  summary: "The article's timeline, newest first",
  description:
    "Status changes (with notes and gate overrides), revisions, comments, reader feedback, " +
    "annotations and publications; keyset pagination with `cursor` = `nextCursor`.",
  tag: "desk",
  permission: "read:article",
  query: timelineQuerySchema,
  responses: [
    { status: 200, description: "One page of the timeline", schema: page(timelineItemSchema) },
  ],
  errors: NOT_FOUND,
});

export const listComments = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/comments",
  summary: "Comments on the article; each reply follows its thread's first comment",
  tag: "desk",
  permission: "read:article",
  responses: [
    {
      status: 200,
      description: "Every comment",
      schema: z.object({ items: z.array(commentSchema) }),
    },
  ],
  errors: NOT_FOUND,
});

export const createComment = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/comments",
  summary: "Comment on the article or one segment; @handles notify the users they name",
  description:
    "`@` + a user's email local part, or name without spaces, or an unambiguous first name. " +
    "The body is stored and shown as plain text.",
  tag: "desk",
  permission: "comment:article",
  body: createCommentSchema,
  responses: [{ status: 201, description: "The comment", schema: commentSchema }],
  errors: NOT_FOUND,
});

export const updateComment = defineRoute({
  method: "PATCH",
  path: "/api/v1/comments/{id}",
  summary: "Resolve or reopen a comment's thread",
  tag: "desk",
  permission: "comment:article",
  body: updateCommentSchema,
  responses: [{ status: 200, description: "The thread's first comment", schema: commentSchema }],
  errors: { 404: "No such comment" },
});

export const listNotifications = defineRoute({
  method: "GET",
  path: "/api/v1/notifications",
  summary: "The caller's notifications, newest first",
  description: "Mentions, assignments, changes requested, submissions (editors), reader feedback.",
  tag: "desk",
  permission: "read:article",
  query: notificationsQuerySchema,
  responses: [
    {
      status: 200,
      description: "One page, with the caller's unread count",
      schema: page(notificationSchema).extend({ unread: z.number().int() }),
    },
  ],
});

export const markNotificationsRead = defineRoute({
  method: "POST",
  path: "/api/v1/notifications/read",
  summary: "Mark the caller's notifications read: the listed ids, or all",
  tag: "desk",
  permission: "read:article",
  body: markReadSchema,
  responses: [
    {
      status: 200,
      description: "How many were marked",
      schema: z.object({ updated: z.number().int() }),
    },
  ],
});
