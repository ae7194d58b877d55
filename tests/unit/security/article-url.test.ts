import { describe, expect, it } from "vitest";
import { galleyArticleDocumentSchema } from "@/lib/formats/galley-json";
import { ingestArticleSchema } from "@/lib/ingest/schema";

// Issue 12, item 10: an article's url is a web address, never a script.
const article = {
  sourceLang: "ko",
  targetLang: "en",
  engine: { name: "MT" },
  externalId: "u-1",
  title: { source: "제목", mt: "Title" },
  source: "본문.",
  mt: "Body.",
};

describe("article url", () => {
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.com/x",
  ])("refuses %j on ingest", (url) => {
    const parsed = ingestArticleSchema.safeParse({ ...article, url });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["url"]);
  });

  it("accepts http and https", () => {
    for (const url of ["https://news.example/2026/1", "http://news.example/a?b=c#d"]) {
      expect(ingestArticleSchema.safeParse({ ...article, url }).success).toBe(true);
    }
  });

  it("refuses a javascript: url in a Galley JSON import too", () => {
    const shape = galleyArticleDocumentSchema.safeParse({
      article: { url: "javascript:alert(1)" },
    });
    expect(shape.success).toBe(false);
    expect(shape.error!.issues.some((i) => i.path.join(".") === "article.url")).toBe(true);
  });
});
