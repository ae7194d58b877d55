import { apiRoute } from "@/lib/api/handler";
import { triageFeedbackSchema } from "@/lib/api/schemas/feedback";
import { getFeedback, triageFeedback } from "@/lib/server/feedback";

export const GET = apiRoute<{ id: string }>({ permission: "triage:feedback" }, async ({ params }) =>
  getFeedback(params.id),
);

// Triage one item; a rejection needs a reason, a duplicate an item on the same article.
export const PATCH = apiRoute<{ id: string }, typeof triageFeedbackSchema>(
  { permission: "triage:feedback", body: triageFeedbackSchema },
  async ({ params, body, user, requestId }) =>
    triageFeedback({
      id: params.id,
      status: body.status,
      reason: body.reason,
      duplicateOf: body.duplicateOf,
      actor: user(),
      requestId,
    }),
);
