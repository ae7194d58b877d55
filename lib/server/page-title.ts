import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/** The article's title for a browser tab, shortened; null when there is no such article. */
export const articleTabTitle = cache(async (articleId: string): Promise<string | null> => {
  if (articleId.length > 64) return null;
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: { title: true },
  });
  if (!article) return null;
  return article.title.length > 60 ? `${article.title.slice(0, 60)}…` : article.title;
});
