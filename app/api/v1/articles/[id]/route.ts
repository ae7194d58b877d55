import { apiRoute } from "@/lib/api/handler";
import { getArticleDetail } from "@/lib/server/article-detail";

export const GET = apiRoute<{ id: string }>({ permission: "read:article" }, async ({ params }) =>
  getArticleDetail(params.id),
);
