import { z } from "zod";
import { defineRoute } from "../contract";
import { articleEventsQuerySchema, presenceBodySchema } from "../schemas/live";

// Live presence and updates on one article (ADR 008): a Server-Sent Events stream
// fed by PostgreSQL LISTEN/NOTIFY, and the call that says which segment I edit.

export const articleEvents = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/events",
  summary: "Live events on the article (Server-Sent Events)",
  description:
    "Events: `ready` { connectionId }, `presence` { users: [{ connectionId, name, email, " +
    "segmentIndex }] }, `revision`, `status`, `comment` (ids, numbers and names, never text) " +
    "and `resync` (re-read the article). A comment line every 15 s. While the stream is open " +
    "the caller is listed as present. See docs/api.md, Live events.",
  tag: "desk",
  permission: "read:article",
  query: articleEventsQuerySchema,
  responses: [
    {
      status: 200,
      description: "The event stream, until the client leaves or maxSeconds pass",
      contentTypes: ["text/event-stream"],
    },
  ],
  errors: { 404: "No such article", 429: "Too many live streams open for this user" },
});

export const setPresence = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/presence",
  summary: "Say which segment I am editing (null: none)",
  description:
    "Updates the caller's presence rows on the article (one stream, by `connectionId`, or all " +
    "of them) and tells everyone on it. `updated` is 0 when the caller has no stream open.",
  tag: "desk",
  permission: "read:article",
  body: presenceBodySchema,
  responses: [
    {
      status: 200,
      description: "How many of the caller's streams changed",
      schema: z.object({ updated: z.number().int() }),
    },
  ],
});
