// schema.org NewsArticle for /read/<slug> (issue 17 item 7): what search engines and news
// aggregators read to learn that a translated article exists, what it was translated from,
// and which corrections were published (`correction` → CorrectionComment). Pure.
import { correctionText } from "@/lib/domain/corrections";

export interface NewsArticleJsonLdInput {
  /** Absolute URL of the reader's page. */
  url: string;
  headline: string;
  /** The translation's language (BCP 47). */
  inLanguage: string;
  /** First publication of the translation. */
  datePublished: Date;
  /** Last change of the public text (the latest correction, else the first publication). */
  dateModified: Date;
  publisherName: string;
  /** The article it was translated from, when its URL is known (Article.url). */
  source: { url: string | null; inLanguage: string };
  corrections: { note: string | null; publishedAt: Date }[];
}

export function newsArticleJsonLd(input: NewsArticleJsonLdInput): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: input.headline,
    url: input.url,
    mainEntityOfPage: input.url,
    inLanguage: input.inLanguage,
    datePublished: input.datePublished.toISOString(),
    dateModified: input.dateModified.toISOString(),
    publisher: { "@type": "Organization", name: input.publisherName },
  };
  if (input.source.url) {
    doc.translationOfWork = {
      "@type": "NewsArticle",
      url: input.source.url,
      inLanguage: input.source.inLanguage,
    };
    doc.isBasedOn = input.source.url;
  }
  if (input.corrections.length > 0) {
    doc.correction = input.corrections.map((c) => ({
      "@type": "CorrectionComment",
      text: correctionText(c.note),
      datePublished: c.publishedAt.toISOString(),
    }));
  }
  return doc;
}

// Inside <script>, the HTML parser ends the element at the first "</script" whatever the JSON
// says, and "<!--" changes how it looks for the end. Writing every "<" (and ">" and "&", and
// the line separators some JavaScript parsers reject) as a \u escape keeps the JSON identical
// for a JSON parser while no HTML parser can see markup in it.
const SCRIPT_UNSAFE: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** JSON for the body of a <script type="application/ld+json"> element. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c]!);
}
