import { apiRoute } from "@/lib/api/handler";
import { getFeedback as get, triageFeedback as triage } from "@/lib/api/routes/feedback";
import { getFeedback } from "@/lib/server/feedback-queries";
import { triageFeedback } from "@/lib/server/feedback-triage";

export const GET = apiRoute(get, async ({ params }) => getFeedback(params.id));

// Triage one item; a rejection needs a reason, a duplicate an item on the same article.
export const PATCH = apiRoute(triage, async ({ params, body, user, requestId }) =>
  triageFeedback({
    id: params.id,
    status: body.status,
    reason: body.reason,
    duplicateOf: body.duplicateOf,
    actor: user(),
    requestId,
  }),
);
