import "server-only";
import type { UserActor } from "@/lib/auth/policy";
import { db, transaction, type Prisma } from "@/lib/db";
import { resolveMentions } from "@/lib/domain/mentions";
import { badRequest, notFound } from "@/lib/errors";
import { appendAudit } from "./audit";
import { livePerson, publishLive } from "./live/publish";
import { notify } from "./notifications";

// Comments: questions and remarks about an article or one of its segments. A
// reply belongs to its thread (the first comment); threads are resolved as a
// whole. The body is untrusted text: stored as sent, rendered as text.

export interface CommentDto {
  id: string;
  articleId: string;
  segmentIndex: number | null;
  parentId: string | null;
  body: string;
  author: { name: string; email: string };
  mentions: { name: string; email: string }[];
  resolved: boolean;
  resolvedBy: { name: string; email: string } | null;
  createdAt: string;
}

const include = {
  author: { select: { name: true, email: true } },
  resolvedBy: { select: { name: true, email: true } },
} as const;

type Row = Prisma.CommentGetPayload<{ include: typeof include }>;

function toDto(c: Row, names: Map<string, { name: string; email: string }>): CommentDto {
  return {
    id: c.id,
    articleId: c.articleId,
    segmentIndex: c.segmentIndex,
    parentId: c.parentId,
    body: c.body,
    author: c.author,
    mentions: c.mentions.flatMap((id) => (names.has(id) ? [names.get(id)!] : [])),
    resolved: c.resolvedAt !== null,
    resolvedBy: c.resolvedBy,
    createdAt: c.createdAt.toISOString(),
  };
}

async function mentionNames(ids: string[]) {
  if (!ids.length) return new Map<string, { name: string; email: string }>();
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, { name: u.name, email: u.email }]));
}

export async function createComment(
  input: { articleId: string; segmentIndex?: number; body: string; parentId?: string },
  actor: UserActor,
  requestId?: string,
): Promise<CommentDto> {
  const body = input.body.trim();
  if (!body)
    throw badRequest("The comment is empty", { issues: [{ path: "body", message: "is empty" }] });
  const created = await transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      select: { id: true, title: true },
    });
    if (!article) throw notFound("Article");
    let parentId: string | null = null;
    let segmentIndex = input.segmentIndex ?? null;
    if (input.parentId) {
      const parent = await tx.comment.findFirst({
        where: { id: input.parentId, articleId: article.id },
        select: { id: true, parentId: true, segmentIndex: true },
      });
      if (!parent) throw badRequest("parentId is not a comment on this article");
      // Replies hang off the thread's first comment and share its segment.
      parentId = parent.parentId ?? parent.id;
      segmentIndex = parent.segmentIndex;
    } else if (segmentIndex !== null) {
      const exists = await tx.segment.count({
        where: { articleId: article.id, index: segmentIndex },
      });
      if (!exists) throw badRequest(`Segment ${segmentIndex} does not exist in this article`);
    }
    const people = await tx.user.findMany({
      where: { disabledAt: null },
      select: { id: true, email: true, name: true },
    });
    const mentioned = resolveMentions(body, people);
    const comment = await tx.comment.create({
      data: {
        articleId: article.id,
        segmentIndex,
        parentId,
        authorId: actor.userId,
        body,
        mentions: mentioned.map((u) => u.id),
      },
      include,
    });
    await notify(tx, {
      userIds: mentioned.map((u) => u.id),
      kind: "MENTION",
      articleId: article.id,
      commentId: comment.id,
      actorId: actor.userId,
      text: `${actor.name} mentioned you on '${article.title.slice(0, 60)}': ${body.slice(0, 120)}`,
    });
    await publishLive(tx, {
      type: "comment",
      articleId: article.id,
      action: "created",
      commentId: comment.id,
      threadId: parentId ?? comment.id,
      segmentIndex,
      by: livePerson(actor),
      at: comment.createdAt.toISOString(),
    });
    await appendAudit(tx, {
      actor,
      action: "comment.create",
      entityType: "article",
      entityId: article.id,
      data: {
        comment: comment.id,
        segmentIndex,
        parentId,
        mentions: mentioned.map((u) => u.id),
        chars: body.length,
      },
      requestId,
    });
    return { comment, mentioned };
  });
  return toDto(
    created.comment,
    new Map(created.mentioned.map((u) => [u.id, { name: u.name, email: u.email }])),
  );
}

/** Resolves (or reopens) a comment's whole thread. */
export async function resolveComment(
  id: string,
  resolved: boolean,
  actor: UserActor,
  requestId?: string,
): Promise<CommentDto> {
  const updated = await transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id },
      select: { id: true, parentId: true, articleId: true },
    });
    if (!comment) throw notFound("Comment");
    const rootId = comment.parentId ?? comment.id;
    const row = await tx.comment.update({
      where: { id: rootId },
      data: resolved
        ? { resolvedAt: new Date(), resolvedById: actor.userId }
        : { resolvedAt: null, resolvedById: null },
      include,
    });
    await publishLive(tx, {
      type: "comment",
      articleId: comment.articleId,
      action: resolved ? "resolved" : "reopened",
      commentId: comment.id,
      threadId: rootId,
      segmentIndex: row.segmentIndex,
      by: livePerson(actor),
      at: new Date().toISOString(),
    });
    await appendAudit(tx, {
      actor,
      action: resolved ? "comment.resolve" : "comment.reopen",
      entityType: "article",
      entityId: comment.articleId,
      data: { comment: rootId },
      requestId,
    });
    return row;
  });
  return toDto(updated, await mentionNames(updated.mentions));
}

/** Threads on an article, oldest first, each followed by its replies. */
export async function listComments(articleId: string): Promise<CommentDto[]> {
  const article = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const rows = await db().comment.findMany({
    where: { articleId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include,
  });
  const names = await mentionNames(rows.flatMap((r) => r.mentions));
  return rows.map((r) => toDto(r, names));
}
