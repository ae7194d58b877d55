// The embed script as served at /embed.js: lib/embed/galley-embed.cjs with the feedback
// categories filled in from lib/domain/feedback.ts, read once per process. Its bytes are
// fixed for a given Galley version, so the SRI hash publishers pin is computed here too.
import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CATEGORY_LABEL } from "@/lib/domain/feedback";

export interface EmbedScript {
  body: string;
  /** `sha384-…`, for the `integrity` attribute. */
  integrity: string;
  /** Short content hash: the `?v=` that makes the URL immutable. */
  version: string;
}

const SOURCE = path.join(process.cwd(), "lib", "embed", "galley-embed.cjs");
const CATEGORIES = /\/\*@categories\*\/[\s\S]*?\/\*@end\*\//;

/** The served text: the source with the category list between its markers replaced. */
export function buildEmbedScript(source: string): string {
  if (!CATEGORIES.test(source)) throw new Error("embed script: no /*@categories*/ marker");
  return source.replace(CATEGORIES, () => JSON.stringify(Object.entries(CATEGORY_LABEL)));
}

let cached: EmbedScript | null = null;

export function embedScript(): EmbedScript {
  if (cached) return cached;
  const body = buildEmbedScript(readFileSync(SOURCE, "utf8"));
  const digest = createHash("sha384").update(body, "utf8").digest("base64");
  const version = createHash("sha256").update(body, "utf8").digest("hex").slice(0, 12);
  cached = { body, integrity: `sha384-${digest}`, version };
  return cached;
}

/** The tag a publisher puts on an article page (shown on the outlet admin page and in docs). */
export function embedSnippet(galleyOrigin: string, outlet: string, externalId = "…"): string {
  const { integrity, version } = embedScript();
  const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return (
    `<script src="${galleyOrigin}/embed.js?v=${version}" integrity="${integrity}" ` +
    `crossorigin="anonymous" data-outlet="${attr(outlet)}" data-external-id="${attr(externalId)}" async></script>`
  );
}
