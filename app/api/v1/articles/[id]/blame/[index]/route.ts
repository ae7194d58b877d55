import { apiRoute } from "@/lib/api/handler";
import { segmentHistory as contract } from "@/lib/api/routes/history";
import { segmentIndexParam } from "@/lib/api/schemas/history";
import { segmentHistory } from "@/lib/server/history";

// Every change of one segment, oldest first, each with a diff against the text it replaced.
export const GET = apiRoute(contract, async ({ params }) =>
  segmentHistory(params.id, segmentIndexParam(params.index)),
);
