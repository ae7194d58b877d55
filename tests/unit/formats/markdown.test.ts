import { describe, expect, it } from "vitest";

import { escapeMarkdown, toMarkdown } from "@/lib/formats/markdown";

import { article, segment } from "./fixtures";

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1))",
  "![x](https://evil.example/pixel.png)",
  "<https://evil.example>",
  "&lt;script&gt; and &#60;b&#62;",
];

/** A character that Markdown would treat as syntax unless a backslash precedes it. */
const unescaped = (char: string) => new RegExp(`(^|[^\\\\])\\${char}`);

describe("toMarkdown", () => {
  it("writes title heading, paragraphs, italic captions and the footer after a rule", () => {
    const doc = article({ segments: article().segments.slice(0, 3) });
    expect(toMarkdown(doc)).toBe(
      [
        "# Seoul flood warning",
        "Heavy rain fell.",
        "*A flooded street*",
        "---",
        "This article was machine-translated and reviewed by an editor.",
      ].join("\n\n") + "\n",
    );
  });

  it("omits the rule without a footer, skips empty segments and orders by index", () => {
    const doc = article({
      footer: null,
      segments: [
        segment(2, { text: "Second" }),
        segment(1, { text: "  " }),
        segment(0, { text: "T" }),
      ],
    });
    expect(toMarkdown(doc)).toBe("# T\n\nSecond\n");
  });

  it.each(PAYLOADS)("renders %s as literal text", (payload) => {
    const out = toMarkdown(
      article({
        footer: payload,
        segments: [
          segment(0, { text: payload }),
          segment(1, { text: payload }),
          segment(2, { kind: "CAPTION", text: payload }),
        ],
      }),
    );
    for (const char of ["<", ">", "[", "]", "&", "!"]) expect(out).not.toMatch(unescaped(char));
  });

  it("escapes exactly the documented characters", () => {
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("\\<script\\>alert(1)\\</script\\>");
    expect(escapeMarkdown("[x](javascript:alert(1))")).toBe("\\[x\\](javascript:alert(1))");
    expect(escapeMarkdown("a\\b `c` *d* _e_ #f |g| ~h~ i&j !k")).toBe(
      "a\\\\b \\`c\\` \\*d\\* \\_e\\_ \\#f \\|g\\| \\~h\\~ i\\&j \\!k",
    );
    expect(escapeMarkdown(`plain "quotes" 'apostrophes' (parens) 한국어 😀`)).toBe(
      `plain "quotes" 'apostrophes' (parens) 한국어 😀`,
    );
  });

  it("neutralises block syntax at the start and line breaks inside a segment", () => {
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("+ not a list")).toBe("\\+ not a list");
    expect(escapeMarkdown("1. not ordered")).toBe("1\\. not ordered");
    expect(escapeMarkdown("2024) not ordered")).toBe("2024\\) not ordered");
    expect(escapeMarkdown("=== not a heading")).toBe("\\=== not a heading");
    expect(escapeMarkdown("    not code")).toBe("not code");
    expect(escapeMarkdown("line one\n\n# injected heading\n> quote")).toBe(
      "line one \\# injected heading \\> quote",
    );
    expect(escapeMarkdown("keeps\u00a0nbsp and\u3000ideographic space")).toBe(
      "keeps\u00a0nbsp and\u3000ideographic space",
    );
  });
});
