import { formatLongDateTime } from "@/lib/format-time";
import type { PublicArticle } from "@/lib/server/public-articles";

// Corrections are visible: the current text says when and why it changed, and
// every earlier published version stays readable at ?revision=n. Drafts never
// appear here; only Publication rows do.

function When({ date, tz }: { date: Date; tz: string }) {
  return <time dateTime={date.toISOString()}>{formatLongDateTime(date, tz)}</time>;
}

/**
 * The public inclusion proof of the correction's publication event in the signed audit log
 * (ADR 015): a reader or a watchdog checks it against /api/v1/log/sth and the key at
 * /.well-known/galley-log.json.
 */
function VerifyLink({ href }: { href: string }) {
  return (
    <a href={href} data-testid="verify-correction" className="underline underline-offset-2">
      Verify this correction
    </a>
  );
}

const versionHref = (slug: string, revision: number) =>
  `/read/${encodeURIComponent(slug)}?revision=${revision}`;

export function VersionNotices({
  article,
  shown,
  tz,
}: {
  article: PublicArticle;
  shown: NonNullable<PublicArticle["shown"]>;
  tz: string;
}) {
  if (shown.superseded) {
    const version = article.versions.find((v) => v.revision === shown.revision);
    return (
      <div
        role="note"
        data-testid="superseded-notice"
        className="mb-6 rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-slate-800"
      >
        <p>
          You are reading an earlier version of this article
          {version ? (
            <>
              , published on <When date={version.publishedAt} tz={tz} />
            </>
          ) : null}
          . It has since been corrected.
        </p>
        <p className="mt-1">
          <a
            href={`/read/${encodeURIComponent(article.slug)}`}
            className="font-medium text-blue-800 underline underline-offset-2"
          >
            Read the current version
          </a>
        </p>
      </div>
    );
  }
  const correction = article.latestCorrection;
  if (!correction) return null;
  return (
    <div
      role="note"
      data-testid="correction-notice"
      className="mb-6 rounded-md border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950"
    >
      <p className="font-semibold">
        Corrected on <When date={correction.publishedAt} tz={tz} />
      </p>
      {correction.note ? <p className="mt-1">{correction.note}</p> : null}
      <p className="mt-1 text-sm">
        <a href="#versions" className="underline underline-offset-2">
          See earlier versions
        </a>
        {correction.proofUrl ? (
          <>
            {" · "}
            <VerifyLink href={correction.proofUrl} />
          </>
        ) : null}
      </p>
    </div>
  );
}

export function VersionList({
  article,
  shownRevision,
  tz,
}: {
  article: PublicArticle;
  shownRevision: number;
  tz: string;
}) {
  if (article.versions.length < 2) return null;
  const newestFirst = [...article.versions].reverse();
  return (
    <section
      id="versions"
      aria-labelledby="versions-heading"
      className="mt-10 border-t border-slate-200 pt-6"
    >
      <h2 id="versions-heading" className="text-base font-semibold text-slate-900">
        Versions of this article
      </h2>
      <ol className="mt-3 space-y-3 text-sm text-slate-800">
        {newestFirst.map((v, i) => {
          const first = i === newestFirst.length - 1;
          const isCurrent = v.revision === article.currentPublicRevision;
          const label = (
            <>
              {first ? "First published" : "Corrected"} on <When date={v.publishedAt} tz={tz} />
            </>
          );
          return (
            <li key={`${v.revision}-${v.publishedAt.toISOString()}`}>
              {v.revision === shownRevision ? (
                <span aria-current="page" className="font-medium">
                  {label} {isCurrent ? "(current version)" : "(shown)"}
                </span>
              ) : (
                <a
                  href={
                    isCurrent
                      ? `/read/${encodeURIComponent(article.slug)}`
                      : versionHref(article.slug, v.revision)
                  }
                  className="text-blue-800 underline underline-offset-2"
                >
                  {label}
                  {isCurrent ? " (current version)" : null}
                </a>
              )}
              {v.note ? <p className="mt-0.5 text-slate-600">{v.note}</p> : null}
              {!first && v.proofUrl ? (
                <p className="mt-0.5">
                  <VerifyLink href={v.proofUrl} />
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
