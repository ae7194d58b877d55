import { apiRoute } from "@/lib/api/handler";
import { blame as contract } from "@/lib/api/routes/history";
import { blame } from "@/lib/server/history";

// Per segment, the revision, author and time of its last change.
export const GET = apiRoute(contract, async ({ params, query }) => blame(params.id, query.at));
