import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getArticleView } from "@/lib/server/articles";
import { readerTypography } from "@/components/reader-typography";

// What readers would see if the current revision were published: the reading page's layout
// over the current text. Behind sign-in (read:article) and never indexed: it is a draft.
export const metadata: Metadata = { title: "Reader preview", robots: { index: false } };

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

export default async function ReaderPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  await requirePageActor("read:article", `/articles/${id}/preview`);
  let view;
  try {
    view = await getArticleView(id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  const type = readerTypography(view.targetLang);
  const [title, ...body] = view.segments;
  return (
    <div>
      <p
        role="note"
        data-testid="preview-banner"
        className="mb-6 rounded border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950"
      >
        <strong>Preview, not public.</strong> This is what readers would see if revision{" "}
        {view.revision} were published.{" "}
        <Link href={`/articles/${id}`} className="text-blue-700 underline">
          Back to the workspace
        </Link>
      </p>
      <article
        lang={view.targetLang}
        data-preview-article
        className="mx-auto max-w-3xl rounded border border-slate-200 bg-white px-6 py-10 text-slate-900"
      >
        <h1 data-segment-index={title?.index ?? 0} className={type.title}>
          {title?.text}
        </h1>
        {view.byline ? (
          <p lang="en" className="mt-4 text-sm text-slate-600">
            By {view.byline}
          </p>
        ) : null}
        <div className={`mt-8 space-y-5 ${type.body}`}>
          {body.map((s) => (
            <p
              key={s.index}
              data-segment-index={s.index}
              className={s.kind === "CAPTION" ? "text-base text-slate-600 italic" : undefined}
            >
              {s.text}
            </p>
          ))}
        </div>
        {view.footer ? (
          <footer className="mt-10 border-t border-slate-200 pt-6 text-slate-800">
            {view.footer}
          </footer>
        ) : null}
      </article>
    </div>
  );
}
