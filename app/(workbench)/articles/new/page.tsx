import type { Metadata } from "next";
import Link from "@/components/link";
import { requirePageActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { PasteForm } from "./paste-form";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  await requirePageActor("ingest:article", "/articles/new");
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">New article</h1>
        <Link href="/articles/import" className="text-sm text-slate-600 underline">
          Import a file instead
        </Link>
      </div>
      <p className="max-w-3xl text-sm text-slate-700">
        Paste the machine translation (and the source, if you have it). Paragraphs are separated by
        a blank line; the preview shows how they pair, which read as captions, and the AI notice
        found at the end, before anything is created.
      </p>
      {/* The server's own footer patterns, so the preview finds what ingest will. */}
      <PasteForm footerPatterns={env().GALLEY_FOOTER_PATTERNS ?? null} />
    </div>
  );
}
