import { apiRoute } from "@/lib/api/handler";
import { bulkFeedback } from "@/lib/api/routes/feedback";
import { bulkTriageFeedback } from "@/lib/server/feedback-triage";

// Bulk triage, as the inbox's checkboxes do: { ids, status, reason? } → { updated, skipped }.
export const POST = apiRoute(bulkFeedback, async ({ body, user, requestId }) =>
  bulkTriageFeedback({
    ids: body.ids,
    status: body.status,
    reason: body.reason,
    actor: user(),
    requestId,
  }),
);
