import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { hashIp } from "@/lib/auth/secrets";
import { authSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isRole, userActor } from "@/lib/auth/policy";
import { authenticate, endUserSessions } from "@/lib/server/users";
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
    pages: { signIn: "/signin" },
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
    providers: [
      CredentialsProvider({
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
            if (err instanceof AppError && err.code === "rate_limited")
              throw new Error("RateLimited");
            throw err;
          }
        },
      }),
    ],
    callbacks: {
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
