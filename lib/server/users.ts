import "server-only";
import { userActor, type Actor, type Role, type UserActor } from "@/lib/auth/policy";
import {
  DUMMY_PASSWORD_HASH,
  generatePassword,
  hashPassword,
  verifyPassword,
} from "@/lib/auth/secrets";
import { db, transaction, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { isTimeZone } from "@/lib/format-time";
import { AppError, badRequest, conflict, notFound } from "@/lib/errors";
import { appendAudit, recordAudit } from "./audit";
import { hitRateLimits, releaseRateLimit, takeFinishedOverLimit } from "./rate-limit";

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

/** Per-email backoff: the first delay once an email has GALLEY_LOGIN_LIMIT failures, doubling to the cap. */
export const LOGIN_BACKOFF_BASE_MS = 250;
export const LOGIN_BACKOFF_MAX_MS = 8_000;

/** How long an attempt on an email waits after `failures` failures in the window (OWASP ASVS V2.2.1: increasing delays). */
export function loginBackoffMs(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(LOGIN_BACKOFF_BASE_MS * 2 ** (failures - limit), LOGIN_BACKOFF_MAX_MS);
}

const LOGIN_PAIR = "login:pair:";
const LOGIN_CLIENT = "login:client:";

/**
 * Checks a password sign-in. Every attempt is counted atomically before the
 * password is looked at (so concurrent guesses cannot all slip in under the
 * limit), per (email, client) and per client; a success gives its hits back, so
 * only failures count. Per email there is no hard limit (that would let anyone
 * lock the owner out) but an increasing delay once the email has had
 * GALLEY_LOGIN_LIMIT failures in the window. Refusals are not audited one by
 * one: each key's window that refused attempts becomes one
 * `auth.signin_throttled` event with the count once the window is over.
 */
export async function authenticate(email: string, password: string, clientKey: string) {
  const normalized = email.trim().toLowerCase();
  const { GALLEY_LOGIN_LIMIT: limit, GALLEY_LOGIN_WINDOW_SECONDS: window } = env();
  await auditFinishedThrottles(limit, window);
  const pairKey = `${LOGIN_PAIR}${clientKey}:${normalized}`;
  const clientLimitKey = `${LOGIN_CLIENT}${clientKey}`;
  const emailKey = `login:email:${normalized}`;
  const hits = [
    { key: pairKey, limit },
    { key: clientLimitKey, limit: limit * 3 },
    { key: emailKey, limit: Number.MAX_SAFE_INTEGER },
  ];
  const [byPair, byClient, byEmail] = await hitRateLimits(hits, window);
  if (!byPair!.allowed || !byClient!.allowed) {
    throw new AppError(
      "rate_limited",
      "Too many sign-in attempts. Try again later.",
      {},
      {
        "Retry-After": String(
          Math.max(
            byPair!.allowed ? 0 : byPair!.retryAfterSeconds,
            byClient!.allowed ? 0 : byClient!.retryAfterSeconds,
          ),
        ),
      },
    );
  }
  const delay = loginBackoffMs(byEmail!.count - 1, limit);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));

  const user = await db().user.findUnique({ where: { email: normalized } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok || user.disabledAt) {
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
  // Only failures count: give this attempt's hits back.
  for (const h of hits) await releaseRateLimit(h.key);
  await recordAudit({
    actor: userActor(user),
    action: "auth.signin",
    entityType: "user",
    entityId: user.id,
    data: { email: user.email },
  });
  return user;
}

/**
 * One audit event per sign-in limit key and window that refused attempts, with
 * the count, written by the first sign-in after the window ended (the
 * append-only log does not grow with every refused anonymous request).
 */
async function auditFinishedThrottles(limit: number, window: number): Promise<void> {
  const finished = [
    ...(await takeFinishedOverLimit(LOGIN_PAIR, limit, window)).map((r) => ({ ...r, limit })),
    ...(await takeFinishedOverLimit(LOGIN_CLIENT, limit * 3, window)).map((r) => ({
      ...r,
      limit: limit * 3,
    })),
  ];
  for (const row of finished) {
    const pair = row.key.startsWith(LOGIN_PAIR);
    const rest = row.key.slice((pair ? LOGIN_PAIR : LOGIN_CLIENT).length);
    const sep = rest.indexOf(":");
    const clientKey = pair ? rest.slice(0, sep) : rest;
    const email = pair ? rest.slice(sep + 1) : undefined;
    await recordAudit({
      actor: { type: "ANONYMOUS", ipHash: clientKey },
      action: "auth.signin_throttled",
      entityType: pair ? "user" : "client",
      entityId: email ?? clientKey,
      data: {
        scope: pair ? "email+client" : "client",
        email,
        limit: row.limit,
        refused: row.count - row.limit,
        windowStart: row.windowStart.toISOString(),
        windowSeconds: window,
      },
    });
  }
}

/**
 * Ends every session of a user (sign-out, password change or reset): sessions
 * are JWTs checked against `sessionVersion` on each request, so bumping it
 * makes every copy of every cookie issued so far worthless. `onlyIfVersion`
 * makes a sign-out from an already-ended session a no-op.
 */
export async function endUserSessions(input: {
  userId: string;
  onlyIfVersion?: number;
  action: "auth.signout";
  actor: Actor;
}): Promise<void> {
  await transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: {
        id: input.userId,
        ...(input.onlyIfVersion === undefined ? {} : { sessionVersion: input.onlyIfVersion }),
      },
      data: { sessionVersion: { increment: 1 } },
    });
    if (updated.count === 0) return;
    await appendAudit(tx, {
      actor: input.actor,
      action: input.action,
      entityType: "user",
      entityId: input.userId,
      data: {},
    });
  });
}

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
export const PASSWORD_MAX_BYTES = 72;

function assertPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw badRequest(`The new password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (Buffer.byteLength(password, "utf8") > PASSWORD_MAX_BYTES)
    throw badRequest(`The new password must be at most ${PASSWORD_MAX_BYTES} bytes`);
}

/**
 * Self-service password change: checks the current password (rate-limited per
 * user, like sign-in), stores the new hash and ends every session in one
 * transaction with its audit event. Returns the new session version, so the
 * caller can re-issue the session that asked for the change.
 */
export async function changePassword(input: {
  actor: UserActor;
  currentPassword: string;
  newPassword: string;
}): Promise<{ sessionVersion: number }> {
  assertPasswordPolicy(input.newPassword);
  const { GALLEY_LOGIN_LIMIT, GALLEY_LOGIN_WINDOW_SECONDS } = env();
  const key = `password-change:${input.actor.userId}`;
  const [hit] = await hitRateLimits(
    [{ key, limit: GALLEY_LOGIN_LIMIT }],
    GALLEY_LOGIN_WINDOW_SECONDS,
  );
  if (!hit!.allowed) {
    throw new AppError(
      "rate_limited",
      "Too many attempts. Try again later.",
      {},
      {
        "Retry-After": String(hit!.retryAfterSeconds),
      },
    );
  }
  const user = await db().user.findUnique({ where: { id: input.actor.userId } });
  // A user created by single sign-on has no password to change (ADR 014).
  if (user && user.passwordHash === null) {
    throw badRequest("This account signs in through single sign-on and has no password");
  }
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash ?? ""))) {
    throw badRequest("The current password is wrong");
  }
  await releaseRateLimit(key);
  const passwordHash = await hashPassword(input.newPassword);
  return transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, {
      actor: input.actor,
      action: "user.password_change",
      entityType: "user",
      entityId: user.id,
      data: { email: user.email },
    });
    return { sessionVersion: updated.sessionVersion };
  });
}

/** Admin reset: a new generated password, shown once, and every session of the user ended. */
export async function resetPassword(
  userId: string,
  actor: Actor,
): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("User");
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, {
      actor,
      action: "user.password_reset",
      entityType: "user",
      entityId: userId,
      data: { email: user.email },
    });
    return { email: user.email, password };
  });
}

/** The user's own zone for the workbench's dates; null follows GALLEY_TIME_ZONE. */
export async function setUserTimeZone(input: { actor: UserActor; timeZone: string | null }) {
  if (input.timeZone !== null && !isTimeZone(input.timeZone)) {
    throw badRequest("Choose an IANA time zone such as Asia/Seoul", {
      issues: [{ path: "timeZone", message: "is not a time zone" }],
    });
  }
  return transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: input.actor.userId },
      select: { timeZone: true },
    });
    await tx.user.update({
      where: { id: input.actor.userId },
      data: { timeZone: input.timeZone },
    });
    await appendAudit(tx, {
      actor: input.actor,
      action: "user.time_zone",
      entityType: "user",
      entityId: input.actor.userId,
      data: { from: before.timeZone, to: input.timeZone },
    });
    return { timeZone: input.timeZone };
  });
}
