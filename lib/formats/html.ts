// Standalone HTML5 export of an article at its current revision. Every piece of text — segments,
// title, footer, the lang attribute — is HTML-escaped, so untrusted text never becomes markup.

import type { ArticleView, SegmentView } from "@/lib/domain/types";
import { stripInvalidXmlChars } from "@/lib/formats/xml-escape";

export function toHtml(article: ArticleView): string {
  const segments = [...article.segments].sort((a, b) => a.index - b.index);
  const title = segments.find((segment) => segment.index === 0)?.text ?? "";
  const body = segments.filter((segment) => segment.index !== 0).map(bodyElement);
  const footer = article.footer ? [`<footer>${escapeHtml(article.footer)}</footer>`] : [];
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(article.targetLang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title || article.slug)}</title>`,
    "</head>",
    "<body>",
    "<article>",
    `<h1>${escapeHtml(title)}</h1>`,
    ...body,
    ...footer,
    "</article>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function bodyElement(segment: SegmentView): string {
  const text = escapeHtml(segment.text);
  // <figcaption> is only valid inside <figure>; there is no image to go with it.
  return segment.kind === "CAPTION"
    ? `<figure><figcaption>${text}</figcaption></figure>`
    : `<p>${text}</p>`;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes & < > " ' (safe in text and quoted attributes) and drops control characters. */
export function escapeHtml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
