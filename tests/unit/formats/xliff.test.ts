import { describe, expect, it } from "vitest";

import type { ArticleView } from "@/lib/domain/types";
import { FormatError, parseXliff, toXliff12, toXliff2 } from "@/lib/formats/xliff";

import { article, NASTY, segment } from "./fixtures";
import { checkWellFormed } from "./xml-check";

const expectedUnits = (doc: ArticleView) =>
  doc.segments.map((s) => ({ index: s.index, source: s.source ?? s.mt, target: s.text }));

describe("toXliff2", () => {
  const xml = toXliff2(article());

  it("writes languages, one file per article and one unit per segment", () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff /);
    expect(xml).toContain('xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"');
    expect(xml).toContain('srcLang="ko" trgLang="en"');
    expect(xml).toContain('<file id="cm1article0001" original="flood-warning-seoul">');
    expect([...xml.matchAll(/<unit id="(s\d+)"/g)].map((m) => m[1])).toEqual([
      "s0",
      "s1",
      "s2",
      "s3",
    ]);
  });

  it("carries the MT in a category=mt note and the kind in the name attribute", () => {
    expect(xml).toContain('<unit id="s2" name="CAPTION">');
    expect(xml).toContain('<note category="mt">Seoul flood warnin</note>');
    expect(xml).toContain("<source>서울 홍수 경보</source>");
    expect(xml).toContain("<target>Seoul flood warning</target>");
  });

  it("escapes text and attribute values instead of emitting markup", async () => {
    const doc = article({ slug: `a"b<c>&d` });
    const out = toXliff2(doc);
    expect(out).not.toContain("<b>bold");
    expect(out).toContain('original="a&quot;b&lt;c&gt;&amp;d"');
    expect(out).toContain("a]]&gt;b");
    expect((await checkWellFormed(out)).valid).toBe(true);
  });

  it("orders units by segment index", () => {
    const doc = article({ segments: [segment(2), segment(0), segment(1)] });
    expect([...toXliff2(doc).matchAll(/<unit id="(s\d+)"/g)].map((m) => m[1])).toEqual([
      "s0",
      "s1",
      "s2",
    ]);
  });

  it("uses the MT as source when the article has no source text", () => {
    const doc = article({
      segments: [segment(0, { source: null, mt: "Only MT", text: "Edited" })],
    });
    expect(toXliff2(doc)).toContain("<source>Only MT</source>");
  });
});

describe("toXliff12", () => {
  const xml = toXliff12(article());

  it("writes trans-units with source, target, kind and an MT note", () => {
    expect(xml).toContain('version="1.2"');
    expect(xml).toContain(
      '<file original="flood-warning-seoul" datatype="plaintext" source-language="ko" target-language="en">',
    );
    expect(xml).toContain('<trans-unit id="s0" resname="TITLE">');
    expect(xml).toContain('<note from="mt">Seoul flood warnin</note>');
    expect([...xml.matchAll(/<trans-unit id="(s\d+)"/g)].map((m) => m[1])).toEqual([
      "s0",
      "s1",
      "s2",
      "s3",
    ]);
  });
});

describe("XLIFF round trip", () => {
  const hostile = article({
    segments: [
      segment(0, { source: NASTY, mt: NASTY, text: `${NASTY} (edited)` }),
      segment(1, {
        source: "&amp;&amp;amp; & &#38; <![CDATA[x]]>",
        text: "<script>alert(1)</script>",
      }),
      segment(2, {
        source: null,
        mt: "MT only — 'quoted' \"text\"",
        text: "  leading spaces kept",
      }),
      segment(3, { source: "", text: "" }),
      segment(4, { source: "줄\n바꿈", text: "tab\tand\nnewline inside" }),
    ],
  });

  it.each([
    ["2.0", toXliff2],
    ["1.2", toXliff12],
  ] as const)("XLIFF %s keeps source and target per index exactly", (version, write) => {
    for (const doc of [article(), hostile]) {
      const parsed = parseXliff(write(doc));
      expect(parsed.version).toBe(version);
      expect(parsed.srcLang).toBe("ko");
      expect(parsed.trgLang).toBe("en");
      expect(parsed.units).toEqual(expectedUnits(doc));
    }
  });

  it("strips characters XML 1.0 cannot carry (NUL, other C0 controls)", () => {
    const doc = article({
      segments: [segment(0, { source: "a\u0000b", text: "c\u0001d\u001fe\ttab" })],
    });
    expect(parseXliff(toXliff2(doc)).units).toEqual([
      { index: 0, source: "ab", target: "cde\ttab" },
    ]);
    expect(parseXliff(toXliff12(doc)).units).toEqual([
      { index: 0, source: "ab", target: "cde\ttab" },
    ]);
  });
});

describe("parseXliff on documents from elsewhere", () => {
  it("reads XLIFF 2.0 with groups, inline codes and a missing or empty target", () => {
    const xml = `<?xml version='1.0'?>
<!-- exported by a CAT tool -->
<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0' srcLang='ko' trgLang='en'>
  <file id="f1">
    <group id="body">
      <unit id="s1"><segment><source>가 <pc id="1">나</pc></source><target>A <pc id="1">B</pc></target></segment></unit>
    </group>
    <unit id="s0"><segment><source>제목</source></segment></unit>
    <unit id="s2"><segment><source>x</source><target/></segment></unit>
  </file>
</xliff>
<!-- trailing comment -->
`;
    expect(parseXliff(xml)).toEqual({
      version: "2.0",
      srcLang: "ko",
      trgLang: "en",
      units: [
        { index: 0, source: "제목", target: null },
        { index: 1, source: "가 나", target: "A B" },
        { index: 2, source: "x", target: "" },
      ],
    });
  });

  it("reads XLIFF 1.2 languages from the file element", () => {
    const xml = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="x" datatype="plaintext" source-language="ko" target-language="en-GB"><body>
    <trans-unit id="s7"><source>원문</source><target>Text</target></trans-unit>
  </body></file>
</xliff>`;
    expect(parseXliff(xml)).toEqual({
      version: "1.2",
      srcLang: "ko",
      trgLang: "en-GB",
      units: [{ index: 7, source: "원문", target: "Text" }],
    });
  });
});

describe("parseXliff errors", () => {
  const valid = toXliff2(article());
  const cases: [string, string, RegExp][] = [
    ["mismatched tags", valid.replace("</target>", "</source>"), /Malformed XLIFF 2\.0/],
    ["a bad entity", valid.replace("Heavy rain", "Heavy &rain;"), /Malformed XLIFF 2\.0/],
    ["a raw ampersand", valid.replace("Heavy rain", "Heavy & rain"), /Malformed XLIFF 2\.0/],
    ["truncation", valid.slice(0, valid.length - 12), /root is not closed/],
    ["trailing elements", `${valid}<extra/>`, /root is not closed/],
    ["no XML at all", "just some text", /Not an XLIFF document/],
    ["an empty string", "", /Not an XLIFF document/],
    ["a different root", "<html><body/></html>", /Not an XLIFF document/],
    [
      "an unknown version",
      valid.replace('version="2.0"', 'version="3.0"'),
      /Unsupported XLIFF version "3\.0"/,
    ],
    [
      "a 2.1 version",
      valid.replace('version="2.0"', 'version="2.1"'),
      /Unsupported XLIFF version "2\.1"/,
    ],
    ["no version", valid.replace(' version="2.0"', ""), /no version attribute/],
    [
      "a unit id that is not s{n}",
      valid.replace('id="s1"', 'id="title"'),
      /"title" is not of the form s\{n\}/,
    ],
    ["a zero-padded unit id", valid.replace('id="s1"', 'id="s01"'), /"s01" is not of the form/],
    [
      "a unit without source",
      valid.replace("<source>서울 홍수 경보</source>", ""),
      /"s0" has no <source>/,
    ],
    ["a missing srcLang", valid.replace(' srcLang="ko"', ""), /no source language/],
    ["a missing trgLang", valid.replace(' trgLang="en"', ""), /no target language/],
    [
      "duplicate ids across files",
      valid.replace(
        "</xliff>",
        '<file id="f2"><unit id="s1"><segment><source>x</source></segment></unit></file></xliff>',
      ),
      /Duplicate unit id "s1"/,
    ],
  ];

  it.each(cases)("throws FormatError on %s", (_name, xml, message) => {
    let caught: unknown;
    try {
      parseXliff(xml);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FormatError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as FormatError).name).toBe("FormatError");
    expect((caught as FormatError).message).toMatch(message);
  });

  it("rejects malformed XLIFF 1.2 too", () => {
    const bad = toXliff12(article()).replace("</target>", "</source>");
    expect(() => parseXliff(bad)).toThrow(/Malformed XLIFF 1\.2/);
  });
});
