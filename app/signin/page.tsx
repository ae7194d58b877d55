import type { Metadata } from "next";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { env, oidcSettings } from "@/lib/env";
import { SignInForm } from "./sign-in-form";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  RateLimited: "Too many sign-in attempts. Wait a few minutes and try again.",
  SessionRequired: "Please sign in to continue.",
  // A refused single sign-on (lib/auth/next-auth.ts signIn): disabled, or no usable email.
  AccessDenied: "Your account cannot sign in to Galley. Ask an administrator.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  // Own keys only: ?error=constructor must not find Object's constructor (a 500 in the fuzz test).
  const error =
    typeof sp.error === "string"
      ? Object.hasOwn(ERRORS, sp.error)
        ? ERRORS[sp.error]!
        : "Sign-in failed. Try again."
      : null;
  // Only paths on this site: never send a user to another host after sign-in.
  const callbackUrl = safeCallbackPath(sp.callbackUrl);
  const sso = oidcSettings() !== null;
  const passwords = env().GALLEY_PASSWORD_LOGIN;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">Galley</h1>
        <p className="mb-6 text-sm text-slate-600">
          Sign in to review machine-translated articles.
        </p>
        {sso ? <SsoButton callbackUrl={callbackUrl} /> : null}
        {sso && passwords ? (
          <p className="my-4 text-center text-xs tracking-wide text-slate-500 uppercase">or</p>
        ) : null}
        {passwords ? (
          <SignInForm callbackUrl={callbackUrl} initialError={error} />
        ) : error ? (
          <p
            role="alert"
            className="mt-4 rounded border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800"
          >
            {error}
          </p>
        ) : null}
      </div>
    </main>
  );
}
