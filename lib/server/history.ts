import "server-only";
import { db, readAll, type Db, type Tx } from "@/lib/db";
import type { ArticleStatus, SegmentKind } from "@/lib/domain/types";
import { notFound } from "@/lib/errors";
import { diffSegments, diffText, type Change, type SegmentsDiff } from "@/lib/text/diff";
import { lastChangePerSegment, textsAtRevision } from "./revision-texts";

// Read side of the edit history: list, view, compare, blame. Every query is
// bounded by the page size or the segment count, never by the revision count.
// Functions take an optional client so a test can run them inside one
// transaction and count the rows PostgreSQL actually read.

type Client = Db | Tx;

export type RevisionKind = "INGEST" | "EDIT" | "REVERT" | "IMPORT";

export interface RevisionAuthor {
  email: string;
  name: string;
}

export interface RevisionListItem {
  number: number;
  author: RevisionAuthor | null;
  /** True when the author acted through an API token. */
  viaToken: boolean;
  createdAt: string;
  summary: string | null;
  wordsAdded: number;
  wordsRemoved: number;
  segmentsChanged: number;
  kind: RevisionKind;
  status: ArticleStatus;
  revertedTo: number | null;
  feedbackId: string | null;
  published: boolean;
}

export interface RevisionPage {
  items: RevisionListItem[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const revisionSelect = {
  number: true,
  createdAt: true,
  summary: true,
  wordsAdded: true,
  wordsRemoved: true,
  segmentsChanged: true,
  kind: true,
  status: true,
  revertedTo: true,
  feedbackId: true,
  tokenId: true,
  author: { select: { email: true, name: true } },
} as const;

type RevisionRow = {
  number: number;
  createdAt: Date;
  summary: string | null;
  wordsAdded: number;
  wordsRemoved: number;
  segmentsChanged: number;
  kind: RevisionKind;
  status: ArticleStatus;
  revertedTo: number | null;
  feedbackId: string | null;
  tokenId: string | null;
  author: RevisionAuthor | null;
};

function toItem(r: RevisionRow, published: boolean): RevisionListItem {
  return {
    number: r.number,
    author: r.author ? { email: r.author.email, name: r.author.name } : null,
    viaToken: r.tokenId !== null,
    createdAt: r.createdAt.toISOString(),
    summary: r.summary,
    wordsAdded: r.wordsAdded,
    wordsRemoved: r.wordsRemoved,
    segmentsChanged: r.segmentsChanged,
    kind: r.kind,
    status: r.status,
    revertedTo: r.revertedTo,
    feedbackId: r.feedbackId,
    published,
  };
}

async function requireArticle(client: Client, articleId: string) {
  const article = await client.article.findUnique({
    where: { id: articleId },
    select: { id: true, currentRevision: true, targetLang: true },
  });
  if (!article) throw notFound("Article");
  return article;
}

async function publishedAmong(client: Client, articleId: string, numbers: number[]) {
  if (numbers.length === 0) return new Set<number>();
  const rows = await client.publication.findMany({
    where: { articleId, revisionNumber: { in: numbers } },
    select: { revisionNumber: true },
  });
  return new Set(rows.map((r) => r.revisionNumber));
}

/**
 * Newest first, keyset-paged on the revision number: a page reads `limit + 1`
 * rows through the (articleId, number DESC) index however long the history.
 */
export async function listRevisions(
  articleId: string,
  opts: { limit: number; cursor?: number },
  client: Client = db(),
): Promise<RevisionPage> {
  const article = await requireArticle(client, articleId);
  // Always a range on number, even for the first page: with `articleId = ?`
  // alone and stale statistics PostgreSQL may bitmap-scan every revision and
  // sort; the range makes it walk the (articleId, number DESC) index and stop.
  const before = opts.cursor ?? article.currentRevision + 1;
  const rows = await client.revision.findMany({
    where: { articleId, number: { lt: before } },
    orderBy: { number: "desc" },
    take: opts.limit + 1,
    select: revisionSelect,
  });
  const page = rows.slice(0, opts.limit);
  const published = await publishedAmong(
    client,
    articleId,
    page.map((r) => r.number),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toItem(r, published.has(r.number))),
    nextCursor: rows.length > opts.limit && last ? String(last.number) : null,
  };
}

/**
 * Metadata of the given revisions (any order); missing numbers are simply absent.
 * One unique-index probe per number: written as a join on unnest() because with
 * `number IN (…)` PostgreSQL estimates rows from each column separately and may
 * scan a whole busy article (or table) to find two revisions.
 */
export async function getRevisionsMeta(
  articleId: string,
  numbers: number[],
  client: Client = db(),
): Promise<Map<number, RevisionListItem>> {
  const unique = [...new Set(numbers)];
  if (unique.length === 0) return new Map();
  const rows = await client.$queryRaw<
    (Omit<RevisionRow, "author"> & {
      authorEmail: string | null;
      authorName: string | null;
      published: boolean;
    })[]
  >`
    SELECT r."number", r."createdAt", r."summary", r."wordsAdded", r."wordsRemoved",
           r."segmentsChanged", r."kind"::text AS "kind", r."status"::text AS "status",
           r."revertedTo", r."feedbackId", r."tokenId",
           u."email" AS "authorEmail", u."name" AS "authorName",
           EXISTS (SELECT 1 FROM "Publication" p
                   WHERE p."articleId" = r."articleId" AND p."revisionNumber" = r."number") AS "published"
    FROM unnest(${unique}::int[]) AS q("n")
    JOIN "Revision" r ON r."articleId" = ${articleId} AND r."number" = q."n"
    LEFT JOIN "User" u ON u."id" = r."authorId"`;
  return new Map(
    rows.map((r) => {
      const { authorEmail, authorName, published, ...rest } = r;
      const author = authorEmail !== null ? { email: authorEmail, name: authorName ?? "" } : null;
      return [r.number, toItem({ ...rest, author }, published)];
    }),
  );
}

export interface RevisionSegment {
  index: number;
  kind: SegmentKind;
  source: string | null;
  mt: string;
  text: string;
}

export interface RevisionView extends RevisionListItem {
  segments: RevisionSegment[];
}

/** Full text of every segment at revision `n`; 404 when the article has no such revision. */
export async function getRevision(
  articleId: string,
  n: number,
  client: Client = db(),
): Promise<RevisionView> {
  await requireArticle(client, articleId);
  const meta = (await getRevisionsMeta(articleId, [n], client)).get(n);
  if (!meta) throw notFound(`Revision ${n}`);
  const [segments, texts] = await readAll(client, [
    () =>
      client.segment.findMany({
        where: { articleId },
        orderBy: { index: "asc" },
        select: { index: true, kind: true, source: true, mt: true },
      }),
    () => textsAtRevision(client, articleId, n),
  ]);
  return {
    ...meta,
    segments: segments.map((s) => ({ ...s, text: texts.get(s.index) ?? s.mt })),
  };
}

export interface CompareSegment {
  index: number;
  kind: SegmentKind;
  changes: Change[];
  fromText: string;
  toText: string;
}

export interface Comparison {
  from: number;
  to: number;
  segments: CompareSegment[];
  stats: SegmentsDiff["stats"];
}

/**
 * Word diff of every segment between revisions `a` and `b` (either order).
 * Two index probes per segment; the revisions in between are never read.
 */
export async function compareRevisions(
  articleId: string,
  a: number,
  b: number,
  client: Client = db(),
): Promise<Comparison> {
  const article = await requireArticle(client, articleId);
  const found = await getRevisionsMeta(articleId, [a, b], client);
  for (const n of [a, b]) if (!found.has(n)) throw notFound(`Revision ${n}`);
  const [fromTexts, toTexts, kinds] = await readAll(client, [
    () => textsAtRevision(client, articleId, a),
    () => textsAtRevision(client, articleId, b),
    () => client.segment.findMany({ where: { articleId }, select: { index: true, kind: true } }),
  ]);
  const kindOf = new Map(kinds.map((k) => [k.index, k.kind]));
  const asList = (m: Map<number, string>) => [...m].map(([index, text]) => ({ index, text }));
  const diff = diffSegments(asList(fromTexts), asList(toTexts), article.targetLang);
  return {
    from: a,
    to: b,
    segments: diff.segments.map((s) => ({
      ...s,
      kind: kindOf.get(s.index) ?? "PARAGRAPH",
      fromText: fromTexts.get(s.index) ?? "",
      toText: toTexts.get(s.index) ?? "",
    })),
    stats: diff.stats,
  };
}

export interface BlameLine {
  index: number;
  revision: number;
  author: RevisionAuthor | null;
  changedAt: string;
  summary: string | null;
}

/** For each segment, the revision that last changed it (at `at`, default current). */
export async function blame(
  articleId: string,
  at?: number,
  client: Client = db(),
): Promise<{ revision: number; segments: BlameLine[] }> {
  const article = await requireArticle(client, articleId);
  const n = at ?? article.currentRevision;
  if (n < 1 || n > article.currentRevision) throw notFound(`Revision ${n}`);
  const lines = await lastChangePerSegment(client, articleId, n);
  const revisions = await getRevisionsMeta(
    articleId,
    lines.map((l) => l.revision),
    client,
  );
  return {
    revision: n,
    segments: lines.map((l) => {
      const r = revisions.get(l.revision);
      return {
        index: l.index,
        revision: l.revision,
        author: r?.author ?? null,
        changedAt: r?.createdAt ?? "",
        summary: r?.summary ?? null,
      };
    }),
  };
}

export interface SegmentChange {
  revision: number;
  author: RevisionAuthor | null;
  changedAt: string;
  summary: string | null;
  kind: RevisionKind;
  text: string;
  /** Diff against the previous text of this segment; the first entry diffs against "". */
  changes: Change[];
}

/**
 * Every change of one segment, oldest first, with a diff against the text it
 * replaced. Reads only this segment's rows (one index range), on demand.
 */
export async function segmentHistory(
  articleId: string,
  index: number,
  client: Client = db(),
): Promise<{ index: number; changes: SegmentChange[] }> {
  const article = await requireArticle(client, articleId);
  const segment = await client.segment.findUnique({
    where: { articleId_index: { articleId, index } },
    select: { index: true },
  });
  if (!segment) throw notFound(`Segment ${index}`);
  const texts = await client.segmentText.findMany({
    where: { articleId, segmentIndex: index },
    orderBy: { revisionNumber: "asc" },
    select: { revisionNumber: true, text: true },
  });
  const revisions = await getRevisionsMeta(
    articleId,
    texts.map((t) => t.revisionNumber),
    client,
  );
  let previous = "";
  const changes = texts.map((t) => {
    const r = revisions.get(t.revisionNumber);
    const change: SegmentChange = {
      revision: t.revisionNumber,
      author: r?.author ?? null,
      changedAt: r?.createdAt ?? "",
      summary: r?.summary ?? null,
      kind: r?.kind ?? "EDIT",
      text: t.text,
      changes: diffText(previous, t.text, article.targetLang),
    };
    previous = t.text;
    return change;
  });
  return { index, changes };
}

/** What the history pages show above their content. */
export async function historyHeader(articleId: string) {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      status: true,
      currentRevision: true,
      publishedRevision: true,
      approvedRevision: true,
      targetLang: true,
    },
  });
  if (!article) throw notFound("Article");
  return article;
}
