import { apiRoute } from "@/lib/api/handler";
import { timelineQuerySchema } from "@/lib/api/schemas/desk";
import { getTimeline } from "@/lib/server/timeline";

// The article's story, newest first: status changes with notes, revisions, comments,
// reader feedback, annotations and publications (keyset-paged).
export const GET = apiRoute<{ id: string }, undefined, typeof timelineQuerySchema>(
  { permission: "read:article", query: timelineQuerySchema },
  async ({ params, query }) => getTimeline(params.id, query),
);
