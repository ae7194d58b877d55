// XLIFF 2.0 / 1.2 export and import of an article's segments, built on locize's `xliff` package.
// Unit ids are "s{index}" (s0 is the title). Round trips are exact for ordinary text; the library's
// reader drops a value's trailing line break and reads whitespace-only values as "", and characters
// XML 1.0 cannot carry (NUL and other C0 controls) are stripped on export.

import { js2xliff, jsToXliff12, type XliffJs, type XliffUnit } from "xliff";

import type { ArticleView, SegmentView } from "@/lib/domain/types";
import { escapeXmlAttr, stripInvalidXmlChars } from "@/lib/formats/xml-escape";

export { FormatError, parseXliff, type ParsedXliff, type ParsedXliffUnit } from "./xliff-parse";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const WRITE_OPTIONS = { indent: "  " };

/** XLIFF 2.0: one <file> per article, one <unit id="s{n}"> per segment, MT in a category="mt" note. */
export function toXliff2(article: ArticleView): string {
  const fileId = escapeXmlAttr(article.id);
  const segments = ordered(article.segments);
  const model = libraryModel(article, fileId, segments, "name");
  const xml = restoreAmpersands(js2xliff(model, WRITE_OPTIONS, rethrow));
  // The library cannot set attributes on <file> or <note>; add the two we need (see decorate()).
  const withOriginal = decorate(
    xml,
    `<file id="${fileId}">`,
    `original="${escapeXmlAttr(article.slug)}"`,
    1,
  );
  return XML_DECLARATION + decorate(withOriginal, "<note>", 'category="mt"', segments.length);
}

/**
 * XLIFF 1.2: <file original=slug>, <trans-unit id="s{n}" resname=kind>. The MT goes into a
 * <note from="mt"> because the library cannot write <alt-trans>.
 */
export function toXliff12(article: ArticleView): string {
  const original = escapeXmlAttr(article.slug);
  const segments = ordered(article.segments);
  const model = libraryModel(article, original, segments, "resname");
  const xml = restoreAmpersands(jsToXliff12(model, WRITE_OPTIONS, rethrow));
  return XML_DECLARATION + decorate(xml, "<note>", 'from="mt"', segments.length);
}

function libraryModel(
  article: ArticleView,
  fileKey: string,
  segments: SegmentView[],
  kindAttribute: "name" | "resname",
): XliffJs {
  const units: Record<string, XliffUnit> = {};
  for (const segment of segments) {
    units[`s${segment.index}`] = {
      // XLIFF requires a <source>. Articles ingested without the original text only have the
      // MT, which is the closest thing to a source a CAT tool can align the target against.
      source: libraryText(segment.source ?? segment.mt),
      target: libraryText(segment.text),
      note: libraryText(segment.mt),
      additionalAttributes: { [kindAttribute]: segment.kind },
    };
  }
  // The library writes file ids, languages and unit attributes unescaped, so escape them here.
  return {
    sourceLanguage: escapeXmlAttr(article.sourceLang),
    targetLanguage: escapeXmlAttr(article.targetLang),
    resources: { [fileKey]: units },
  };
}

// xml-js (under the library) turns "&amp;" in text into "&" before escaping it, so a literal
// "&amp;" would read back as "&". It is swapped for U+FFFE, a noncharacter XML forbids (so after
// stripInvalidXmlChars it occurs nowhere else), and the correctly escaped form is put back after.
const AMP_PLACEHOLDER = "\uFFFE";

function libraryText(text: string): string {
  return stripInvalidXmlChars(text).replaceAll("&amp;", AMP_PLACEHOLDER);
}

function restoreAmpersands(xml: string): string {
  return xml.replaceAll(AMP_PLACEHOLDER, "&amp;amp;");
}

/**
 * Adds attributes to start tags the library emitted bare. A plain search is safe: the library
 * escapes "<" in all text and we pre-escape every attribute value, so "<note>" can only be markup.
 * The count check turns a change in the library's output into a loud failure, not a silent one.
 */
function decorate(xml: string, startTag: string, attributes: string, expected: number): string {
  const parts = xml.split(startTag);
  if (parts.length - 1 !== expected) {
    throw new Error(`xliff library output changed: expected ${expected} × ${startTag}`);
  }
  return parts.join(`${startTag.slice(0, -1)} ${attributes}>`);
}

function ordered(segments: SegmentView[]): SegmentView[] {
  return [...segments].sort((a, b) => a.index - b.index);
}

function rethrow(err: Error | null): void {
  if (err) throw err;
}
