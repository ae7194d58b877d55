import { apiRoute } from "@/lib/api/handler";
import { listFeedback as contract } from "@/lib/api/routes/feedback";
import { listFeedback } from "@/lib/server/feedback-queries";

// The triage inbox as JSON: newest first, same filters as /feedback, keyset paged.
export const GET = apiRoute(contract, async ({ query }) => listFeedback(query));
