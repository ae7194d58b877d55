import { getServerSession } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/env";
import { redirect } from "next/navigation";
import type { Permission, UserActor } from "@/lib/auth/policy";
import { can, userActor } from "@/lib/auth/policy";
import { authOptions } from "@/lib/auth/next-auth";
import { getActiveUser } from "@/lib/server/users";

/**
 * The signed-in user as an Actor, re-read from the database so a disabled user
 * or a changed role takes effect on the next request (sessionVersion).
 */
export async function sessionActor(): Promise<UserActor | null> {
  const session = (await getServerSession(authOptions())) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await getActiveUser(session.uid);
  if (!user || (session.sv ?? 0) !== user.sessionVersion) return null;
  return userActor(user);
}

/** For pages: redirect to sign-in without a session; 403 page without the permission. */
export async function requirePageActor(
  permission: Permission,
  callbackPath: string,
): Promise<UserActor> {
  const actor = await sessionActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (!can(actor, permission)) redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
  return actor;
}

/**
 * After the user's own password change (which ended every session), give the
 * browser that asked for it a fresh cookie carrying the new sessionVersion, so
 * only the other sessions end. Call from a server action or route handler.
 */
export async function reissueSession(sessionVersion: number): Promise<void> {
  const store = await cookies();
  const cookie = store.getAll().find((c) => c.name.endsWith("next-auth.session-token"));
  if (!cookie) return;
  const secret = authSecret();
  const token = await decode({ token: cookie.value, secret });
  if (!token) return;
  const maxAge = authOptions().session?.maxAge ?? 12 * 60 * 60;
  store.set(
    cookie.name,
    await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge }),
    {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookie.name.startsWith("__Secure-"),
      maxAge,
    },
  );
}
