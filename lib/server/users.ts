import "server-only";
import type { Actor, Role, UserActor } from "@/lib/auth/policy";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "@/lib/auth/secrets";
import { db, transaction, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, conflict, notFound } from "@/lib/errors";
import { appendAudit, recordAudit } from "./audit";
import { hitRateLimits, peekRateLimit } from "./rate-limit";

/**
 * The actor a user acts as: signed in (USER), or through one of their API tokens (TOKEN).
 * The one place a user row becomes an audit actor.
 */
export function userActor(
  user: { id: string; email: string; name: string; role: Role },
  tokenId: string | null = null,
): UserActor {
  return {
    type: tokenId ? "TOKEN" : "USER",
    userId: user.id,
    tokenId,
    email: user.email,
    name: user.name,
    role: user.role,
  };
}

/** The user with this email (matched case-insensitively, as sign-in does), or null. */
export function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

export interface CreateUserInput {
  email: string;
  name?: string;
  role: Role;
  password: string;
}

export async function createUser(input: CreateUserInput, actor: Actor) {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const existing = await db().user.findUnique({ where: { email } });
  if (existing) throw conflict(`A user with email ${email} already exists`, { id: existing.id });
  return transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: input.name ?? email.split("@")[0]!, role: input.role, passwordHash },
    });
    await appendAudit(tx, {
      actor,
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      data: { email, role: input.role },
    });
    return user;
  });
}

/** Creates the user unless the email exists; used by the idempotent seed. */
export async function ensureUser(input: CreateUserInput, actor: Actor) {
  const email = input.email.trim().toLowerCase();
  const existing = await db().user.findUnique({ where: { email } });
  return existing ?? createUser(input, actor);
}

/**
 * Refuses a change that would leave no active admin: nobody could then manage users.
 * Locks the active admins' rows, so two admins demoting each other at once cannot both succeed.
 */
async function keepAnActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabledAt" IS NULL FOR UPDATE`;
  if (admins.length === 1 && admins[0]!.id === userId)
    throw conflict("The last active admin cannot be demoted or disabled");
}

export async function setUserRole(userId: string, role: Role, actor: Actor) {
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("User");
    if (user.role === "ADMIN" && role !== "ADMIN") await keepAnActiveAdmin(tx, userId);
    const updated = await tx.user.update({
      where: { id: userId },
      data: { role, sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, {
      actor,
      action: "user.role",
      entityType: "user",
      entityId: userId,
      data: { from: user.role, to: role },
    });
    return updated;
  });
}

export async function setUserDisabled(userId: string, disabled: boolean, actor: Actor) {
  // Signing yourself out for good is never what an admin means to do.
  if (disabled && "userId" in actor && actor.userId === userId)
    throw conflict("You cannot disable yourself");
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("User");
    if (disabled && user.role === "ADMIN") await keepAnActiveAdmin(tx, userId);
    const updated = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? new Date() : null, sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, {
      actor,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
      data: { email: user.email },
    });
    return updated;
  });
}

export function listUsers() {
  return db().user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}

export async function getActiveUser(id: string) {
  const user = await db().user.findUnique({ where: { id } });
  return user && !user.disabledAt ? user : null;
}

/**
 * Checks a password sign-in. Rate-limited per email and per client so guessing
 * is slow across every app instance; every outcome is audited.
 */
export async function authenticate(email: string, password: string, clientKey: string) {
  const normalized = email.trim().toLowerCase();
  const { GALLEY_LOGIN_LIMIT, GALLEY_LOGIN_WINDOW_SECONDS } = env();
  // Only failed attempts count, so people who sign in often are never locked out,
  // while guessing a password is slowed per account and per client.
  const emailKey = `login:email:${normalized}`;
  const clientLimitKey = `login:client:${clientKey}`;
  const [byEmail, byClient] = await Promise.all([
    peekRateLimit(emailKey, GALLEY_LOGIN_WINDOW_SECONDS),
    peekRateLimit(clientLimitKey, GALLEY_LOGIN_WINDOW_SECONDS),
  ]);
  if (byEmail.count >= GALLEY_LOGIN_LIMIT || byClient.count >= GALLEY_LOGIN_LIMIT * 3) {
    await recordAudit({
      actor: { type: "ANONYMOUS", ipHash: clientKey },
      action: "auth.signin_throttled",
      entityType: "user",
      entityId: normalized,
      data: { email: normalized },
    });
    throw new AppError(
      "rate_limited",
      "Too many sign-in attempts. Try again later.",
      {},
      { "Retry-After": String(Math.max(byEmail.retryAfterSeconds, byClient.retryAfterSeconds)) },
    );
  }
  const user = await db().user.findUnique({ where: { email: normalized } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || user.disabledAt) {
    await hitRateLimits(
      [
        { key: emailKey, limit: GALLEY_LOGIN_LIMIT },
        { key: clientLimitKey, limit: GALLEY_LOGIN_LIMIT * 3 },
      ],
      GALLEY_LOGIN_WINDOW_SECONDS,
    );
    await recordAudit({
      actor: { type: "ANONYMOUS", ipHash: clientKey },
      action: "auth.signin_failed",
      entityType: "user",
      entityId: user?.id ?? normalized,
      data: {
        email: normalized,
        reason: !user ? "unknown email" : user.disabledAt ? "disabled" : "wrong password",
      },
    });
    return null;
  }
  await recordAudit({
    actor: userActor(user),
    action: "auth.signin",
    entityType: "user",
    entityId: user.id,
    data: { email: user.email },
  });
  return user;
}
