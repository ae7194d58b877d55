import { apiRoute } from "@/lib/api/handler";
import { listWarnings } from "@/lib/api/routes/quality";
import { getArticleWarnings } from "@/lib/server/checks";

// QA warnings on the current text (computed on every read; dismissed ones left out).
export const GET = apiRoute(listWarnings, async ({ params }) => ({
  items: await getArticleWarnings(params.id),
}));
