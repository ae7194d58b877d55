import { apiRoute } from "@/lib/api/handler";
import { assignSchema } from "@/lib/api/schemas/revisions";
import { assignArticle } from "@/lib/server/articles";

export const POST = apiRoute<{ id: string }, typeof assignSchema>(
  { permission: "assign:article", body: assignSchema },
  async ({ params, body, actor }) => assignArticle(params.id, body.assignee, actor),
);
