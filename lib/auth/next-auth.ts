import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { hashIp } from "@/lib/auth/secrets";
import { authSecret, env, oidcSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isRole, userActor } from "@/lib/auth/policy";
import { authenticate, endUserSessions } from "@/lib/server/users";
import { signInWithOidc } from "@/lib/server/sso-users";
import { OIDC_PROVIDER_ID, oidcProvider, type OidcClaims } from "@/lib/auth/oidc-provider";
import { roleFromClaims } from "@/lib/auth/oidc-roles";
import { clientIpFromHeaders } from "@/lib/api/client-ip";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

// Built lazily: the secret is read at request time, not at build time.
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    // Credentials sign-in requires JWT sessions; the user row is re-read on every
    // request (lib/auth/session.ts), so role changes and disabling apply at once.
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    // Errors (a refused SSO sign-in: AccessDenied) go back to the sign-in page with ?error=.
    pages: { signIn: "/signin", error: "/signin" },
    events: {
      // Sign-out ends the session on the server too: a copied cookie stops working
      // (sessionVersion is checked on every request, lib/auth/session.ts).
      async signOut({ token }) {
        const t = token as {
          uid?: string;
          sv?: number;
          email?: string;
          name?: string;
          role?: string;
        };
        if (!t?.uid) return;
        await endUserSessions({
          userId: t.uid,
          onlyIfVersion: t.sv ?? 0,
          action: "auth.signout",
          actor: userActor({
            id: t.uid,
            email: t.email ?? "",
            name: t.name ?? "",
            role: t.role && isRole(t.role) ? t.role : "VIEWER",
          }),
        });
      },
    },
    providers: providers(),
    callbacks: {
      // Password sign-ins were checked in authorize(); SSO sign-ins are checked here, where
      // a refusal (disabled user, no usable email) sends the browser back with AccessDenied.
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const settings = oidcSettings();
        if (!settings || !profile) return false;
        const claims = profile as OidcClaims;
        const result = await signInWithOidc({
          issuer: typeof claims.iss === "string" ? claims.iss : settings.issuer,
          subject: claims.sub,
          email: typeof claims.email === "string" ? claims.email : null,
          // Some providers (Cognito) send the boolean as a string.
          emailVerified: claims.email_verified === true || claims.email_verified === "true",
          name: typeof claims.name === "string" ? claims.name : null,
          role: roleFromClaims(claims, settings.roleClaim, settings.roleMap),
        });
        if (!result.ok) return false;
        // Without an adapter next-auth hands this same object to the jwt callback below: it
        // now carries the Galley user (id, role, sessionVersion) instead of the provider's.
        Object.assign(user, {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          role: result.user.role,
          sv: result.user.sessionVersion,
        } satisfies User & { role: string; sv: number });
        return true;
      },
      // next-auth's own redirects (after sign-in or sign-out) stay on this site too.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return baseUrl + safeCallbackPath(path, "/");
      },
      jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; role?: string; sv?: number };
          token.uid = u.id;
          token.role = u.role;
          token.sv = u.sv;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv } as typeof session;
      },
    },
  };
}

/**
 * The sign-in methods this installation offers: "Sign in with SSO" when GALLEY_OIDC_* are
 * set, and email + password unless GALLEY_PASSWORD_LOGIN=0 (then next-auth has no
 * credentials provider at all, so its callback answers 400 and issues no session).
 */
function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [];
  const sso = oidcSettings();
  if (sso) list.push(oidcProvider(sso));
  if (env().GALLEY_PASSWORD_LOGIN) list.push(credentialsProvider());
  return list;
}

function credentialsProvider() {
  return CredentialsProvider({
    name: "Email and password",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(credentials, req) {
      const parsed = credentialsSchema.safeParse(credentials);
      if (!parsed.success) return null;
      const ip = clientIpFromHeaders((name) => {
        const h = req?.headers as Record<string, string | string[] | undefined> | undefined;
        const v = h?.[name];
        return Array.isArray(v) ? v[0] : v;
      });
      try {
        const user = await authenticate(
          parsed.data.email,
          parsed.data.password,
          hashIp(ip, authSecret()),
        );
        if (!user) return null;
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          sv: user.sessionVersion,
        };
      } catch (err) {
        if (err instanceof AppError && err.code === "rate_limited") throw new Error("RateLimited");
        throw err;
      }
    },
  });
}
