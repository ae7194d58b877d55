import type { Metadata } from "next";
import Link from "@/components/link";
import { requirePageActor } from "@/lib/auth/session";
import { BULK_LIMITS } from "@/lib/server/bulk-import";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import articles" };

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function ImportPage({ searchParams }: { searchParams: SP }) {
  await requirePageActor("ingest:article", "/articles/import");
  const article = (await searchParams).article;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Import articles</h1>
        <Link href="/articles" className="text-sm text-slate-600 underline">
          Back to the queue
        </Link>
      </div>
      <p className="max-w-3xl text-sm text-slate-700">
        Upload up to {BULK_LIMITS.maxLines.toLocaleString("en")} articles at a time as NDJSON. Each
        line is imported on its own: a bad line is listed below with its number and never stops the
        others, and lines already imported are recognised instead of duplicated. The format and
        limits are described in the API documentation (docs/api.md).
      </p>
      <ImportForm initialArticleId={typeof article === "string" ? article : ""} />
    </div>
  );
}
