import type { Metadata } from "next";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  RateLimited: "Too many sign-in attempts. Wait a few minutes and try again.",
  SessionRequired: "Please sign in to continue.",
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
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">Galley</h1>
        <p className="mb-6 text-sm text-slate-600">
          Sign in to review machine-translated articles.
        </p>
        <SignInForm callbackUrl={callbackUrl} initialError={error} />
      </div>
    </main>
  );
}
