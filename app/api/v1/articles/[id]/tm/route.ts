import { apiRoute } from "@/lib/api/handler";
import { getArticleTm as contract } from "@/lib/api/routes/intel";
import { articleTm } from "@/lib/server/translation-memory";

export const GET = apiRoute(contract, async ({ params }) => articleTm(params.id));
