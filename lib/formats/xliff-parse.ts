// Reads XLIFF 1.2 or 2.0 (as written by xliff.ts, or returned from a CAT tool) back into
// per-segment source/target text. Re-exported from xliff.ts.

import { xliff12ToJs, xliff2js, type XliffGroup, type XliffJs, type XliffUnit } from "xliff";

export class FormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FormatError";
  }
}

export interface ParsedXliffUnit {
  index: number;
  source: string;
  /** null when the unit has no <target> at all ("" for an empty one). */
  target: string | null;
}

export interface ParsedXliff {
  version: "1.2" | "2.0";
  srcLang: string;
  trgLang: string;
  units: ParsedXliffUnit[];
}

type Entries = Record<string, XliffUnit | XliffGroup | undefined>;

export function parseXliff(xml: string): ParsedXliff {
  const version = detectVersion(xml);
  const doc = readWithLibrary(xml, version);
  if (!doc.sourceLanguage) throw new FormatError("XLIFF document declares no source language");
  if (!doc.targetLanguage) throw new FormatError("XLIFF document declares no target language");

  const units: ParsedXliffUnit[] = [];
  for (const file of Object.values(doc.resources ?? {})) collectUnits(file, units);
  units.sort((a, b) => a.index - b.index);
  units.forEach((unit, i) => {
    if (i > 0 && units[i - 1]?.index === unit.index) {
      throw new FormatError(`Duplicate unit id "s${unit.index}"`);
    }
  });
  return { version, srcLang: doc.sourceLanguage, trgLang: doc.targetLanguage, units };
}

// Prolog (XML declaration, comments, PIs, doctype) followed by the root start tag.
const ROOT_START =
  /^\uFEFF?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*<(?:[\w.-]+:)?xliff((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/;
// Root end tag, then only whitespace, comments or PIs.
const ROOT_END = /<\/(?:[\w.-]+:)?xliff\s*>(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*$/;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The library reports no version for 1.2 and swallows errors at the end of input (unclosed root,
 * truncation), so the root element is checked here; sax, under the library, catches the rest.
 */
function detectVersion(xml: string): "1.2" | "2.0" {
  const root = ROOT_START.exec(xml);
  if (!root) throw new FormatError("Not an XLIFF document: no well-formed <xliff> root element");
  const version = [...(root[1] ?? "").matchAll(ATTRIBUTE)].find((a) => a[1] === "version");
  if (!version) throw new FormatError("XLIFF root element has no version attribute");
  const value = version[2] ?? version[3] ?? "";
  if (value !== "1.2" && value !== "2.0") {
    throw new FormatError(`Unsupported XLIFF version "${value}" (expected 1.2 or 2.0)`);
  }
  if (!ROOT_END.test(xml)) throw new FormatError("Malformed XLIFF: <xliff> root is not closed");
  return value;
}

function readWithLibrary(xml: string, version: "1.2" | "2.0"): XliffJs {
  let doc: XliffJs | undefined;
  let failure: unknown;
  try {
    const read = version === "2.0" ? xliff2js : xliff12ToJs;
    read(xml, (err, result) => {
      if (err) failure = err;
      else doc = result;
    });
  } catch (err) {
    failure = err; // the readers throw TypeErrors on structurally unexpected documents
  }
  if (failure !== undefined || !doc) {
    const reason = failure instanceof Error ? failure.message.split("\n")[0] : "unreadable";
    throw new FormatError(`Malformed XLIFF ${version}: ${reason}`, { cause: failure });
  }
  return doc;
}

function collectUnits(entries: Entries, out: ParsedXliffUnit[]): void {
  for (const [id, entry] of Object.entries(entries)) {
    // Arrays are unknown elements the library preserves for round trips; not units.
    if (Array.isArray(entry)) continue;
    if (entry && "groupUnits" in entry) {
      collectUnits(entry.groupUnits, out);
      continue;
    }
    const index = unitIndex(id);
    if (!entry || entry.source === undefined) throw new FormatError(`Unit "${id}" has no <source>`);
    const target = entry.target === undefined ? null : plainText(entry.target);
    out.push({ index, source: plainText(entry.source), target });
  }
}

function unitIndex(id: string): number {
  const match = /^s(0|[1-9][0-9]*)$/.exec(id);
  const index = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(index)) {
    throw new FormatError(`Unit id "${id}" is not of the form s{n} (s0 is the title)`);
  }
  return index;
}

/** Galley segments are plain text: keep the text inside inline codes, drop the codes. */
function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(plainText).join("");
  if (value && typeof value === "object") {
    const inner: unknown = Object.values(value)[0];
    if (inner && typeof inner === "object" && "contents" in inner) return plainText(inner.contents);
  }
  return "";
}
