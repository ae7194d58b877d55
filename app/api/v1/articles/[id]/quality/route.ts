import { apiRoute } from "@/lib/api/handler";
import { qualityQuerySchema } from "@/lib/api/schemas/quality";
import { getArticleQuality } from "@/lib/server/quality-scores";

// HTER, chrF, word edits and the MQM score at a revision (default: current).
export const GET = apiRoute<{ id: string }, undefined, typeof qualityQuerySchema>(
  { permission: "read:article", query: qualityQuerySchema },
  async ({ params, query }) => getArticleQuality(params.id, query.revision),
);
