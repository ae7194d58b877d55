import "server-only";
import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/domain/types";
import { badRequest, notFound } from "@/lib/errors";

// One article's story, newest first: status changes (with their notes and gate
// overrides), revisions, comments, reader feedback, annotations, publications.
// Each source is read with the same keyset bound and the pages are merged, so a
// page costs `limit` rows per source however long the history.

type Person = { name: string; email: string } | null;

export type TimelineItem = { id: string; at: string; actor: Person } & (
  | {
      type: "status";
      from: ArticleStatus;
      to: ArticleStatus;
      note: string | null;
      override: { reason: string } | null;
      revision: number;
    }
  | {
      type: "revision";
      number: number;
      kind: string;
      summary: string | null;
      segmentsChanged: number;
    }
  | {
      type: "comment";
      segmentIndex: number | null;
      parentId: string | null;
      body: string;
      resolved: boolean;
    }
  | { type: "feedback"; category: string; status: string; segmentIndex: number | null }
  | {
      type: "annotation";
      segmentIndex: number;
      category: string;
      severity: string;
      status: string;
    }
  | { type: "publication"; revision: number; note: string | null }
);

interface Cursor {
  at: Date;
  id: string;
}

export function encodeTimelineCursor(item: { at: string; id: string }): string {
  return Buffer.from(`${item.at}|${item.id}`).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970) {
    throw badRequest("cursor is not a cursor this endpoint gave out", {
      issues: [{ path: "cursor", message: "is invalid" }],
    });
  }
  return { at: date, id };
}

/** Rows strictly after the cursor in (time desc, id desc) order. */
const before = (field: string, c: Cursor | null) =>
  c ? { OR: [{ [field]: { lt: c.at } }, { [field]: c.at, id: { lt: c.id } }] } : {};

const person = { select: { name: true, email: true } } as const;

export async function getTimeline(
  articleId: string,
  opts: { limit?: number; cursor?: string } = {},
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  const article = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const take = limit + 1;
  const newest = (field: string) => [{ [field]: "desc" as const }, { id: "desc" as const }];
  const [statuses, revisions, comments, feedback, annotations, publications] = await Promise.all([
    db().statusChange.findMany({
      where: { articleId, ...before("createdAt", cursor) },
      orderBy: newest("createdAt"),
      take,
      include: { actor: person },
    }),
    db().revision.findMany({
      where: { articleId, ...before("createdAt", cursor) },
      orderBy: newest("createdAt"),
      take,
      include: { author: person },
    }),
    db().comment.findMany({
      where: { articleId, ...before("createdAt", cursor) },
      orderBy: newest("createdAt"),
      take,
      include: { author: person },
    }),
    db().feedback.findMany({
      where: { articleId, ...before("createdAt", cursor) },
      orderBy: newest("createdAt"),
      take,
      select: { id: true, createdAt: true, category: true, status: true, segmentIndex: true },
    }),
    db().annotation.findMany({
      where: { articleId, ...before("createdAt", cursor) },
      orderBy: newest("createdAt"),
      take,
      include: { author: person },
    }),
    db().publication.findMany({
      where: { articleId, ...before("publishedAt", cursor) },
      orderBy: newest("publishedAt"),
      take,
      include: { publishedBy: person },
    }),
  ]);
  const items: TimelineItem[] = [
    ...statuses.map((s) => ({
      type: "status" as const,
      id: s.id,
      at: s.createdAt.toISOString(),
      actor: s.actor,
      from: s.from,
      to: s.to,
      note: s.note,
      override: s.override
        ? { reason: String((s.override as { reason?: unknown }).reason ?? "") }
        : null,
      revision: s.revision,
    })),
    ...revisions.map((r) => ({
      type: "revision" as const,
      id: r.id,
      at: r.createdAt.toISOString(),
      actor: r.author,
      number: r.number,
      kind: r.kind,
      summary: r.summary,
      segmentsChanged: r.segmentsChanged,
    })),
    ...comments.map((c) => ({
      type: "comment" as const,
      id: c.id,
      at: c.createdAt.toISOString(),
      actor: c.author,
      segmentIndex: c.segmentIndex,
      parentId: c.parentId,
      body: c.body,
      resolved: c.resolvedAt !== null,
    })),
    // Readers are anonymous here: no contact address, no IP hash.
    ...feedback.map((f) => ({
      type: "feedback" as const,
      id: f.id,
      at: f.createdAt.toISOString(),
      actor: null,
      category: f.category,
      status: f.status,
      segmentIndex: f.segmentIndex,
    })),
    ...annotations.map((a) => ({
      type: "annotation" as const,
      id: a.id,
      at: a.createdAt.toISOString(),
      actor: a.author,
      segmentIndex: a.segmentIndex,
      category: a.category,
      severity: a.severity,
      status: a.status,
    })),
    ...publications.map((p) => ({
      type: "publication" as const,
      id: p.id,
      at: p.publishedAt.toISOString(),
      actor: p.publishedBy,
      revision: p.revisionNumber,
      note: p.note,
    })),
  ];
  items.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  const page = items.slice(0, limit);
  return {
    items: page,
    nextCursor: items.length > limit ? encodeTimelineCursor(page.at(-1)!) : null,
  };
}

export interface StatusChangeItem {
  id: string;
  at: string;
  from: ArticleStatus;
  to: ArticleStatus;
  note: string | null;
  override: string | null;
  revision: number;
  actor: Person;
}

/** Status changes made while revisions `from`..`to` were current, newest first (history page). */
export async function statusChangesBetween(
  articleId: string,
  from: number,
  to: number,
): Promise<StatusChangeItem[]> {
  const rows = await db().statusChange.findMany({
    where: { articleId, revision: { gte: from, lte: to } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { actor: person },
  });
  return rows.map((s) => ({
    id: s.id,
    at: s.createdAt.toISOString(),
    from: s.from,
    to: s.to,
    note: s.note,
    override: s.override ? String((s.override as { reason?: unknown }).reason ?? "") : null,
    revision: s.revision,
    actor: s.actor,
  }));
}
