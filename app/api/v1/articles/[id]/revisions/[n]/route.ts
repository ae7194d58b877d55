import { apiRoute } from "@/lib/api/handler";
import { getRevision as contract } from "@/lib/api/routes/history";
import { revisionParam } from "@/lib/api/schemas/history";
import { getRevision } from "@/lib/server/history";

// One revision with the full text of every segment at that point.
export const GET = apiRoute(contract, async ({ params }) =>
  getRevision(params.id, revisionParam(params.n)),
);
