import { describe, expect, it } from "vitest";

import pkg from "@/package.json";
import { toTmx, type TmxUnit } from "@/lib/formats/tmx";

import { NASTY } from "./fixtures";
import { checkWellFormed, decodeXml } from "./xml-check";

const units: TmxUnit[] = [
  {
    sourceLang: "ko",
    targetLang: "en",
    source: "서울 홍수 경보",
    target: "Seoul flood warning",
    articleId: "cm1article0001",
    segmentIndex: 0,
    changedAt: "2025-03-04T05:06:07.890Z",
  },
  { sourceLang: "ko", targetLang: "en", source: `원문 ${NASTY}`, target: NASTY },
  {
    sourceLang: "ja",
    targetLang: "en",
    source: "改行\r\nと\tタブ",
    target: `quotes " ' and <tags attr="x"> & more`,
    articleId: `id"with<odd>&chars`,
  },
];

/** Reads the <tu>s back: languages and decoded segment text of each variant. */
function readPairs(xml: string) {
  return [...xml.matchAll(/<tu\b[^>]*>([\s\S]*?)<\/tu>/g)].map((tu) =>
    [...(tu[1] ?? "").matchAll(/<tuv xml:lang="([^"]*)"><seg>([\s\S]*?)<\/seg><\/tuv>/g)].map(
      (tuv) => ({ lang: decodeXml(tuv[1] ?? ""), text: decodeXml(tuv[2] ?? "") }),
    ),
  );
}

describe("toTmx", () => {
  const xml = toTmx(units, { srcLang: "ko" });

  it("is well-formed XML", async () => {
    const result = await checkWellFormed(xml, "memory.tmx");
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("writes a TMX 1.4 header", () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">\n/);
    expect(xml).toContain(
      `<header creationtool="Galley" creationtoolversion="${pkg.version}" segtype="sentence" ` +
        `o-tmf="galley" adminlang="en" srclang="ko" datatype="plaintext"/>`,
    );
    expect(toTmx([], { srcLang: "en", creationTool: "Galley CLI" })).toContain(
      'creationtool="Galley CLI"',
    );
  });

  it("contains exactly the given pairs, one <tu> each, source first", () => {
    expect(readPairs(xml)).toEqual(
      units.map((u) => [
        { lang: u.sourceLang, text: u.source },
        { lang: u.targetLang, text: u.target },
      ]),
    );
  });

  it("escapes markup, quotes and CR instead of emitting them raw", () => {
    expect(xml).not.toContain("<b>");
    expect(xml).not.toContain("<tags");
    expect(xml).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(xml).toContain("&quot;double&quot; &apos;single&apos; &amp;amp; &amp;lt;");
    expect(xml).toContain("a]]&gt;b");
    expect(xml).toContain("改行&#13;\nと\tタブ");
  });

  it("adds article props, changedate and a per-unit srclang only when it differs", () => {
    expect(xml).toContain('<tu changedate="20250304T050607Z">');
    expect(xml).toContain('<prop type="x-article">cm1article0001</prop>');
    expect(xml).toContain('<prop type="x-segment">0</prop>');
    expect(xml).toContain('<prop type="x-article">id&quot;with&lt;odd&gt;&amp;chars</prop>');
    expect(xml).toContain('<tu srclang="ja">');
    expect(xml.match(/<prop /g)).toHaveLength(3);
  });

  it("drops characters XML 1.0 cannot carry", async () => {
    const out = toTmx(
      [
        {
          sourceLang: "en",
          targetLang: "de",
          source: "nul\u0000 bell\u0007 ok",
          target: "\uFFFEx\uD800y",
        },
      ],
      { srcLang: "en" },
    );
    expect(readPairs(out)).toEqual([
      [
        { lang: "en", text: "nul bell ok" },
        { lang: "de", text: "xy" },
      ],
    ]);
    expect((await checkWellFormed(out)).valid).toBe(true);
  });

  it("writes an empty body for no units and rejects unparseable dates", async () => {
    expect((await checkWellFormed(toTmx([], { srcLang: "ko" }))).valid).toBe(true);
    const bad = [{ ...units[0]!, changedAt: "yesterday" }];
    expect(() => toTmx(bad, { srcLang: "ko" })).toThrow(RangeError);
  });
});
