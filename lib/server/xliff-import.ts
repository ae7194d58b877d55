import "server-only";
import type { UserActor } from "@/lib/auth/policy";
import { badRequest, tooLarge } from "@/lib/errors";
import { FormatError, parseXliff, type ParsedXliff } from "@/lib/formats/xliff";
import { stripInvalidXmlChars } from "@/lib/formats/xml-escape";
import { INGEST_LIMITS } from "@/lib/ingest/schema";
import { getArticleView } from "./articles";
import { saveRevision, type SaveResult } from "./revisions";

/**
 * Applies a translated XLIFF (1.2 or 2.0, as exported by GET …/export?format=xliff) as one new
 * IMPORT revision on top of `baseRevision`. Every unit must name a segment of this article and
 * carry that segment's source, so a file for another article (or another version of this one)
 * is refused instead of overwriting the wrong text. Units without a target, or with an empty
 * one, leave their segment alone. Stale base → 409 (from saveRevision); nothing changed → the
 * current revision with created: false.
 */
export async function importXliff(input: {
  articleId: string;
  baseRevision: number;
  xml: string;
  actor: UserActor;
  requestId?: string;
}): Promise<SaveResult> {
  const view = await getArticleView(input.articleId);
  let doc: ParsedXliff;
  try {
    doc = parseXliff(input.xml);
  } catch (err) {
    if (err instanceof FormatError) throw badRequest(err.message);
    throw err;
  }
  if (!sameLang(doc.srcLang, view.sourceLang) || !sameLang(doc.trgLang, view.targetLang)) {
    throw badRequest(
      `XLIFF languages ${doc.srcLang} → ${doc.trgLang} do not match the article's ${view.sourceLang} → ${view.targetLang}`,
    );
  }
  if (doc.units.length === 0) throw badRequest("The XLIFF file has no units");
  const byIndex = new Map(view.segments.map((s) => [s.index, s]));
  const segments: { index: number; text: string }[] = [];
  for (const unit of doc.units) {
    const segment = byIndex.get(unit.index);
    if (!segment) throw badRequest(`Unit s${unit.index}: the article has no segment ${unit.index}`);
    // The exporter writes the MT as source when the original text is unknown.
    if (comparable(unit.source) !== comparable(segment.source ?? segment.mt)) {
      throw badRequest(
        `Unit s${unit.index}: <source> does not match segment ${unit.index} of this article`,
      );
    }
    if (unit.target === null || unit.target.trim() === "") continue;
    if (unit.target.length > INGEST_LIMITS.maxSegmentChars) {
      throw tooLarge(
        `Unit s${unit.index}: target exceeds ${INGEST_LIMITS.maxSegmentChars} characters`,
      );
    }
    segments.push({ index: unit.index, text: unit.target });
  }
  return saveRevision({
    articleId: input.articleId,
    baseRevision: input.baseRevision,
    segments,
    summary: `Imported from XLIFF ${doc.version}`,
    actor: input.actor,
    requestId: input.requestId,
    kind: "IMPORT",
  });
}

function sameLang(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** XML cannot carry some characters and the reader trims line breaks; compare what survives. */
function comparable(text: string): string {
  return stripInvalidXmlChars(text).replace(/\s+/g, " ").trim();
}
