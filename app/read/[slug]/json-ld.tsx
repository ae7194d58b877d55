import { headers } from "next/headers";
import { correctionsOf } from "@/lib/domain/corrections";
import { siteOrigin } from "@/lib/env";
import { newsArticleJsonLd, serializeJsonLd } from "@/lib/formats/news-article-jsonld";
import type { PublicArticle } from "@/lib/server/public-articles";

/**
 * schema.org NewsArticle with its published corrections (issue 17 item 7), for the current
 * public text only: an older version or unreviewed text is not the article to describe.
 */
export async function NewsArticleJsonLd({ article }: { article: PublicArticle }) {
  const shown = article.shown;
  const first = article.versions[0];
  const last = article.versions.at(-1);
  if (!shown || shown.superseded || !shown.reviewed || !first || !last) return null;
  const h = await headers();
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  const origin = siteOrigin(`${proto}://${h.get("host") ?? "localhost"}`);
  const json = serializeJsonLd(
    newsArticleJsonLd({
      url: `${origin}/read/${encodeURIComponent(article.slug)}`,
      headline: shown.segments[0]?.text ?? "",
      inLanguage: article.targetLang,
      datePublished: first.publishedAt,
      dateModified: last.publishedAt,
      publisherName: article.outlet ?? "Galley",
      source: { url: article.url, inLanguage: article.sourceLang },
      corrections: correctionsOf(article.versions),
    }),
  );
  // serializeJsonLd writes every "<" as \u003c: untrusted text cannot end this element. The
  // request's CSP nonce marks it as the server's own, like Next's scripts (it is data, never run).
  return (
    <script
      type="application/ld+json"
      nonce={h.get("x-nonce") ?? undefined}
      dangerouslySetInnerHTML={{ __html: json }}
    />
  );
}
