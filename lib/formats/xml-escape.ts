// Tiny XML text helpers. TMX is a flat format that the `xliff` library does not cover, so tmx.ts
// writes its markup by hand and relies on these for every piece of untrusted text.

/**
 * Characters outside the XML 1.0 `Char` production: C0 controls other than tab/LF/CR (NUL, BEL,
 * ESC…), U+FFFE/U+FFFF and lone surrogates. No escape can represent them (even `&#0;` is
 * ill-formed), so they are dropped; they carry no meaning in news text.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // A literal CR would be normalised to LF by any XML parser; a reference survives.
  "\r": "&#13;",
};

/** Escapes text content: & < > " ' (quotes too, so the same output is safe anywhere). */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Escapes an attribute value; tab/LF also become references so attribute normalisation keeps them. */
export function escapeXmlAttr(value: string): string {
  return escapeXmlText(value).replace(/[\t\n]/g, (c) => (c === "\t" ? "&#9;" : "&#10;"));
}
