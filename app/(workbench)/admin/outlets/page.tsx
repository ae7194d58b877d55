import type { Metadata } from "next";
import { headers } from "next/headers";
import { requirePageActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { embedScript, embedSnippet } from "@/lib/server/embed-script";
import { listOutlets } from "@/lib/server/outlets";
import { OutletForm } from "./outlet-form";

export const metadata: Metadata = { title: "Outlets" };

/** Galley's public origin as publishers must write it: NEXTAUTH_URL, else the host asked. */
async function galleyOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
}

export default async function OutletsPage() {
  await requirePageActor("manage:outlets", "/admin/outlets");
  const [outlets, origin] = await Promise.all([listOutlets(), galleyOrigin()]);
  const { integrity } = embedScript();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Outlets</h1>
      <section
        aria-labelledby="embed-h"
        className="space-y-2 rounded border border-slate-200 bg-white p-4 text-sm"
      >
        <h2 id="embed-h" className="text-lg font-semibold">
          Embed the feedback footer
        </h2>
        <p>
          Put this tag where the disclosure footer goes on an article page (replace the external id;
          or use <code>data-url</code> with the page&apos;s canonical URL instead of{" "}
          <code>data-outlet</code> and <code>data-external-id</code>):
        </p>
        <pre
          className="rounded bg-slate-50 p-2 text-xs break-all whitespace-pre-wrap"
          data-testid="embed-snippet"
        >
          {embedSnippet(origin, outlets[0]?.name ?? "Your Outlet", "ARTICLE-ID")}
        </pre>
        <p>
          Integrity: <code data-testid="embed-integrity">{integrity}</code> (sha384 of{" "}
          <code>/embed.js</code> in this Galley version; it changes when Galley updates the script).
        </p>
        <p>
          Content-Security-Policy on the article page needs <code>script-src {origin}</code> and{" "}
          <code>connect-src {origin}</code>; styles come from a constructed stylesheet, so{" "}
          <code>style-src &apos;self&apos;</code> is enough. Add the page&apos;s origin to the
          outlet&apos;s allowed origins below.
        </p>
        <p>
          Without JavaScript, link readers to <code>{origin}/read?outlet=…&amp;externalId=…</code>{" "}
          (or <code>?url=…</code>): it sends them to the article&apos;s feedback form.
        </p>
      </section>
      {outlets.map((o) => (
        <section
          key={o.id}
          aria-labelledby={`outlet-${o.id}-h`}
          className="space-y-2 rounded border border-slate-200 bg-white p-4"
        >
          <h2 id={`outlet-${o.id}-h`} className="text-lg font-semibold">
            {o.name}
          </h2>
          <OutletForm outlet={o} />
        </section>
      ))}
      <section
        aria-labelledby="new-outlet-h"
        className="space-y-2 rounded border border-slate-200 bg-white p-4"
      >
        <h2 id="new-outlet-h" className="text-lg font-semibold">
          Add an outlet
        </h2>
        <OutletForm />
      </section>
    </div>
  );
}
