import Link from "next/link";
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
      {note ? <p className="mt-1 text-sm text-slate-600">{note}</p> : null}
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
  if (!proposed.applied) return <PlainSuggestion item={item} note={`${proposed.reason}.`} />;
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

function TriageOutcome({ item }: { item: FeedbackItem }) {
  if (item.status === "NEW") return null;
  return (
    <p className="text-sm text-slate-700" data-testid="triage-outcome">
      {STATUS_LABEL[item.status]}
      {item.triagedBy ? ` by ${item.triagedBy}` : ""}
      {item.triagedAt ? ` on ${formatDateTime(item.triagedAt)}` : ""}
      {item.resolvingRevision !== null ? ` in revision ${item.resolvingRevision}` : ""}
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

export function FeedbackCard({
  item,
  duplicateChoices,
}: {
  item: FeedbackItem;
  duplicateChoices: DuplicateChoice[];
}) {
  const settled = item.status === "ACCEPTED" && item.resolvingRevision !== null;
  const headingId = `fb-${item.id}`;
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="feedback-item"
      data-feedback-id={item.id}
    >
      <div className="flex flex-wrap items-start gap-3">
        {item.status !== "SPAM" && !settled ? (
          <input
            type="checkbox"
            name="ids"
            value={item.id}
            form="bulk-spam"
            aria-label={`Select feedback ${item.id} for bulk action`}
            className="mt-1 size-4"
          />
        ) : null}
        <div className="min-w-0 flex-1 space-y-3">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <h2 id={headingId} className="font-semibold text-slate-900">
              {CATEGORY_LABEL[item.category]}
            </h2>
            <span
              className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_COLOR[item.status]}`}
              data-status={item.status}
            >
              {STATUS_LABEL[item.status]}
            </span>
            <span className="text-slate-600" title={formatDateTime(item.createdAt)}>
              {age(item.createdAt)}
            </span>
            <span className="text-slate-600">
              · seen at revision {item.revisionSeen} (current {item.article.currentRevision})
            </span>
            {item.segment?.changedSince ? (
              <span
                className="rounded bg-orange-100 px-2 py-0.5 text-xs font-medium text-orange-900"
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
              <p className="mt-1 whitespace-pre-wrap text-slate-800" data-testid="feedback-comment">
                {item.comment}
              </p>
            </div>
          ) : null}
          {item.contact ? (
            <p className="text-sm text-slate-600">
              Reader&apos;s email: <span className="font-mono">{item.contact}</span>
            </p>
          ) : null}
          <TriageOutcome item={item} />
          {settled ? null : (
            <TriageControls
              id={item.id}
              hasSuggestion={Boolean(item.suggestion)}
              duplicateChoices={duplicateChoices}
            />
          )}
        </div>
      </div>
    </li>
  );
}
