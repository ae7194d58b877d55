import { apiRoute } from "@/lib/api/handler";
import { getTimeline as contract } from "@/lib/api/routes/desk";
import { getTimeline } from "@/lib/server/timeline";

export const GET = apiRoute(contract, async ({ params, query }) => getTimeline(params.id, query));
