import { describe, expect, it } from "vitest";

import { escapeHtml, toHtml } from "@/lib/formats/html";

import { article, segment } from "./fixtures";

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1))",
  `"><svg onload=alert(1)>`,
  "' onmouseover='alert(1)",
];

const STRUCTURE = [
  "html",
  "head",
  "meta",
  "title",
  "body",
  "article",
  "h1",
  "p",
  "figure",
  "figcaption",
  "footer",
];
const tagNames = (html: string) =>
  [...html.matchAll(/<\/?([a-z][a-z0-9-]*)/gi)].map((m) => m[1]?.toLowerCase());

describe("toHtml", () => {
  it("writes a minimal HTML5 document", () => {
    const html = toHtml(article({ segments: article().segments.slice(0, 3) }));
    expect(html).toBe(
      [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        "<title>Seoul flood warning</title>",
        "</head>",
        "<body>",
        "<article>",
        "<h1>Seoul flood warning</h1>",
        "<p>Heavy rain fell.</p>",
        "<figure><figcaption>A flooded street</figcaption></figure>",
        "<footer>This article was machine-translated and reviewed by an editor.</footer>",
        "</article>",
        "</body>",
        "</html>",
        "",
      ].join("\n"),
    );
  });

  it("has no footer without one and falls back to the slug for an empty title", () => {
    const html = toHtml(article({ footer: null, segments: [segment(0, { text: "" })] }));
    expect(html).not.toContain("<footer>");
    expect(html).toContain("<title>flood-warning-seoul</title>");
  });

  it.each(PAYLOADS)("never turns %s into markup", (payload) => {
    const html = toHtml(
      article({
        targetLang: payload,
        footer: payload,
        segments: [
          segment(0, { text: payload }),
          segment(1, { text: payload }),
          segment(2, { kind: "CAPTION", text: payload }),
        ],
      }),
    );
    expect(new Set(tagNames(html))).toEqual(new Set(STRUCTURE));
    expect(html).not.toMatch(/<(script|img|svg)/i);
    // Nothing can close the lang attribute early.
    expect(html).toMatch(/<html lang="[^"<>]*">/);
  });

  it("escapes & < > \" ' and keeps other text as is", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
    expect(escapeHtml("한국어 뉴스 😀 [x](javascript:alert(1))")).toBe(
      "한국어 뉴스 😀 [x](javascript:alert(1))",
    );
  });
});
