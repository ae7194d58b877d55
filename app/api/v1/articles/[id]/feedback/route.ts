import { corsPreflight } from "@/lib/api/cors";
import { apiRoute } from "@/lib/api/handler";
import { listArticleFeedback, submitFeedback as submit } from "@/lib/api/routes/feedback";
import { feedbackInput } from "@/lib/api/schemas/feedback";
import { getArticleMeta } from "@/lib/server/articles";
import { feedbackCountsForArticle, listFeedbackForArticle } from "@/lib/server/feedback-queries";
import { outletOfArticle } from "@/lib/server/embed";
import { submitFeedback } from "@/lib/server/feedback-intake";

// Public: readers are anonymous. Over-long fields are 413, bad anchors 400,
// bursts 429 with Retry-After (lib/server/feedback.ts). The embed posts here from the
// outlet's own pages: CORS for the article's outlet's allowed origins (lib/api/cors.ts).
export const POST = apiRoute(
  submit,
  async ({ params, body, ipHash, requestId, reply }) => {
    // Feedback is always the reader's voice, even from a signed-in browser.
    const res = await submitFeedback(feedbackInput(params.id, body), {
      actor: { type: "ANONYMOUS", ipHash },
      ipHash,
      requestId,
    });
    return reply(201, { id: res.id });
  },
  { corsOutlet: ({ params }) => outletOfArticle(params.id) },
);

export const OPTIONS = corsPreflight(POST);

export const GET = apiRoute(listArticleFeedback, async ({ params }) => {
  await getArticleMeta(params.id); // 404 for an unknown article
  const [items, counts] = await Promise.all([
    listFeedbackForArticle(params.id),
    feedbackCountsForArticle(params.id),
  ]);
  return { items, counts };
});
