import { apiRoute } from "@/lib/api/handler";
import { getArticle } from "@/lib/api/routes/articles";
import { getArticleDetail } from "@/lib/server/article-detail";

export const GET = apiRoute(getArticle, async ({ params }) => getArticleDetail(params.id));
