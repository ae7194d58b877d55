import { describe, expect, it } from "vitest";
import { newsArticleJsonLd, serializeJsonLd } from "@/lib/formats/news-article-jsonld";

// Issue 17 item 7: the schema.org NewsArticle on /read/<slug>, corrections included.
const base = {
  url: "https://galley.example/read/seoul-bridge",
  headline: "Seoul to open the Han River footbridge",
  inLanguage: "en",
  datePublished: new Date("2026-11-03T09:00:00Z"),
  dateModified: new Date("2026-11-04T10:30:00Z"),
  publisherName: "Yonhap",
  source: { url: "https://yna.example/ko/123", inLanguage: "ko" },
  corrections: [
    {
      note: "The bridge is 1.2 km long, not 12 km.",
      publishedAt: new Date("2026-11-04T10:30:00Z"),
    },
  ],
};

describe("newsArticleJsonLd", () => {
  it("describes the translation, its source and each published correction", () => {
    expect(newsArticleJsonLd(base)).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Seoul to open the Han River footbridge",
      url: "https://galley.example/read/seoul-bridge",
      mainEntityOfPage: "https://galley.example/read/seoul-bridge",
      inLanguage: "en",
      datePublished: "2026-11-03T09:00:00.000Z",
      dateModified: "2026-11-04T10:30:00.000Z",
      publisher: { "@type": "Organization", name: "Yonhap" },
      translationOfWork: {
        "@type": "NewsArticle",
        url: "https://yna.example/ko/123",
        inLanguage: "ko",
      },
      isBasedOn: "https://yna.example/ko/123",
      correction: [
        {
          "@type": "CorrectionComment",
          text: "The bridge is 1.2 km long, not 12 km.",
          datePublished: "2026-11-04T10:30:00.000Z",
        },
      ],
    });
  });

  it("leaves out the source when its URL is unknown, and correction when there is none", () => {
    const doc = newsArticleJsonLd({
      ...base,
      source: { url: null, inLanguage: "ko" },
      corrections: [],
    });
    expect(doc).not.toHaveProperty("translationOfWork");
    expect(doc).not.toHaveProperty("isBasedOn");
    expect(doc).not.toHaveProperty("correction");
  });

  it("gives a correction without a note a plain text", () => {
    const doc = newsArticleJsonLd({
      ...base,
      corrections: [
        { note: null, publishedAt: base.dateModified },
        { note: "  ", publishedAt: base.dateModified },
      ],
    });
    expect((doc.correction as { text: string }[]).map((c) => c.text)).toEqual([
      "This article was corrected.",
      "This article was corrected.",
    ]);
  });
});

describe("serializeJsonLd", () => {
  const hostile = 'Fixed.</script><script>alert(1)</script><!-- \u2028 & "quotes"';

  it("writes no character that could end the script element, and parses back unchanged", () => {
    const doc = newsArticleJsonLd({
      ...base,
      headline: "</SCRIPT >headline",
      corrections: [{ note: hostile, publishedAt: base.dateModified }],
    });
    const text = serializeJsonLd(doc);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain("</script");
    expect(text).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(text)).toEqual(doc);
    expect((JSON.parse(text).correction as { text: string }[])[0]!.text).toBe(hostile);
  });
});
