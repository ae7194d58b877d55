// Reading reader feedback: the triage inbox, the API and the review workspace.
import "server-only";
import { Prisma, db } from "@/lib/db";
import {
  FEEDBACK_STATUSES,
  type FeedbackCategory,
  type FeedbackStatus,
} from "@/lib/domain/feedback";
import { notFound } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/validation/cursor";

export interface FeedbackItem {
  id: string;
  status: FeedbackStatus;
  category: FeedbackCategory;
  comment: string;
  suggestion: string | null;
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  segmentIndex: number | null;
  contact: string | null;
  revisionSeen: number;
  resolvingRevision: number | null;
  /** When the resolving revision (or a later one) was first published; null: not yet live. */
  fixLiveSince: string | null;
  duplicateOfId: string | null;
  triageNote: string | null;
  triagedBy: string | null;
  triagedAt: string | null;
  createdAt: string;
  article: {
    id: string;
    slug: string;
    title: string;
    targetLang: string;
    currentRevision: number;
    engine: { name: string; version: string | null };
  };
  /** The quoted segment: its text when the reader saw it and now. */
  segment: { textSeen: string | null; textCurrent: string | null; changedSince: boolean } | null;
}

export interface ListFeedbackQuery {
  status?: FeedbackStatus;
  category?: FeedbackCategory;
  articleId?: string;
  /** "name" or "name@version", as in the article queue. */
  engine?: string;
  limit: number;
  cursor?: string;
}

/** A row of the list query: the item's own fields flat, times as Dates, article joined in. */
type FeedbackRow = Omit<
  FeedbackItem,
  "triagedAt" | "createdAt" | "article" | "segment" | "fixLiveSince"
> & {
  fixLiveSince: Date | null;
  triagedAt: Date | null;
  createdAt: Date;
  articleId: string;
  slug: string;
  title: string;
  targetLang: string;
  currentRevision: number;
  engineName: string;
  engineVersion: string;
  textSeen: string | null;
  textCurrent: string | null;
};

/**
 * One query for a page of items with their article and both segment texts: the
 * LATERAL joins pick the newest SegmentText at or before each revision.
 */
async function queryFeedback(where: Prisma.Sql[], limit: number): Promise<FeedbackRow[]> {
  return db().$queryRaw<FeedbackRow[]>`
    SELECT f."id", f."status", f."category", f."comment", f."suggestion", f."quote",
           f."quoteStart", f."quoteEnd", f."segmentIndex", f."contact", f."revisionSeen",
           f."resolvingRevision", f."duplicateOfId", f."triageNote", u."email" AS "triagedBy",
           f."triagedAt", f."createdAt", a."id" AS "articleId", a."slug", a."title", a."targetLang",
           a."currentRevision", e."name" AS "engineName", e."version" AS "engineVersion",
           seen."text" AS "textSeen", cur."text" AS "textCurrent",
           CASE WHEN a."publishedRevision" >= f."resolvingRevision" THEN (
             SELECT MIN(p."publishedAt") FROM "Publication" p
             WHERE p."articleId" = f."articleId" AND p."revisionNumber" >= f."resolvingRevision"
           ) END AS "fixLiveSince"
    FROM "Feedback" f
    JOIN "Article" a ON a."id" = f."articleId"
    JOIN "Engine" e ON e."id" = a."engineId"
    LEFT JOIN "User" u ON u."id" = f."triagedById"
    LEFT JOIN LATERAL (
      SELECT st."text" FROM "SegmentText" st
      WHERE st."articleId" = f."articleId" AND st."segmentIndex" = f."segmentIndex"
        AND st."revisionNumber" <= f."revisionSeen"
      ORDER BY st."revisionNumber" DESC LIMIT 1
    ) seen ON TRUE
    LEFT JOIN LATERAL (
      SELECT st."text" FROM "SegmentText" st
      WHERE st."articleId" = f."articleId" AND st."segmentIndex" = f."segmentIndex"
        AND st."revisionNumber" <= a."currentRevision"
      ORDER BY st."revisionNumber" DESC LIMIT 1
    ) cur ON TRUE
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY f."createdAt" DESC, f."id" DESC
    LIMIT ${limit}`;
}

function toItem(r: FeedbackRow): FeedbackItem {
  return {
    id: r.id,
    status: r.status,
    category: r.category,
    comment: r.comment,
    suggestion: r.suggestion,
    quote: r.quote,
    quoteStart: r.quoteStart,
    quoteEnd: r.quoteEnd,
    segmentIndex: r.segmentIndex,
    contact: r.contact,
    revisionSeen: r.revisionSeen,
    resolvingRevision: r.resolvingRevision,
    fixLiveSince: r.fixLiveSince?.toISOString() ?? null,
    duplicateOfId: r.duplicateOfId,
    triageNote: r.triageNote,
    triagedBy: r.triagedBy,
    triagedAt: r.triagedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    article: {
      id: r.articleId,
      slug: r.slug,
      title: r.title,
      targetLang: r.targetLang,
      currentRevision: r.currentRevision,
      engine: { name: r.engineName, version: r.engineVersion || null },
    },
    segment:
      r.segmentIndex === null
        ? null
        : {
            textSeen: r.textSeen,
            textCurrent: r.textCurrent,
            changedSince: r.textSeen !== r.textCurrent,
          },
  };
}

/** Newest first, keyset-paged on (createdAt, id). */
export async function listFeedback(
  q: ListFeedbackQuery,
): Promise<{ items: FeedbackItem[]; nextCursor: string | null }> {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (q.status) where.push(Prisma.sql`f."status" = ${q.status}::"FeedbackStatus"`);
  if (q.category) where.push(Prisma.sql`f."category" = ${q.category}::"FeedbackCategory"`);
  if (q.articleId) where.push(Prisma.sql`f."articleId" = ${q.articleId}`);
  if (q.engine) {
    const [name, version] = q.engine.split("@");
    where.push(Prisma.sql`e."name" = ${name}`);
    if (version !== undefined) where.push(Prisma.sql`e."version" = ${version}`);
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(Prisma.sql`(f."createdAt", f."id") < (${c.updatedAt}, ${c.id})`);
  }
  const rows = await queryFeedback(where, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export async function getFeedback(id: string): Promise<FeedbackItem> {
  const rows = await queryFeedback([Prisma.sql`f."id" = ${id}`], 1);
  if (!rows[0]) throw notFound("Feedback");
  return toItem(rows[0]);
}

export interface ArticleFeedbackItem {
  id: string;
  segmentIndex: number | null;
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  category: FeedbackCategory;
  suggestion: string | null;
  comment: string;
  status: FeedbackStatus;
  revisionSeen: number;
  createdAt: string;
}

/**
 * Feedback on one article for the review workspace, newest first. Spam is left
 * out by default: it is noise, and possibly hostile text.
 */
export async function listFeedbackForArticle(
  articleId: string,
  opts: { statuses?: FeedbackStatus[] } = {},
): Promise<ArticleFeedbackItem[]> {
  const statuses = opts.statuses ?? FEEDBACK_STATUSES.filter((s) => s !== "SPAM");
  const rows = await db().feedback.findMany({
    where: { articleId, status: { in: statuses } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      segmentIndex: true,
      quote: true,
      quoteStart: true,
      quoteEnd: true,
      category: true,
      suggestion: true,
      comment: true,
      status: true,
      revisionSeen: true,
      createdAt: true,
    },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Items per status for one article (every status present, zero when none). */
export async function feedbackCountsForArticle(
  articleId: string,
): Promise<Record<FeedbackStatus, number> & { total: number }> {
  const groups = await db().feedback.groupBy({
    by: ["status"],
    where: { articleId },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, 0])) as Record<
    FeedbackStatus,
    number
  >;
  for (const g of groups) counts[g.status] = g._count._all;
  return { ...counts, total: groups.reduce((n, g) => n + g._count._all, 0) };
}

/** Articles that have feedback, for the inbox's article filter. */
export async function articlesWithFeedback(): Promise<{ id: string; title: string }[]> {
  return db().article.findMany({
    where: { feedback: { some: {} } },
    select: { id: true, title: true },
    orderBy: { title: "asc" },
    take: 500,
  });
}

/** Other non-spam items on the same articles: the choices for "duplicate of". */
export async function duplicateCandidates(
  articleIds: string[],
): Promise<{ id: string; articleId: string; comment: string; createdAt: Date }[]> {
  if (articleIds.length === 0) return [];
  return db().feedback.findMany({
    where: { articleId: { in: articleIds }, status: { not: "SPAM" } },
    select: { id: true, articleId: true, comment: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 1000,
  });
}
