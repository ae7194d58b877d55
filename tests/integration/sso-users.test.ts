import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInWithOidc, type OidcSignIn } from "@/lib/server/sso-users";
import { authenticate, changePassword } from "@/lib/server/users";
import { userActor } from "@/lib/auth/policy";
import { makeUser } from "./factories";

// Issue 17 item 6, ADR 014: how an SSO sign-in finds, creates and links Galley users.
const ISSUER = "https://idp.test.example";
const uid = () => randomBytes(4).toString("hex");

function signIn(overrides: Partial<OidcSignIn> = {}): OidcSignIn {
  const id = uid();
  return {
    issuer: ISSUER,
    subject: `sub-${id}`,
    email: `sso-${id}@newsroom.example`,
    emailVerified: true,
    name: `SSO ${id}`,
    role: "VIEWER",
    ...overrides,
  };
}

async function auditFor(entityId: string) {
  return db().auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });
}

describe("signInWithOidc", () => {
  it("creates the user at the first sign-in without a password, links issuer+subject, and audits", async () => {
    const input = signIn({ role: "EDITOR" });
    const result = await signInWithOidc(input);
    expect(result).toMatchObject({ ok: true, created: true, user: { role: "EDITOR" } });
    if (!result.ok) throw new Error("unreachable");
    const user = await db().user.findUniqueOrThrow({
      where: { id: result.user.id },
      include: { oidcIdentities: true },
    });
    expect(user.passwordHash).toBeNull();
    expect(user.email).toBe(input.email);
    expect(user.oidcIdentities.map((i) => [i.issuer, i.subject])).toEqual([
      [ISSUER, input.subject],
    ]);
    const events = await auditFor(user.id);
    expect(events.map((e) => e.action)).toEqual(["user.create", "auth.signin"]);
    expect(events[1]).toMatchObject({ actorType: "USER", actorId: user.id });
    expect(events[1]!.data).toMatchObject({ method: "sso", issuer: ISSUER });
    // No password: a password sign-in for this email fails like a wrong password.
    expect(await authenticate(input.email!, "", `client-${uid()}`)).toBeNull();
    await expect(
      changePassword({ actor: userActor(user), currentPassword: "x", newPassword: "y".repeat(12) }),
    ).rejects.toThrow(/single sign-on/);
  });

  it("finds the user again by issuer+subject even when the email changed, and refreshes the role", async () => {
    const input = signIn({ role: "EDITOR" });
    const first = await signInWithOidc(input);
    if (!first.ok) throw new Error("first sign-in refused");
    const again = await signInWithOidc({
      ...input,
      email: `renamed-${uid()}@newsroom.example`,
      role: "REVIEWER",
    });
    expect(again).toMatchObject({ ok: true, created: false, user: { id: first.user.id } });
    if (!again.ok) throw new Error("unreachable");
    expect(again.user.role).toBe("REVIEWER");
    // A role change ends the user's other sessions, as an admin's change does.
    expect(again.user.sessionVersion).toBe(first.user.sessionVersion + 1);
    const role = (await auditFor(first.user.id)).find((e) => e.action === "user.role");
    expect(role?.data).toMatchObject({ from: "EDITOR", to: "REVIEWER", via: "sso" });
  });

  it("links an existing account by email only when the provider says the email is verified", async () => {
    const existing = await makeUser("ADMIN");
    const refused = await signInWithOidc(
      signIn({ email: existing.email.toUpperCase(), emailVerified: false }),
    );
    expect(refused).toEqual({ ok: false, reason: "email taken" });
    expect(await db().oidcIdentity.count({ where: { userId: existing.userId } })).toBe(0);

    const linked = await signInWithOidc(signIn({ email: existing.email, role: "ADMIN" }));
    expect(linked).toMatchObject({ ok: true, created: false, user: { id: existing.userId } });
    expect(await db().oidcIdentity.count({ where: { userId: existing.userId } })).toBe(1);
  });

  it("refuses a disabled user, audited as a failed sign-in, and one without an email", async () => {
    const input = signIn();
    const first = await signInWithOidc(input);
    if (!first.ok) throw new Error("first sign-in refused");
    await db().user.update({ where: { id: first.user.id }, data: { disabledAt: new Date() } });
    expect(await signInWithOidc(input)).toEqual({ ok: false, reason: "disabled" });
    const failed = (await auditFor(input.email!)).filter((e) => e.action === "auth.signin_failed");
    expect(failed.map((e) => (e.data as { reason: string }).reason)).toEqual(["disabled"]);

    expect(await signInWithOidc(signIn({ email: null }))).toEqual({
      ok: false,
      reason: "no email",
    });
  });

  it("two first sign-ins of one person at once make one user", async () => {
    const input = signIn();
    const results = await Promise.all([signInWithOidc(input), signInWithOidc(input)]);
    const ids = results.map((r) => (r.ok ? r.user.id : r.reason));
    expect(ids[0]).toBe(ids[1]);
    expect(await db().user.count({ where: { email: input.email! } })).toBe(1);
  });
});
