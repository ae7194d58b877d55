import Link from "@/components/link";
// Same rule as the review workspace's pre-fill, so the diff shows what "Accept and correct" loads.
import { applySuggestion } from "@/lib/domain/apply-suggestion";
import {
  CATEGORY_LABEL,
  STATUS_LABEL,
  splitAroundQuote,
  type FeedbackStatus,
} from "@/lib/domain/feedback";
import { age, formatDateTime } from "@/lib/format-time";
import type { FeedbackItem } from "@/lib/server/feedback-queries";
import { diffText } from "@/lib/text/diff";
import { TriageControls, type DuplicateChoice } from "./triage-controls";

// Everything a reader wrote is untrusted: it is rendered only as React text.

const STATUS_COLOR: Record<FeedbackStatus, string> = {
  NEW: "bg-amber-100 text-amber-900",
  ACCEPTED: "bg-emerald-100 text-emerald-900",
  REJECTED: "bg-slate-200 text-slate-800",
  DUPLICATE: "bg-blue-100 text-blue-900",
  SPAM: "bg-rose-100 text-rose-900",
};

const segmentName = (i: number) => (i === 0 ? "Headline" : `Paragraph ${i}`);

function QuoteInContext({ item }: { item: FeedbackItem }) {
  const seen = item.segment?.textSeen ?? null;
  const parts =
    seen !== null ? splitAroundQuote(seen, item.quote, item.quoteStart, item.quoteEnd) : null;
  if (!item.quote && seen === null) return null;
  return (
    <figure className="space-y-1">
      <figcaption className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        {item.segmentIndex !== null
          ? `${segmentName(item.segmentIndex)} as the reader saw it (revision ${item.revisionSeen})`
          : "Quoted text"}
      </figcaption>
      <blockquote
        lang={item.article.targetLang}
        className="rounded-md border-l-4 border-slate-300 bg-slate-50 px-3 py-2 text-slate-800"
        data-testid="feedback-quote"
      >
        {parts ? (
          <>
            {parts.before}
            <mark className="rounded-sm bg-yellow-200 px-0.5 text-slate-950">{parts.quote}</mark>
            {parts.after}
          </>
        ) : seen !== null ? (
          <>
            {seen}
            {item.quote ? (
              <span className="mt-1 block text-sm text-slate-600">
                Quoted: <mark className="bg-yellow-200 text-slate-950">{item.quote}</mark>
              </span>
            ) : null}
          </>
        ) : (
          <mark className="bg-yellow-200 text-slate-950">{item.quote}</mark>
        )}
      </blockquote>
    </figure>
  );
}

function PlainSuggestion({ item, note }: { item: FeedbackItem; note?: string }) {
  return (
    <div>
      <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        Suggested correction
      </h3>
      <p lang={item.article.targetLang} className="mt-1 whitespace-pre-wrap text-slate-800">
        {item.suggestion}
      </p>
      {note ? (
        <p role="note" className="mt-1 text-sm text-slate-600" data-testid="suggestion-note">
          {note}
        </p>
      ) : null}
    </div>
  );
}

function SuggestionDiff({ item }: { item: FeedbackItem }) {
  if (!item.suggestion) return null;
  const current = item.segment?.textCurrent ?? null;
  if (current === null) return <PlainSuggestion item={item} />;
  const proposed = applySuggestion({
    text: current,
    suggestion: item.suggestion,
    quote: item.quote,
    quoteStart: item.quoteStart,
    quoteEnd: item.quoteEnd,
  });
  // A quote that cannot be placed in the current text: a whole-segment diff would mislead.
  // Not an error: the text moved on since the reader wrote; the suggestion is shown as written.
  if (!proposed.applied) {
    return (
      <PlainSuggestion
        item={item}
        note={`Note: ${proposed.reason}; shown as the reader wrote it.`}
      />
    );
  }
  const changes = diffText(current, proposed.text, item.article.targetLang);
  return (
    <div>
      <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        Suggested correction, against the current text
        {item.quote ? " (replacing the quote)" : ""}
      </h3>
      <p
        lang={item.article.targetLang}
        className="mt-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-slate-800"
        data-testid="suggestion-diff"
      >
        {changes.map((c, i) =>
          c.removed ? (
            <del key={i} className="diff-del">
              {c.value}
            </del>
          ) : c.added ? (
            <ins key={i} className="diff-add">
              {c.value}
            </ins>
          ) : (
            <span key={i}>{c.value}</span>
          ),
        )}
      </p>
    </div>
  );
}

function TriageOutcome({ item, tz }: { item: FeedbackItem; tz: string }) {
  if (item.status === "NEW") return null;
  return (
    <p className="text-sm text-slate-700" data-testid="triage-outcome">
      {STATUS_LABEL[item.status]}
      {item.triagedBy ? ` by ${item.triagedBy}` : ""}
      {item.triagedAt ? ` on ${formatDateTime(item.triagedAt, tz)}` : ""}
      {item.resolvingRevision !== null ? (
        <>
          {" in "}
          <Link
            href={`/articles/${item.article.id}/compare?from=${item.resolvingRevision - 1}&to=${item.resolvingRevision}`}
            className="text-blue-700 underline"
          >
            revision {item.resolvingRevision}
          </Link>
        </>
      ) : null}
      {item.duplicateOfId ? (
        <>
          {" "}
          — duplicate of <code className="font-mono text-xs">{item.duplicateOfId}</code>
        </>
      ) : null}
      {item.triageNote ? `: ${item.triageNote}` : ""}
    </p>
  );
}

/** For a fix made by a revision: is it what readers see yet? */
export function FixState({ item, tz }: { item: FeedbackItem; tz: string }) {
  if (item.resolvingRevision === null) return null;
  return item.fixLiveSince ? (
    <span
      className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-900"
      data-testid="fix-state"
    >
      live since {formatDateTime(item.fixLiveSince, tz)}
    </span>
  ) : (
    <span
      className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
      data-testid="fix-state"
    >
      not yet published
    </span>
  );
}

/** One line: what a triager scans before opening an item. */
function excerpt(item: FeedbackItem): string {
  const text = item.quote ? `“${item.quote}”` : item.comment || item.suggestion || "(no comment)";
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

export function FeedbackCard({
  item,
  duplicateChoices,
  tz,
}: {
  item: FeedbackItem;
  duplicateChoices: DuplicateChoice[];
  tz: string;
}) {
  const settled = item.status === "ACCEPTED" && item.resolvingRevision !== null;
  const headingId = `fb-${item.id}`;
  return (
    <li
      className="border-b border-slate-200 bg-white px-2 py-1 last:border-b-0 data-[current]:outline-2 data-[current]:-outline-offset-2 data-[current]:outline-blue-600"
      data-testid="feedback-item"
      data-feedback-id={item.id}
      data-status={item.status}
    >
      <div className="flex items-start gap-2">
        {item.status !== "SPAM" && !settled ? (
          <input
            type="checkbox"
            name="ids"
            value={item.id}
            form="bulk-triage"
            aria-label={`Select feedback ${item.id} for bulk action`}
            className="mt-1.5 size-4 shrink-0"
          />
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <details className="group min-w-0 flex-1" data-feedback-details>
          <summary className="flex cursor-pointer items-center gap-2 py-0.5 text-sm">
            <span
              className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_COLOR[item.status]}`}
              data-status={item.status}
            >
              {STATUS_LABEL[item.status]}
            </span>
            <h2 id={headingId} className="shrink-0 font-medium text-slate-900">
              {CATEGORY_LABEL[item.category]}
            </h2>
            <span className="max-w-[16rem] shrink-0 truncate text-slate-600">
              {item.article.title}
            </span>
            <span lang={item.article.targetLang} className="min-w-0 flex-1 truncate text-slate-800">
              {excerpt(item)}
            </span>
            <FixState item={item} tz={tz} />
            <span className="shrink-0 text-slate-600" title={formatDateTime(item.createdAt, tz)}>
              {age(item.createdAt)}
            </span>
          </summary>
          <div className="space-y-3 pt-2 pb-3">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-slate-600">
                Seen at revision {item.revisionSeen} (current {item.article.currentRevision})
              </span>
              {item.segment?.changedSince ? (
                <span
                  className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800"
                  data-testid="changed-since"
                >
                  Text changed since
                </span>
              ) : null}
            </div>
            <p className="text-sm text-slate-600">
              <Link
                href={`/articles/${item.article.id}`}
                className="font-medium text-slate-900 hover:underline"
              >
                {item.article.title}
              </Link>{" "}
              · {item.article.engine.name}
              {item.article.engine.version ? ` ${item.article.engine.version}` : ""} ·{" "}
              <a href={`/read/${item.article.slug}`} className="underline underline-offset-2">
                public page
              </a>{" "}
              · <code className="font-mono text-xs">{item.id}</code>
            </p>
            <QuoteInContext item={item} />
            <SuggestionDiff item={item} />
            {item.comment ? (
              <div>
                <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">
                  Comment
                </h3>
                <p
                  className="mt-1 whitespace-pre-wrap text-slate-800"
                  data-testid="feedback-comment"
                >
                  {item.comment}
                </p>
              </div>
            ) : null}
            {item.contact ? (
              <p className="text-sm text-slate-600">
                Reader&apos;s email: <span className="font-mono">{item.contact}</span>
              </p>
            ) : null}
            <TriageOutcome item={item} tz={tz} />
            {settled ? null : (
              <TriageControls
                id={item.id}
                hasSuggestion={Boolean(item.suggestion)}
                duplicateChoices={duplicateChoices}
              />
            )}
          </div>
        </details>
      </div>
    </li>
  );
}
