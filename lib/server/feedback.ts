import { randomBytes } from "node:crypto";
import type { Actor, UserActor } from "@/lib/auth/policy";
import { Prisma, db, transaction, type Tx } from "@/lib/db";
import {
  FEEDBACK_LIMITS,
  FEEDBACK_STATUSES,
  type FeedbackCategory,
  type FeedbackStatus,
  type TriageStatus,
} from "@/lib/domain/feedback";
import { env } from "@/lib/env";
import { AppError, badRequest, conflict, notFound, tooLarge } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/validation/cursor";
import { appendAudit } from "./audit";
import { publicRevisionOf } from "./public-articles";
import { hitRateLimits, releaseRateLimit } from "./rate-limit";
import { segmentTextAtRevision, textsAtRevision } from "./revision-texts";

// ---------------------------------------------------------------------------
// Submitting (anonymous readers)
// ---------------------------------------------------------------------------

export interface SubmitFeedbackInput {
  articleId: string;
  category: FeedbackCategory;
  comment?: string;
  suggestion?: string;
  quote?: string;
  contact?: string;
  segmentIndex?: number | null;
  quoteStart?: number | null;
  quoteEnd?: number | null;
  /** The revision the reader was shown; defaults to the public revision. */
  revisionSeen?: number | null;
  /** Honeypot value: anything here means a bot, which is told "thanks" and ignored. */
  honeypot?: string | null;
}

export interface SubmitFeedbackOptions {
  actor: Actor;
  /** Salted hash of the reader's IP: the rate-limit key and the stored fingerprint. */
  ipHash: string;
  requestId?: string;
}

/** Over-long free text is a 413 (too much), not a 400 (wrong shape). */
export function assertFeedbackLengths(input: {
  comment?: string;
  suggestion?: string;
  quote?: string;
}): void {
  for (const field of ["comment", "suggestion", "quote"] as const) {
    const value = input[field];
    if (value !== undefined && value.length > FEEDBACK_LIMITS[field]) {
      throw tooLarge(`The ${field} exceeds ${FEEDBACK_LIMITS[field]} characters`);
    }
  }
}

function rateLimited(retryAfter: number, scope: "reader" | "article"): AppError {
  const message =
    scope === "reader"
      ? "You have sent a lot of feedback recently; please try again later"
      : "This article has received a lot of feedback recently; please try again later";
  return new AppError(
    "rate_limited",
    message,
    { retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

/** Looks like a cuid, so a bot cannot tell a honeypot answer from a real one. */
/** A cuid-shaped random id: used for stored items (raw insert) and honeypot decoys alike. */
function newFeedbackId(): string {
  return (
    "c" +
    BigInt("0x" + randomBytes(16).toString("hex"))
      .toString(36)
      .slice(0, 24)
  );
}

/**
 * The one answer to every anchor or revision a reader's feedback cannot use. It
 * names no segment, length, revision or text, so right and wrong guesses about
 * text a reader cannot see get byte-identical answers (docs/security.md).
 */
const ANCHOR_REFUSED = "The quote or its position does not match the article as published";

/**
 * Stores one reader's feedback. In order: the per-reader rate limit (so a probe
 * costs allowance before anything is looked up), the article must show text to
 * the public, the per-article limit, then the quote is checked against the
 * revision the reader saw, which must be one readers are shown (the public one
 * or an earlier published one). Then the item and its audit event are written
 * in one transaction. Refused requests store nothing.
 */
export async function submitFeedback(
  input: SubmitFeedbackInput,
  opts: SubmitFeedbackOptions,
): Promise<{ id: string; stored: boolean }> {
  if (input.honeypot?.trim()) return { id: newFeedbackId(), stored: false };
  assertFeedbackLengths(input);

  const { GALLEY_FEEDBACK_LIMIT_PER_READER, GALLEY_FEEDBACK_LIMIT_PER_ARTICLE } = env();
  const window = env().GALLEY_FEEDBACK_WINDOW_SECONDS;
  const readerKey = `feedback:reader:${opts.ipHash}`;
  const [reader] = await hitRateLimits(
    [{ key: readerKey, limit: GALLEY_FEEDBACK_LIMIT_PER_READER }],
    window,
  );
  if (!reader!.allowed) throw rateLimited(reader!.retryAfterSeconds, "reader");

  // The public intake is the hottest write path: raw SQL avoids the ORM's per-query cost.
  const found = await db().$queryRaw<
    {
      id: string;
      currentRevision: number;
      publishedRevision: number | null;
      approvedRevision: number | null;
      publishedRevisions: number[] | null;
    }[]
  >`SELECT a."id", a."currentRevision", a."publishedRevision", a."approvedRevision",
      (SELECT array_agg(DISTINCT p."revisionNumber") FROM "Publication" p
        WHERE p."articleId" = a."id") AS "publishedRevisions"
    FROM "Article" a WHERE a."id" = ${input.articleId}`;
  const article = found[0];
  const shown = article ? publicRevisionOf(article) : null;
  // Unknown and never-shown articles get the same answer: readers cannot see either.
  if (!article || !shown) throw notFound("Article");
  const revisionSeen = input.revisionSeen ?? shown.revision;
  if (revisionSeen !== shown.revision && !article.publishedRevisions?.includes(revisionSeen)) {
    throw badRequest(ANCHOR_REFUSED);
  }

  const articleKey = `feedback:article:${article.id}`;
  const [perArticle] = await hitRateLimits(
    [{ key: articleKey, limit: GALLEY_FEEDBACK_LIMIT_PER_ARTICLE }],
    window,
  );
  if (!perArticle!.allowed) {
    // The reader did nothing wrong; only the article is saturated.
    await releaseRateLimit(readerKey);
    throw rateLimited(perArticle!.retryAfterSeconds, "article");
  }
  const anchor = await anchorQuote(input, article.id, revisionSeen);

  const id = await transaction(async (tx) => {
    const row = { id: newFeedbackId() };
    await tx.$executeRaw`
      INSERT INTO "Feedback" ("id", "articleId", "revisionSeen", "segmentIndex", "quote", "quoteStart",
        "quoteEnd", "category", "suggestion", "comment", "contact", "status", "ipHash", "createdAt")
      VALUES (${row.id}, ${article.id}, ${revisionSeen}, ${anchor.segmentIndex}, ${anchor.quote},
        ${anchor.quoteStart}, ${anchor.quoteEnd}, ${input.category}::"FeedbackCategory",
        ${input.suggestion?.trim() || null}, ${input.comment?.trim() ?? ""}, ${input.contact || null},
        'NEW'::"FeedbackStatus", ${opts.ipHash}, ${new Date()})`;
    await appendAudit(tx, {
      actor: opts.actor,
      action: "feedback.submit",
      entityType: "feedback",
      entityId: row.id,
      // The text itself stays out of the log: it may hold personal data.
      data: {
        articleId: article.id,
        category: input.category,
        segmentIndex: anchor.segmentIndex,
        revisionSeen,
        hasSuggestion: Boolean(input.suggestion?.trim()),
      },
      requestId: opts.requestId,
    });
    return row.id;
  });
  return { id, stored: true };
}

interface Anchor {
  segmentIndex: number | null;
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
}

/**
 * Checks segment index and offsets against the text at the revision the reader
 * saw (always a publicly shown one). A quote without offsets (the no-JavaScript
 * form) is located in the text when it occurs exactly once, so triage can still
 * highlight it. Every mismatch is the same ANCHOR_REFUSED answer.
 */
async function anchorQuote(
  input: SubmitFeedbackInput,
  articleId: string,
  revision: number,
): Promise<Anchor> {
  const quote = input.quote || null;
  const segmentIndex = input.segmentIndex ?? null;
  const hasOffsets = input.quoteStart != null && input.quoteEnd != null;
  if (segmentIndex === null && !quote) {
    if (hasOffsets) throw badRequest(ANCHOR_REFUSED);
    return { segmentIndex: null, quote: null, quoteStart: null, quoteEnd: null };
  }
  // With a segment index only that segment's text is read (one index probe);
  // a bare quote has to be searched for in every segment.
  let texts: Map<number, string>;
  if (segmentIndex !== null) {
    const text = await segmentTextAtRevision(db(), articleId, segmentIndex, revision);
    if (text === null) throw badRequest(ANCHOR_REFUSED);
    texts = new Map([[segmentIndex, text]]);
  } else {
    texts = await textsAtRevision(db(), articleId, revision);
  }
  if (hasOffsets) {
    if (segmentIndex === null) throw badRequest(ANCHOR_REFUSED);
    const text = texts.get(segmentIndex)!;
    const start = input.quoteStart!;
    const end = input.quoteEnd!;
    if (start >= end || end > text.length) throw badRequest(ANCHOR_REFUSED);
    const span = text.slice(start, end);
    if (quote !== null && quote !== span) throw badRequest(ANCHOR_REFUSED);
    return { segmentIndex, quote: span, quoteStart: start, quoteEnd: end };
  }
  if (!quote) return { segmentIndex, quote: null, quoteStart: null, quoteEnd: null };
  const candidates =
    segmentIndex !== null
      ? [segmentIndex]
      : [...texts.keys()].filter((i) => texts.get(i)!.includes(quote));
  if (candidates.length === 1) {
    const index = candidates[0]!;
    const text = texts.get(index)!;
    const at = text.indexOf(quote);
    if (at >= 0 && text.indexOf(quote, at + 1) < 0) {
      return { segmentIndex: index, quote, quoteStart: at, quoteEnd: at + quote.length };
    }
  }
  return { segmentIndex, quote, quoteStart: null, quoteEnd: null };
}

// ---------------------------------------------------------------------------
// Reading (triage inbox, API, review workspace)
// ---------------------------------------------------------------------------

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
type FeedbackRow = Omit<FeedbackItem, "triagedAt" | "createdAt" | "article" | "segment"> & {
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
           seen."text" AS "textSeen", cur."text" AS "textCurrent"
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

// ---------------------------------------------------------------------------
// Triage
// ---------------------------------------------------------------------------

interface LockedFeedback {
  id: string;
  articleId: string;
  status: FeedbackStatus;
  duplicateOfId: string | null;
  resolvingRevision: number | null;
  triageNote: string | null;
}

async function lockFeedback(tx: Tx, ids: string[]): Promise<LockedFeedback[]> {
  if (ids.length === 0) return [];
  return tx.$queryRaw<LockedFeedback[]>`
    SELECT "id", "articleId", "status", "duplicateOfId", "resolvingRevision", "triageNote"
    FROM "Feedback" WHERE "id" IN (${Prisma.join(ids)})
    ORDER BY "id" FOR UPDATE`;
}

/** An item accepted through a saved revision is settled: its revision points at it. */
function assertOpenForTriage(item: LockedFeedback): void {
  if (item.status === "ACCEPTED" && item.resolvingRevision !== null) {
    throw conflict(
      `This feedback was resolved by revision ${item.resolvingRevision} and can no longer be re-triaged`,
      { status: item.status, resolvingRevision: item.resolvingRevision },
    );
  }
}

/** Follows duplicate links to the original, so duplicates never form chains or cycles. */
async function resolveOriginal(tx: Tx, item: LockedFeedback, targetId: string): Promise<string> {
  let current = targetId;
  for (let hops = 0; hops < 20; hops++) {
    if (current === item.id) throw badRequest("An item cannot be a duplicate of itself");
    const target = await tx.feedback.findUnique({
      where: { id: current },
      select: { id: true, articleId: true, status: true, duplicateOfId: true },
    });
    if (!target) throw badRequest(`No feedback item ${current} to mark this as a duplicate of`);
    if (target.articleId !== item.articleId) {
      throw badRequest("A duplicate must point to feedback on the same article");
    }
    if (target.status !== "DUPLICATE" || !target.duplicateOfId) return target.id;
    current = target.duplicateOfId;
  }
  throw badRequest("The duplicate chain is too long");
}

export interface TriageInput {
  id: string;
  status: TriageStatus;
  /** Required for REJECTED; kept as the triage note otherwise. */
  reason?: string;
  duplicateOf?: string;
  actor: UserActor;
  requestId?: string;
}

/**
 * Moves one item to ACCEPTED, REJECTED (with a reason), DUPLICATE (of another
 * item on the same article) or SPAM. Repeating the current state is a no-op.
 */
export async function triageFeedback(input: TriageInput): Promise<FeedbackItem> {
  const reason = input.reason?.trim() || undefined;
  if (input.status === "REJECTED" && !reason) throw badRequest("Give a reason for rejecting");
  if (input.status === "DUPLICATE" && !input.duplicateOf) {
    throw badRequest("Say which item this duplicates (duplicateOf)");
  }
  if (reason && reason.length > FEEDBACK_LIMITS.reason) {
    throw badRequest(`The reason exceeds ${FEEDBACK_LIMITS.reason} characters`);
  }
  await transaction(async (tx) => {
    const [item] = await lockFeedback(tx, [input.id]);
    if (!item) throw notFound("Feedback");
    const duplicateOfId =
      input.status === "DUPLICATE" ? await resolveOriginal(tx, item, input.duplicateOf!) : null;
    const note = reason ?? null;
    if (
      item.status === input.status &&
      item.duplicateOfId === duplicateOfId &&
      item.triageNote === note
    ) {
      return;
    }
    assertOpenForTriage(item);
    await tx.feedback.update({
      where: { id: item.id },
      data: {
        status: input.status,
        duplicateOfId,
        triageNote: note,
        triagedById: input.actor.userId,
        triagedAt: new Date(),
      },
    });
    await appendAudit(tx, {
      actor: input.actor,
      action: "feedback.triage",
      entityType: "feedback",
      entityId: item.id,
      data: {
        articleId: item.articleId,
        from: item.status,
        to: input.status,
        reason,
        duplicateOf: duplicateOfId ?? undefined,
      },
      requestId: input.requestId,
    });
  });
  return getFeedback(input.id);
}

export const BULK_TRIAGE_MAX = 200;

/**
 * Marks many items as spam in one transaction. Items already spam, resolved by a
 * revision, or unknown are skipped and reported back.
 */
export async function markFeedbackSpam(input: {
  ids: string[];
  actor: UserActor;
  requestId?: string;
}): Promise<{ updated: string[]; skipped: string[] }> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) throw badRequest("Select at least one item");
  if (ids.length > BULK_TRIAGE_MAX) {
    throw badRequest(`At most ${BULK_TRIAGE_MAX} items at a time`);
  }
  return transaction(async (tx) => {
    const rows = await lockFeedback(tx, ids);
    const eligible = rows.filter(
      (r) => r.status !== "SPAM" && !(r.status === "ACCEPTED" && r.resolvingRevision !== null),
    );
    const updated = new Set(eligible.map((r) => r.id));
    const skipped = ids.filter((id) => !updated.has(id));
    if (eligible.length === 0) return { updated: [], skipped };
    await tx.feedback.updateMany({
      where: { id: { in: [...updated] } },
      data: {
        status: "SPAM",
        duplicateOfId: null,
        triageNote: null,
        triagedById: input.actor.userId,
        triagedAt: new Date(),
      },
    });
    // One event per item, so each item's history reads the same as a single triage.
    for (const r of eligible) {
      await appendAudit(tx, {
        actor: input.actor,
        action: "feedback.triage",
        entityType: "feedback",
        entityId: r.id,
        data: { articleId: r.articleId, from: r.status, to: "SPAM", bulk: true },
        requestId: input.requestId,
      });
    }
    return { updated: eligible.map((r) => r.id), skipped };
  });
}
