import { apiRoute } from "@/lib/api/handler";
import { changeStatusSchema } from "@/lib/api/schemas/revisions";
import { changeStatus } from "@/lib/server/revisions";

// Workflow transitions; each target status needs its own permission (lib/domain/workflow.ts).
export const POST = apiRoute<{ id: string }, typeof changeStatusSchema>(
  { permission: "edit:revision", body: changeStatusSchema },
  async ({ params, body, actor, requestId }) =>
    changeStatus({ articleId: params.id, ...body, actor, requestId }),
);
