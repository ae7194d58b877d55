import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { formatLongDate } from "@/lib/format-time";
import { currentSlugFor } from "@/lib/server/article-slug";
import { disclosureFor, type Disclosure } from "@/lib/server/disclosure";
import { displayTimeZone } from "@/lib/server/time-zone";
import { getPublicArticle, type PublicArticle } from "@/lib/server/public-articles";
import { readerTypography } from "@/components/reader-typography";
import { AiFooterNotice } from "./ai-footer";
import { FeedbackForm } from "./feedback-form";
import { FORM_ERROR_MESSAGES, isFormErrorCode } from "./form-status";
import { NewsArticleJsonLd } from "./json-ld";
import { VersionNotices, VersionList } from "./versions";

// Public, no sign-in: the reader's view of an article. Server-rendered and
// complete without JavaScript; only published (or approved) text is shown.
export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;
type SP = Promise<Record<string, string | string[] | undefined>>;

const load = cache(async (slug: string, revisionParam: string | undefined) => {
  let revision: number | undefined;
  if (revisionParam !== undefined) {
    if (!/^[1-9]\d{0,8}$/.test(revisionParam)) notFound();
    revision = Number(revisionParam);
  }
  const result = await getPublicArticle(slug, revision);
  if (result.kind === "not_found") {
    // A slug the article had before its headline was corrected: 308 to the current one, forever.
    const current = await currentSlugFor(slug);
    if (current) {
      const query = revisionParam !== undefined ? `?revision=${revisionParam}` : "";
      permanentRedirect(`/read/${encodeURIComponent(current)}${query}`);
    }
  }
  if (result.kind !== "ok") notFound();
  return result.article;
});

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export async function generateMetadata(props: {
  params: Params;
  searchParams: SP;
}): Promise<Metadata> {
  const { slug } = await props.params;
  const article = await load(slug, one((await props.searchParams).revision));
  return {
    title: article.title ?? "Under review",
    // Older versions and unreviewed text stay out of search engines.
    robots:
      article.shown && !article.shown.superseded && article.shown.reviewed
        ? undefined
        : { index: false },
  };
}

export default async function ReadPage(props: { params: Params; searchParams: SP }) {
  const { slug } = await props.params;
  const sp = await props.searchParams;
  const article = await load(slug, one(sp.revision));
  // Readers have no preference: the newsroom's zone.
  const tz = await displayTimeZone();
  const disclosure = await disclosureFor(article.id);
  const code = one(sp.code);
  const initialNotice =
    one(sp.feedback) === "sent"
      ? ({ kind: "sent" } as const)
      : one(sp.feedback) === "error"
        ? ({
            kind: "error",
            message: FORM_ERROR_MESSAGES[isFormErrorCode(code) ? code : "invalid"],
          } as const)
        : null;

  return (
    <div className="min-h-screen bg-white">
      <NewsArticleJsonLd article={article} />
      <header className="border-b border-slate-200">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3 text-sm text-slate-600 sm:px-6">
          <span className="font-semibold tracking-tight text-slate-900">
            {article.outlet ?? "Galley"}
          </span>
          <span>Translated from the original with AI</span>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
        {article.shown ? (
          <ShownArticle
            article={article}
            shown={article.shown}
            initialNotice={initialNotice}
            tz={tz}
            disclosure={disclosure}
          />
        ) : (
          <div role="status" className="rounded-lg border border-slate-200 bg-slate-50 p-6">
            <h1 className="text-xl font-semibold text-slate-900">This article is under review</h1>
            <p className="mt-2 text-slate-700">
              Our editors are checking this translation. Please come back once it has been
              published.
            </p>
          </div>
        )}
      </main>
    </div>
  );
}

function ShownArticle({
  article,
  shown,
  initialNotice,
  tz,
  disclosure,
}: {
  tz: string;
  disclosure: Disclosure;
  article: PublicArticle;
  shown: NonNullable<PublicArticle["shown"]>;
  initialNotice: Parameters<typeof FeedbackForm>[0]["initialNotice"];
}) {
  const type = readerTypography(article.targetLang);
  const [title, ...body] = shown.segments;
  return (
    <>
      <VersionNotices article={article} shown={shown} tz={tz} />
      {!shown.reviewed ? (
        <p
          role="note"
          className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-amber-950"
        >
          This machine translation has not been reviewed by our editors yet.
        </p>
      ) : null}
      <article lang={article.targetLang} data-public-article className="text-slate-900">
        <h1 data-segment-index={title?.index ?? 0} className={type.title}>
          {title?.text}
        </h1>
        <p lang="en" className="mt-4 text-sm text-slate-600">
          {article.byline ? <span>By {article.byline}</span> : null}
          {article.byline && article.originalPublishedAt ? " · " : null}
          {article.originalPublishedAt ? (
            <time dateTime={article.originalPublishedAt.toISOString()}>
              {formatLongDate(article.originalPublishedAt, tz)} ({tz})
            </time>
          ) : null}
        </p>
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
      </article>
      <footer
        id="article-footer"
        className="mt-10 scroll-mt-6 border-t border-slate-200 pt-6 text-slate-800"
      >
        <AiFooterNotice disclosure={disclosure} engine={article.engine} reviewed={shown.reviewed} />
        <FeedbackForm
          action={`/read/${encodeURIComponent(article.slug)}/feedback`}
          revisionSeen={shown.revision}
          targetLang={article.targetLang}
          initialNotice={initialNotice}
        />
      </footer>
      <VersionList article={article} shownRevision={shown.revision} tz={tz} />
    </>
  );
}
