import { apiRoute } from "@/lib/api/handler";
import { getEnginePatterns as contract } from "@/lib/api/routes/intel";
import { getEnginePatterns } from "@/lib/server/error-patterns";

export const GET = apiRoute(contract, async ({ query }) => getEnginePatterns(query.engine));
