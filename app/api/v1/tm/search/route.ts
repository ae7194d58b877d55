import { apiRoute } from "@/lib/api/handler";
import { searchTm as contract } from "@/lib/api/routes/intel";
import { concordance } from "@/lib/server/translation-memory";

export const GET = apiRoute(contract, async ({ query }) => concordance(query.q));
