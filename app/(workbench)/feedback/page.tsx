import type { Metadata } from "next";
import { InvalidFilters } from "@/components/invalid-filters";
import { linkKeepingFilters, parseFilters, readFilters, type SearchParams } from "@/lib/page-query";
import Link from "@/components/link";
import { z } from "zod";
import { listFeedbackQuerySchema } from "@/lib/api/schemas/feedback";
import { requirePageActor } from "@/lib/auth/session";
import { engineKey, engineLabel } from "@/lib/domain/engine";
import { CATEGORY_LABEL, FEEDBACK_STATUSES, STATUS_LABEL } from "@/lib/domain/feedback";
import { formatDateTime } from "@/lib/format-time";
import { displayTimeZone } from "@/lib/server/time-zone";
import { listEngines } from "@/lib/server/article-queue";
import {
  articlesWithFeedback,
  duplicateCandidates,
  listFeedback,
  type FeedbackItem,
} from "@/lib/server/feedback-queries";
import { FeedbackCard } from "./feedback-card";
import { BulkTriageForm, type DuplicateChoice } from "./triage-controls";
import { TriageKeys } from "./triage-keys";

export const metadata: Metadata = { title: "Feedback" };

// The inbox opens on NEW items; "ALL" lifts the status filter.
const pageQuerySchema = listFeedbackQuerySchema.extend({
  status: z.enum([...FEEDBACK_STATUSES, "ALL"]).default("NEW"),
  limit: listFeedbackQuerySchema.shape.limit.default(25),
});

const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5";

function choicesFor(
  item: FeedbackItem,
  candidates: Awaited<ReturnType<typeof duplicateCandidates>>,
  tz: string,
): DuplicateChoice[] {
  return candidates
    .filter((c) => c.articleId === item.article.id && c.id !== item.id)
    .map((c) => ({
      id: c.id,
      label: `${formatDateTime(c.createdAt, tz)} — ${c.comment.slice(0, 60) || "(no comment)"}`,
    }));
}

export default async function FeedbackInboxPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("triage:feedback", "/feedback");
  const tz = await displayTimeZone(actor);
  const raw = await readFilters(searchParams);
  const { query, problems } = parseFilters(pageQuerySchema, raw);
  const { status, ...rest } = query;
  const [page, engines, articles] = await Promise.all([
    listFeedback({ ...rest, status: status === "ALL" ? undefined : status }),
    listEngines(),
    articlesWithFeedback(),
  ]);
  const candidates = await duplicateCandidates([...new Set(page.items.map((i) => i.article.id))]);
  const keep = (extra: Record<string, string>) => linkKeepingFilters("/feedback", raw, extra);

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Reader feedback</h1>
        <BulkTriageForm />
      </div>
      <InvalidFilters problems={problems} />
      <form
        method="get"
        role="search"
        aria-label="Filter feedback"
        className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
      >
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Status</span>
          <select name="status" defaultValue={status} className={select}>
            <option value="ALL">Any</option>
            {FEEDBACK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Category</span>
          <select name="category" defaultValue={query.category ?? ""} className={select}>
            <option value="">Any</option>
            {Object.entries(CATEGORY_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Article</span>
          <select
            name="articleId"
            defaultValue={query.articleId ?? ""}
            className={`${select} max-w-xs`}
          >
            <option value="">Any</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title.length > 70 ? `${a.title.slice(0, 70)}…` : a.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Engine</span>
          <select name="engine" defaultValue={query.engine ?? ""} className={select}>
            <option value="">Any</option>
            {engines.map((e) => {
              return (
                <option key={e.id} value={engineKey(e)}>
                  {engineLabel(e)}
                </option>
              );
            })}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white"
        >
          Filter
        </button>
        <Link href="/feedback" className="pb-1.5 text-slate-600 underline">
          Clear
        </Link>
      </form>
      {page.items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white px-3 py-8 text-center text-slate-600">
          No feedback matches.
        </p>
      ) : (
        <TriageKeys>
          <ul
            className="rounded border border-slate-200 bg-white"
            aria-label="Feedback items"
            aria-describedby="triage-keys-help"
          >
            {page.items.map((item) => (
              <FeedbackCard
                key={item.id}
                item={item}
                duplicateChoices={choicesFor(item, candidates, tz)}
                tz={tz}
              />
            ))}
          </ul>
        </TriageKeys>
      )}
      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {query.cursor ? (
          <Link href={keep({})} className="text-blue-700 underline">
            First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={keep({ cursor: page.nextCursor })} className="text-blue-700 underline">
            Next page →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
