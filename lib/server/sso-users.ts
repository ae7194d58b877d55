import "server-only";
import { z } from "zod";
import { userActor, type Actor, type Role } from "@/lib/auth/policy";
import { Prisma, transaction, type Tx } from "@/lib/db";
import { appendAudit, recordAudit } from "./audit";

// Single sign-on users (ADR 014). The provider's account is found by issuer + subject, never
// by email alone: emails change and can be reused, the subject does not. The first sign-in
// links an existing Galley account only when the provider says the email is verified;
// otherwise it creates the user. The role comes from the provider at every sign-in.

const SSO_ACTOR: Actor = { type: "SYSTEM", label: "single sign-on" };

/** What the identity provider told us, after next-auth/openid-client verified the ID token. */
export interface OidcSignIn {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** The role GALLEY_OIDC_ROLE_CLAIM/GALLEY_OIDC_ROLE_MAP give (lib/auth/oidc-roles.ts). */
  role: Role;
}

export type OidcSignInResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; role: Role; sessionVersion: number };
      created: boolean;
    }
  | { ok: false; reason: "disabled" | "no email" | "email taken" };

const emailSchema = z.email().max(320);

/**
 * Finds or creates the Galley user for an SSO sign-in, refreshes their role from the
 * provider, and audits the outcome like a password sign-in (`auth.signin` /
 * `auth.signin_failed`). One transaction, so a user never exists without their link.
 */
export async function signInWithOidc(input: OidcSignIn): Promise<OidcSignInResult> {
  let result: OidcSignInResult;
  try {
    result = await transaction((tx) => linkOrCreate(tx, input));
  } catch (err) {
    // Two first sign-ins of the same person at once: the loser finds the winner's link.
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
    result = await transaction((tx) => linkOrCreate(tx, input));
  }
  if (!result.ok) {
    await recordAudit({
      actor: { type: "ANONYMOUS", ipHash: null },
      action: "auth.signin_failed",
      entityType: "user",
      entityId: input.email ?? `${input.issuer}#${input.subject}`,
      data: {
        email: input.email,
        method: "sso",
        issuer: input.issuer,
        subject: input.subject,
        reason: result.reason,
      },
    });
  }
  return result;
}

async function linkOrCreate(tx: Tx, input: OidcSignIn): Promise<OidcSignInResult> {
  const identityKey = { issuer: input.issuer, subject: input.subject };
  const identity = await tx.oidcIdentity.findUnique({
    where: { issuer_subject: identityKey },
    include: { user: true },
  });
  let user = identity?.user ?? null;
  let created = false;
  const email = emailSchema.safeParse(input.email?.trim().toLowerCase());

  if (!user) {
    if (!email.success) return { ok: false, reason: "no email" };
    const existing = await tx.user.findUnique({ where: { email: email.data } });
    if (existing) {
      // Linking by an unverified email would let anyone who can set that address at the
      // provider take over the Galley account.
      if (!input.emailVerified) return { ok: false, reason: "email taken" };
      if (existing.disabledAt) return { ok: false, reason: "disabled" };
      user = existing;
    } else {
      user = await tx.user.create({
        data: {
          email: email.data,
          name: input.name?.trim().slice(0, 200) || email.data.split("@")[0]!,
          role: input.role,
          passwordHash: null,
        },
      });
      created = true;
      await appendAudit(tx, {
        actor: SSO_ACTOR,
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        data: { email: user.email, role: user.role, via: "sso", issuer: input.issuer },
      });
    }
    await tx.oidcIdentity.create({ data: { ...identityKey, userId: user.id } });
  } else {
    await tx.oidcIdentity.update({
      where: { issuer_subject: identityKey },
      data: { lastSignInAt: new Date() },
    });
  }

  if (user.disabledAt) return { ok: false, reason: "disabled" };

  if (user.role !== input.role) {
    // The provider is the source of truth for SSO users' roles. A changed role ends the
    // user's other sessions, as an admin's change does (lib/server/users.ts setUserRole).
    const from = user.role;
    user = await tx.user.update({
      where: { id: user.id },
      data: { role: input.role, sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, {
      actor: SSO_ACTOR,
      action: "user.role",
      entityType: "user",
      entityId: user.id,
      data: { from, to: input.role, via: "sso" },
    });
  }

  await appendAudit(tx, {
    actor: userActor(user),
    action: "auth.signin",
    entityType: "user",
    entityId: user.id,
    data: { email: user.email, method: "sso", issuer: input.issuer },
  });
  return {
    ok: true,
    created,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      sessionVersion: user.sessionVersion,
    },
  };
}
