import { apiRoute } from "@/lib/api/handler";
import { listFeedbackQuerySchema } from "@/lib/api/schemas/feedback";
import { listFeedback } from "@/lib/server/feedback";

// The triage inbox as JSON: newest first, same filters as /feedback, keyset paged.
export const GET = apiRoute(
  { permission: "triage:feedback", query: listFeedbackQuerySchema },
  async ({ query }) => listFeedback(query),
);
