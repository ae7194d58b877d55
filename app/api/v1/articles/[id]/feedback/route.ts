import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { FEEDBACK_MAX_BODY_BYTES, submitFeedbackSchema } from "@/lib/api/schemas/feedback";
import { HONEYPOT_FIELD } from "@/lib/domain/feedback";
import { getArticleMeta } from "@/lib/server/articles";
import {
  feedbackCountsForArticle,
  listFeedbackForArticle,
  submitFeedback,
} from "@/lib/server/feedback";

// Public: readers are anonymous. Over-long fields are 413, bad anchors 400,
// bursts 429 with Retry-After (lib/server/feedback.ts).
export const POST = apiRoute<{ id: string }, typeof submitFeedbackSchema>(
  { public: true, body: submitFeedbackSchema, maxBodyBytes: FEEDBACK_MAX_BODY_BYTES },
  async ({ params, body, ipHash, requestId }) => {
    const res = await submitFeedback(
      {
        articleId: params.id,
        category: body.category,
        comment: body.comment,
        suggestion: body.suggestion,
        quote: body.quote,
        contact: body.contact,
        segmentIndex: body.segmentIndex,
        quoteStart: body.quoteStart,
        quoteEnd: body.quoteEnd,
        revisionSeen: body.revisionSeen,
        honeypot: body[HONEYPOT_FIELD],
      },
      // Feedback is always the reader's voice, even from a signed-in browser.
      { actor: { type: "ANONYMOUS", ipHash }, ipHash, requestId },
    );
    return json({ id: res.id }, 201);
  },
);

export const GET = apiRoute<{ id: string }>(
  { permission: "triage:feedback" },
  async ({ params }) => {
    await getArticleMeta(params.id); // 404 for an unknown article
    const [items, counts] = await Promise.all([
      listFeedbackForArticle(params.id),
      feedbackCountsForArticle(params.id),
    ]);
    return { items, counts };
  },
);
