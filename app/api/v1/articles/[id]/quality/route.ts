import { apiRoute } from "@/lib/api/handler";
import { getQuality } from "@/lib/api/routes/quality";
import { getArticleQuality } from "@/lib/server/quality-scores";

// HTER, chrF, word edits and the MQM score at a revision (default: current).
export const GET = apiRoute(getQuality, async ({ params, query }) =>
  getArticleQuality(params.id, query.revision),
);
