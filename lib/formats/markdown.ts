// Markdown export of an article at its current revision. Segment text is untrusted (it comes from
// the source site and the MT engine), so it is escaped until it can only render as literal text.

import type { ArticleView, SegmentView } from "@/lib/domain/types";
import { stripInvalidXmlChars } from "@/lib/formats/xml-escape";

export function toMarkdown(article: ArticleView): string {
  const segments = [...article.segments].sort((a, b) => a.index - b.index);
  const title = segments.find((segment) => segment.index === 0);
  const blocks = [`# ${escapeMarkdown(title?.text ?? "")}`.trimEnd()];
  for (const segment of segments) {
    if (segment === title) continue;
    const block = bodyBlock(segment);
    if (block) blocks.push(block);
  }
  const footer = escapeMarkdown(article.footer ?? "");
  if (footer) blocks.push("---", footer);
  return blocks.join("\n\n") + "\n";
}

function bodyBlock(segment: SegmentView): string {
  const text = escapeMarkdown(segment.text);
  if (!text) return "";
  return segment.kind === "CAPTION" ? `*${text}*` : text;
}

/**
 * Makes text inert in CommonMark/GFM:
 * - Line breaks collapse to spaces and the ends are trimmed, so a segment stays one paragraph and
 *   cannot open an indented code block or a setext heading.
 * - Backslash-escaped everywhere: \ ` * _ [ ] < > # & | ~ !
 *   (links/images need [ ], raw HTML and autolinks need <, entities need &, emphasis * _,
 *   code `, headings #, quotes >, tables |, strikethrough ~).
 * - At the start: + - = (list items, rules) and "1." / "1)" (ordered lists).
 * Not covered: GFM's bare-URL autolinking (www.… / https://…), which only links visible text.
 */
export function escapeMarkdown(text: string): string {
  // ASCII whitespace only: NBSP and U+3000 are content, not Markdown syntax.
  const line = stripInvalidXmlChars(text)
    .replace(/[ \t\r\n]+/g, " ")
    .replace(/^ | $/g, "");
  return line
    .replace(/[\\`*_[\]<>#&|~!]/g, "\\$&")
    .replace(/^[+\-=]/, "\\$&")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}
