import { apiRoute } from "@/lib/api/handler";
import { getArticleWarnings } from "@/lib/server/checks";

// QA warnings on the current text (computed on every read; dismissed ones left out).
export const GET = apiRoute<{ id: string }>({ permission: "read:article" }, async ({ params }) => ({
  items: await getArticleWarnings(params.id),
}));
