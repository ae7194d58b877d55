import { apiRoute } from "@/lib/api/handler";
import { bulkFeedback } from "@/lib/api/routes/feedback";
import { markFeedbackSpam } from "@/lib/server/feedback-triage";

// Bulk spam, as the inbox's checkboxes do: { ids, status: "SPAM" } → { updated, skipped }.
export const POST = apiRoute(bulkFeedback, async ({ body, user, requestId }) =>
  markFeedbackSpam({ ids: body.ids, actor: user(), requestId }),
);
