import { apiRoute } from "@/lib/api/handler";
import { bulkFeedbackSchema } from "@/lib/api/schemas/feedback";
import { markFeedbackSpam } from "@/lib/server/feedback";

// Bulk spam, as the inbox's checkboxes do: { ids, status: "SPAM" } → { updated, skipped }.
export const POST = apiRoute(
  { permission: "triage:feedback", body: bulkFeedbackSchema },
  async ({ body, user, requestId }) =>
    markFeedbackSpam({ ids: body.ids, actor: user(), requestId }),
);
