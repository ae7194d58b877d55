"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts the OpenID Connect sign-in (next-auth posts its CSRF token, then redirects). */
export function SsoButton({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl });
      }}
      className="w-full rounded border border-slate-300 bg-white px-3 py-2 font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-60"
    >
      {pending ? "Redirecting…" : "Sign in with SSO"}
    </button>
  );
}
