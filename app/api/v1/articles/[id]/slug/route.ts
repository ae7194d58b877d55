import { apiRoute } from "@/lib/api/handler";
import { changeArticleSlug, getArticleSlug } from "@/lib/api/routes/articles";
import { changeSlug, getSlugState } from "@/lib/server/article-slug";

export const GET = apiRoute(getArticleSlug, async ({ params }) => getSlugState(params.id));

// The slug follows the corrected headline; the old one answers 308 (app/read/[slug]).
export const POST = apiRoute(changeArticleSlug, async ({ params, body, actor, requestId }) =>
  changeSlug({ articleId: params.id, slug: body.slug, actor, requestId }),
);
