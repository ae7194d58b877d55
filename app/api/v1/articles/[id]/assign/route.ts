import { apiRoute } from "@/lib/api/handler";
import { assignArticle as contract } from "@/lib/api/routes/articles";
import { assignArticle } from "@/lib/server/articles";

export const POST = apiRoute(contract, async ({ params, body, actor }) =>
  assignArticle(params.id, body.assignee, actor),
);
