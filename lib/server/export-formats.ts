import "server-only";
import { Prisma, db } from "@/lib/db";
import type { ArticleView } from "@/lib/domain/types";
import { conflict } from "@/lib/errors";
import { toHtml } from "@/lib/formats/html";
import { toMarkdown } from "@/lib/formats/markdown";
import { TMX_TAIL, tmxHead, tmxUnit, type TmxUnit } from "@/lib/formats/tmx";
import { toXliff12, toXliff2 } from "@/lib/formats/xliff";
import type { ExportFormat } from "@/lib/formats/export-formats";
import { getArticleMeta, getArticleView } from "./articles";
import { engineConditions } from "./engine-filter";
import { buildArticleDocument } from "./export-article";
import { lastChangePerSegment } from "./revision-texts";

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

/**
 * One article in one interchange format. XLIFF file names carry the revision (`-r7`), which is
 * the baseRevision to send when the translated file comes back (POST …/xliff).
 */
export async function exportArticle(id: string, format: ExportFormat): Promise<ExportFile> {
  if (format === "json") {
    const doc = await buildArticleDocument(id);
    return {
      body: JSON.stringify(doc, null, 2) + "\n",
      contentType: "application/json; charset=utf-8",
      filename: `${doc.article.slug}.galley.json`,
    };
  }
  if (format === "tmx") return articleTmx(id);
  const view = await getArticleView(id);
  const base = `${view.slug}-r${view.revision}`;
  switch (format) {
    case "xliff":
      return { body: toXliff2(view), contentType: XLIFF_TYPE, filename: `${base}.xlf` };
    case "xliff12":
      return { body: toXliff12(view), contentType: XLIFF_TYPE, filename: `${base}.xliff12.xlf` };
    case "md":
      return {
        body: toMarkdown(view),
        contentType: "text/markdown; charset=utf-8",
        filename: `${base}.md`,
      };
    case "html":
      return {
        body: toHtml(view),
        contentType: "text/html; charset=utf-8",
        filename: `${base}.html`,
      };
  }
}

const XLIFF_TYPE = "application/xliff+xml; charset=utf-8";
export const TMX_TYPE = "application/x-tmx+xml; charset=utf-8";

/** The newest revision someone signed off: approval precedes publication, so the larger. */
export function approvedRevisionOf(a: {
  approvedRevision: number | null;
  publishedRevision: number | null;
}): number | null {
  const n = Math.max(a.approvedRevision ?? 0, a.publishedRevision ?? 0);
  return n > 0 ? n : null;
}

async function articleTmx(id: string): Promise<ExportFile> {
  const meta = await getArticleMeta(id);
  const revision = approvedRevisionOf(meta);
  if (revision === null) {
    throw conflict("The article has no approved revision; TMX holds approved translations only", {
      status: meta.status,
    });
  }
  const opts = { srcLang: meta.sourceLang };
  const units = await approvedUnits(id, revision);
  return {
    body: tmxHead(opts) + units.map((u) => tmxUnit(u, opts)).join("") + TMX_TAIL,
    contentType: TMX_TYPE,
    filename: `${meta.slug}-r${revision}.tmx`,
  };
}

/**
 * Source/target pairs of an article at an approved revision. Segments ingested without their
 * source text are skipped: a translation memory needs both sides.
 */
export async function approvedUnits(id: string, revision: number): Promise<TmxUnit[]> {
  const [view, blame, revisions] = await Promise.all([
    getArticleView(id, revision),
    lastChangePerSegment(db(), id, revision),
    db().revision.findMany({
      where: { articleId: id, number: { lte: revision } },
      select: { number: true, createdAt: true },
    }),
  ]);
  const changedAt = new Map(revisions.map((r) => [r.number, r.createdAt.toISOString()]));
  const lastChange = new Map(blame.map((b) => [b.index, b.revision]));
  return unitsOf(view, (index) => changedAt.get(lastChange.get(index) ?? revision));
}

function unitsOf(view: ArticleView, changedAt: (index: number) => string | undefined): TmxUnit[] {
  return view.segments
    .filter((s) => s.source !== null && s.source.trim() !== "" && s.text.trim() !== "")
    .map((s) => ({
      sourceLang: view.sourceLang,
      targetLang: view.targetLang,
      source: s.source!,
      target: s.text,
      articleId: view.id,
      segmentIndex: s.index,
      changedAt: changedAt(s.index),
    }));
}

/**
 * TMX of every article with an approved revision, filtered like the queue (engine as name or
 * name@version, from/to on the ingest date). Streamed in pages of articles, so memory does not
 * grow with the size of the archive.
 */
export function streamApprovedTmx(filter: {
  engine?: string;
  from?: Date;
  to?: Date;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const opts = { srcLang: "*all*" }; // articles may differ in source language
  let afterId: string | null = null;
  let started = false;
  let finished = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (finished) return;
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(tmxHead(opts)));
        return;
      }
      const page = await approvedArticlePage(filter, afterId, 20);
      if (page.length === 0) {
        finished = true;
        controller.enqueue(encoder.encode(TMX_TAIL));
        controller.close();
        return;
      }
      afterId = page[page.length - 1]!.id;
      let chunk = "";
      for (const a of page) {
        for (const u of await approvedUnits(a.id, a.revision)) chunk += tmxUnit(u, opts);
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

async function approvedArticlePage(
  f: { engine?: string; from?: Date; to?: Date },
  afterId: string | null,
  limit: number,
): Promise<{ id: string; revision: number }[]> {
  const where: Prisma.Sql[] = [
    Prisma.sql`(a."approvedRevision" IS NOT NULL OR a."publishedRevision" IS NOT NULL)`,
  ];
  if (f.engine) where.push(...engineConditions(f.engine));
  if (f.from) where.push(Prisma.sql`a."createdAt" >= ${f.from}`);
  if (f.to) where.push(Prisma.sql`a."createdAt" < ${f.to}`);
  if (afterId) where.push(Prisma.sql`a."id" > ${afterId}`);
  const rows = await db().$queryRaw<
    { id: string; approvedRevision: number | null; publishedRevision: number | null }[]
  >`SELECT a."id", a."approvedRevision", a."publishedRevision"
    FROM "Article" a JOIN "Engine" e ON e."id" = a."engineId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY a."id" LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, revision: approvedRevisionOf(r)! }));
}

/** RFC 6266 attachment header; our file names are ASCII slugs, anything else is replaced. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`;
}
