import "server-only";
import { randomBytes } from "node:crypto";
import type { UserActor } from "@/lib/auth/policy";
import { db, transaction } from "@/lib/db";
import type { PresenceEntry } from "@/lib/domain/live";
import { AppError, notFound } from "@/lib/errors";
import { publishLive } from "./publish";

// Presence: one ArticlePresence row per open event stream, shared by every app
// instance through the database. A stream renews its row on each heartbeat; a row
// whose instance died is simply not renewed and drops out when it expires.

/** How long a row lives without a heartbeat (three missed 15 s heartbeats). */
export const PRESENCE_TTL_MS = 45_000;
/** Open streams one user may hold at once, across all instances and articles. */
export const MAX_STREAMS_PER_USER = 8;

const expiry = () => new Date(Date.now() + PRESENCE_TTL_MS);

/**
 * Registers a new stream of `user` on the article and tells the other listeners.
 * Refuses (429) a user who already holds MAX_STREAMS_PER_USER live streams.
 */
export async function joinPresence(articleId: string, user: UserActor): Promise<string> {
  const connectionId = randomBytes(12).toString("base64url");
  await transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true } });
    if (!article) throw notFound("Article");
    // Serialise one user's joins so two at once cannot both pass the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`presence:${user.userId}`}))`;
    await tx.articlePresence.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    const open = await tx.articlePresence.count({ where: { userId: user.userId } });
    if (open >= MAX_STREAMS_PER_USER) {
      throw new AppError(
        "rate_limited",
        `You have ${open} live article streams open; close one (another tab) and try again`,
        { retryAfter: PRESENCE_TTL_MS / 1000 },
        { "Retry-After": String(PRESENCE_TTL_MS / 1000) },
      );
    }
    await tx.articlePresence.create({
      data: { connectionId, articleId, userId: user.userId, expiresAt: expiry() },
    });
    await publishLive(tx, { type: "presence", articleId });
  });
  return connectionId;
}

/**
 * Heartbeat: pushes the row's expiry on. A row that was already reaped (the process
 * stalled past the TTL) is put back, and the others are told.
 */
export async function renewPresence(
  connectionId: string,
  articleId: string,
  userId: string,
): Promise<void> {
  const renewed = await db().articlePresence.updateMany({
    where: { connectionId },
    data: { expiresAt: expiry() },
  });
  if (renewed.count) return;
  await transaction(async (tx) => {
    await tx.articlePresence.create({
      data: { connectionId, articleId, userId, expiresAt: expiry() },
    });
    await publishLive(tx, { type: "presence", articleId });
  });
}

/** The stream closed: the row goes, and the others are told. */
export async function leavePresence(connectionId: string, articleId: string): Promise<void> {
  await transaction(async (tx) => {
    const gone = await tx.articlePresence.deleteMany({ where: { connectionId } });
    if (gone.count) await publishLive(tx, { type: "presence", articleId });
  });
}

/**
 * The caller now edits `segmentIndex` (null: no segment). Applies to the named
 * connection, or to all of the caller's streams on the article; never to another
 * user's row.
 */
export async function focusSegment(input: {
  articleId: string;
  userId: string;
  connectionId?: string;
  segmentIndex: number | null;
}): Promise<{ updated: number }> {
  return transaction(async (tx) => {
    const res = await tx.articlePresence.updateMany({
      where: {
        articleId: input.articleId,
        userId: input.userId,
        expiresAt: { gt: new Date() },
        ...(input.connectionId ? { connectionId: input.connectionId } : {}),
      },
      data: { segmentIndex: input.segmentIndex },
    });
    if (res.count) await publishLive(tx, { type: "presence", articleId: input.articleId });
    return { updated: res.count };
  });
}

/** Everyone on the article now, oldest stream first; expired rows are not listed. */
export async function listPresence(articleId: string): Promise<PresenceEntry[]> {
  const rows = await db().articlePresence.findMany({
    where: { articleId, expiresAt: { gt: new Date() } },
    orderBy: [{ openedAt: "asc" }, { connectionId: "asc" }],
    select: {
      connectionId: true,
      segmentIndex: true,
      user: { select: { name: true, email: true } },
    },
  });
  return rows.map((r) => ({
    connectionId: r.connectionId,
    name: r.user.name,
    email: r.user.email,
    segmentIndex: r.segmentIndex,
  }));
}
