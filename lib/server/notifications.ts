import "server-only";
import type { Actor, UserActor } from "@/lib/auth/policy";
import { ROLE_PERMISSIONS, ROLES } from "@/lib/auth/policy";
import { Prisma, db, type Tx } from "@/lib/db";
import { CATEGORY_LABEL, type FeedbackCategory } from "@/lib/domain/feedback";
import type { ArticleStatus } from "@/lib/domain/types";

// Notifications: one row per recipient, written in the same transaction as the
// event that causes them, so a change and its hand-off are never apart.

type Kind = "MENTION" | "ASSIGNED" | "CHANGES_REQUESTED" | "SUBMITTED" | "FEEDBACK";

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function notify(
  tx: Tx,
  input: {
    userIds: Iterable<string>;
    kind: Kind;
    articleId?: string;
    commentId?: string;
    actorId?: string | null;
    text: string;
  },
): Promise<number> {
  const recipients = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (!recipients.length) return 0;
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      kind: input.kind,
      articleId: input.articleId ?? null,
      commentId: input.commentId ?? null,
      actorId: input.actorId ?? null,
      text: clip(input.text, 300),
    })),
  });
  return recipients.length;
}

/** Editors hear of submissions; the reviewer hears of a request for changes. */
export async function notifyStatusChange(
  tx: Tx,
  input: { articleId: string; to: ArticleStatus; note?: string; actor: UserActor },
): Promise<void> {
  if (input.to !== "SUBMITTED" && input.to !== "CHANGES_REQUESTED") return;
  const article = await tx.article.findUniqueOrThrow({
    where: { id: input.articleId },
    select: { title: true, assigneeId: true, currentRevision: true },
  });
  const title = `'${clip(article.title, 60)}'`;
  if (input.to === "SUBMITTED") {
    const approverRoles = ROLES.filter((r) => ROLE_PERMISSIONS[r].has("approve:article"));
    const editors = await tx.user.findMany({
      where: { role: { in: approverRoles }, disabledAt: null },
      select: { id: true },
    });
    await notify(tx, {
      userIds: editors.map((u) => u.id),
      kind: "SUBMITTED",
      articleId: input.articleId,
      actorId: input.actor.userId,
      text: `${input.actor.name} submitted ${title} for approval`,
    });
    return;
  }
  // Changes requested: the assignee, and whoever wrote the text under review.
  const latest = await tx.revision.findFirst({
    where: { articleId: input.articleId, number: article.currentRevision },
    select: { authorId: true },
  });
  await notify(tx, {
    userIds: [article.assigneeId, latest?.authorId].filter((id): id is string => Boolean(id)),
    kind: "CHANGES_REQUESTED",
    articleId: input.articleId,
    actorId: input.actor.userId,
    text: `${input.actor.name} requested changes on ${title}: ${input.note ?? ""}`,
  });
}

/** The new assignee hears of it (not when they assigned themselves, nor on unassignment). */
export async function notifyAssignment(
  tx: Tx,
  input: { articleId: string; assigneeId: string | null; previousId: string | null; actor: Actor },
): Promise<void> {
  if (!input.assigneeId || input.assigneeId === input.previousId) return;
  const article = await tx.article.findUniqueOrThrow({
    where: { id: input.articleId },
    select: { title: true },
  });
  const who = input.actor.type === "USER" || input.actor.type === "TOKEN" ? input.actor : null;
  await notify(tx, {
    userIds: [input.assigneeId],
    kind: "ASSIGNED",
    articleId: input.articleId,
    actorId: who?.userId ?? null,
    text: `${who?.name ?? "Galley"} assigned '${clip(article.title, 60)}' to you`,
  });
}

/**
 * Reader feedback reaches the people who worked on the article: everyone who
 * saved a revision of it, and its assignee. Disabled accounts are skipped.
 * One INSERT … SELECT (`RETURNING "id"`), so the public intake can run it as a CTE of its
 * single write statement (lib/server/feedback-intake.ts) instead of a read and a write.
 */
export function feedbackNotificationsSql(input: {
  articleId: string;
  articleTitle: string;
  category: FeedbackCategory;
  /** Notify only when this holds (evaluated in the same statement); by default always. */
  when?: Prisma.Sql;
}): Prisma.Sql {
  const category = CATEGORY_LABEL[input.category].toLowerCase();
  const text = clip(`A reader reported ${category} on '${clip(input.articleTitle, 60)}'`, 300);
  // Ids shaped like the ORM's cuids (c + 24 characters); they only need to be unique.
  return Prisma.sql`
    INSERT INTO "Notification" ("id", "userId", "kind", "articleId", "actorId", "text")
    SELECT 'c' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24), u."id",
      'FEEDBACK'::"NotificationKind", a."id", NULL, ${text}
    FROM "Article" a
    JOIN "User" u ON u."disabledAt" IS NULL AND (u."id" = a."assigneeId" OR u."id" IN (
      SELECT r."authorId" FROM "Revision" r WHERE r."articleId" = a."id" AND r."authorId" IS NOT NULL))
    WHERE a."id" = ${input.articleId} AND ${input.when ?? Prisma.sql`true`}
    RETURNING "id"`;
}

export interface NotificationItem {
  id: string;
  kind: Kind;
  text: string;
  articleId: string | null;
  commentId: string | null;
  actor: { name: string; email: string } | null;
  read: boolean;
  createdAt: string;
}

/** The caller's notifications, newest first, keyset-paged on (createdAt, id). */
export async function listNotifications(
  userId: string,
  opts: { limit?: number; cursor?: string; unread?: boolean } = {},
): Promise<{ items: NotificationItem[]; unread: number; nextCursor: string | null }> {
  const limit = Math.min(opts.limit ?? 50, 200);
  const after = opts.cursor ? decodeNotificationCursor(opts.cursor) : null;
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where: {
        userId,
        ...(opts.unread ? { readAt: null } : {}),
        ...(after
          ? {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, id: { lt: after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      include: { actor: { select: { name: true, email: true } } },
    }),
    db().notification.count({ where: { userId, readAt: null } }),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((n) => ({
      id: n.id,
      kind: n.kind,
      text: n.text,
      articleId: n.articleId,
      commentId: n.commentId,
      actor: n.actor,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
    unread,
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url")
        : null,
  };
}

function decodeNotificationCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}

/** Marks the caller's notifications read: the listed ids, or all of them. */
export async function markNotificationsRead(
  userId: string,
  ids?: string[],
): Promise<{ updated: number }> {
  const res = await db().notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { updated: res.count };
}

/** The bell's number. */
export function countUnreadNotifications(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}
