import { apiRoute } from "@/lib/api/handler";
import { changeStatus as contract } from "@/lib/api/routes/articles";
import { changeStatus } from "@/lib/server/revisions";

// Workflow transitions; each target status needs its own permission (lib/domain/workflow.ts).
export const POST = apiRoute(contract, async ({ params, body, actor, requestId }) =>
  changeStatus({ articleId: params.id, ...body, actor, requestId }),
);
