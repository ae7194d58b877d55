import "server-only";
import { userActor, type Actor, type UserActor } from "@/lib/auth/policy";
import { generateApiToken, hashApiToken } from "@/lib/auth/secrets";
import { db, transaction } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { appendAudit } from "./audit";

export async function createApiToken(input: { userId: string; name: string }, actor: Actor) {
  const { token, prefix, hash } = generateApiToken();
  const row = await transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: input.userId, name: input.name, prefix, tokenHash: hash },
    });
    await appendAudit(tx, {
      actor,
      action: "token.create",
      entityType: "api_token",
      entityId: created.id,
      data: { userId: input.userId, name: input.name, prefix },
    });
    return created;
  });
  return { id: row.id, token, prefix };
}

export async function revokeApiToken(id: string, actor: Actor) {
  return transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id } });
    if (!token) throw notFound("Token");
    if (token.revokedAt) return token;
    const updated = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await appendAudit(tx, {
      actor,
      action: "token.revoke",
      entityType: "api_token",
      entityId: id,
      data: { userId: token.userId, name: token.name },
    });
    return updated;
  });
}

export function listApiTokens(userId?: string) {
  return db().apiToken.findMany({
    where: userId ? { userId } : {},
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { email: true } },
    },
  });
}

/** The actor behind a Bearer token, or null when it is unknown, revoked, expired or its user disabled. */
export async function actorFromApiToken(token: string): Promise<UserActor | null> {
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { user: true },
  });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  if (row.expiresAt && row.expiresAt < new Date()) return null;
  // Record use at most once a minute: a write per request would be wasteful.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db()
      .apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
      .catch(() => {});
  }
  return userActor(row.user, row.id);
}
