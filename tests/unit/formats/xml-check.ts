// xmllint-wasm helpers for the format tests (libxml2 compiled to WebAssembly, no network, no DOM).

import { readFileSync } from "node:fs";
import path from "node:path";
import { validateXML, type XMLValidationResult } from "xmllint-wasm";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/xliff");
const fixture = (fileName: string) => ({
  fileName,
  contents: readFileSync(path.join(fixtures, fileName), "utf8"),
});

/** OASIS XLIFF 2.0 core schema plus the W3C schema it imports for xml:lang / xml:space. */
export const XLIFF2_SCHEMA = fixture("xliff_core_2.0.xsd");
export const XML_NAMESPACE_SCHEMA = fixture("xml.xsd");

export function validateXliff2(xml: string): Promise<XMLValidationResult> {
  return validateXML({
    xml: { fileName: "article.xlf", contents: xml },
    schema: XLIFF2_SCHEMA,
    preload: XML_NAMESPACE_SCHEMA,
  });
}

/** Well-formedness only: xmllint parses and re-serialises the document, no schema involved. */
export function checkWellFormed(xml: string, fileName = "doc.xml"): Promise<XMLValidationResult> {
  return validateXML({ xml: { fileName, contents: xml }, normalization: "format" });
}

/** Decodes the predefined entities and character references (test-side reading of our output). */
export function decodeXml(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X"))
      return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number(ref.slice(1)));
    return named[ref] ?? "";
  });
}
