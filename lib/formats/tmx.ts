// TMX 1.4 export of source/target pairs for translation memories. TMX is a flat format
// the `xliff` library does not cover, so the markup is written here; every piece of text and every
// attribute value goes through xml-escape.ts (which also drops characters XML 1.0 cannot carry).

import pkg from "@/package.json";
import { escapeXmlAttr, escapeXmlText } from "@/lib/formats/xml-escape";

export interface TmxUnit {
  sourceLang: string;
  targetLang: string;
  source: string;
  target: string;
  articleId?: string;
  segmentIndex?: number;
  /** ISO 8601 timestamp; becomes the TMX `changedate`. */
  changedAt?: string;
}

export interface TmxOptions {
  creationTool?: string;
  srcLang: string;
}

export function toTmx(units: TmxUnit[], opts: TmxOptions): string {
  return tmxHead(opts) + units.map((unit) => tmxUnit(unit, opts)).join("") + TMX_TAIL;
}

/** Everything before the first <tu>; with tmxUnit and TMX_TAIL a TMX file can be streamed. */
export function tmxHead(opts: TmxOptions): string {
  const header = element("header", {
    creationtool: opts.creationTool ?? "Galley",
    creationtoolversion: pkg.version,
    segtype: "sentence",
    "o-tmf": "galley",
    adminlang: "en",
    srclang: opts.srcLang,
    datatype: "plaintext",
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  ${header}`,
    "  <body>",
  ].join("\n");
}

/** One <tu> with its leading newline, for streaming after tmxHead. */
export function tmxUnit(unit: TmxUnit, opts: TmxOptions): string {
  return "\n" + translationUnit(unit, opts.srcLang);
}

/** Closes the document (after tmxHead or the last tmxUnit). */
export const TMX_TAIL = "\n  </body>\n</tmx>\n";

function translationUnit(unit: TmxUnit, defaultSrcLang: string): string {
  const attributes = {
    // Only when it differs: the header's srclang applies otherwise.
    srclang: unit.sourceLang === defaultSrcLang ? undefined : unit.sourceLang,
    changedate: unit.changedAt === undefined ? undefined : tmxDate(unit.changedAt),
  };
  const props = [
    unit.articleId === undefined ? null : prop("x-article", unit.articleId),
    unit.segmentIndex === undefined ? null : prop("x-segment", String(unit.segmentIndex)),
  ].filter((line) => line !== null);
  return [
    `    <tu${attributeList(attributes)}>`,
    ...props,
    variant(unit.sourceLang, unit.source),
    variant(unit.targetLang, unit.target),
    "    </tu>",
  ].join("\n");
}

function prop(type: string, value: string): string {
  return `      <prop type="${escapeXmlAttr(type)}">${escapeXmlText(value)}</prop>`;
}

function variant(lang: string, text: string): string {
  return `      <tuv xml:lang="${escapeXmlAttr(lang)}"><seg>${escapeXmlText(text)}</seg></tuv>`;
}

function element(name: string, attributes: Record<string, string | undefined>): string {
  return `<${name}${attributeList(attributes)}/>`;
}

function attributeList(attributes: Record<string, string | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttr(value)}"`)
    .join("");
}

/** TMX dates are ISO 8601 basic format in UTC: YYYYMMDDThhmmssZ. */
function tmxDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`changedAt is not a date: "${iso}"`);
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}
