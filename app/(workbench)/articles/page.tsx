import type { Metadata } from "next";
import { InvalidFilters } from "@/components/invalid-filters";
import { linkKeepingFilters, parseFilters, readFilters, type SearchParams } from "@/lib/page-query";
import Link from "@/components/link";
import { listArticlesQuerySchema } from "@/lib/api/schemas/articles";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "@/lib/auth/session";
import { age, formatDateTime } from "@/lib/format-time";
import { displayTimeZone } from "@/lib/server/time-zone";
import { listArticles, listEngines } from "@/lib/server/article-queue";
import { RiskCell } from "@/components/risk-cell";
import { StatusBadge } from "@/components/status-badge";
import { engineKey, engineLabel } from "@/lib/domain/engine";
import { STATUS_LABEL } from "@/lib/domain/workflow";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("read:article", "/articles");
  const tz = await displayTimeZone(actor);
  const raw = await readFilters(searchParams);
  const { query, problems } = parseFilters(listArticlesQuerySchema, raw);
  const { assignee, ...rest } = query;
  const [page, engines] = await Promise.all([
    listArticles({ ...rest, assigneeId: assignee === "me" ? actor.userId : undefined }),
    listEngines(),
  ]);
  const keep = (extra: Record<string, string>) => linkKeepingFilters("/articles", raw, extra);
  return (
    <div>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Review queue</h1>
        {can(actor, "approve:article") ? (
          <Link
            href="/articles?status=SUBMITTED"
            className="ml-4 mr-auto text-sm text-blue-700 underline"
            aria-current={query.status === "SUBMITTED" ? "page" : undefined}
          >
            Waiting for approval
          </Link>
        ) : null}
        {can(actor, "ingest:article") ? (
          <Link
            href="/articles/new"
            className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            Paste an article
          </Link>
        ) : null}
        {can(actor, "ingest:article") ? (
          <Link
            href="/articles/import"
            className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800"
          >
            Import articles
          </Link>
        ) : null}
      </div>
      <InvalidFilters problems={problems} />
      <form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
        role="search"
      >
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Search</span>
          <input
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="Title or text"
            className="w-64 rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Status</span>
          <select
            name="status"
            defaultValue={query.status ?? ""}
            className="rounded border border-slate-300 px-2 py-1"
          >
            <option value="">Any</option>
            {Object.entries(STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Engine</span>
          <select
            name="engine"
            defaultValue={query.engine ?? ""}
            className="rounded border border-slate-300 px-2 py-1"
          >
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
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Order</span>
          <select
            name="sort"
            defaultValue={query.sort ?? "updated"}
            className="rounded border border-slate-300 px-2 py-1"
          >
            <option value="updated">Newest first</option>
            <option value="risk">Riskiest first</option>
          </select>
        </label>
        <label className="flex items-center gap-1.5 pb-1">
          <input
            type="checkbox"
            name="assignee"
            value="me"
            defaultChecked={query.assignee === "me"}
          />
          Assigned to me
        </label>
        <button type="submit" className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
          Filter
        </button>
        <Link href="/articles" className="pb-1 text-slate-600 underline">
          Clear
        </Link>
      </form>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Title
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Engine
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Languages
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Rev.
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Feedback
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Assignee
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Updated
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                Risk
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? (
              <tr>
                <td colSpan={9} className="px-3 py-8 text-center text-slate-500">
                  No articles match.
                </td>
              </tr>
            ) : null}
            {page.items.map((a) => (
              <tr
                key={a.id}
                className="border-b border-slate-100 last:border-0 hover:bg-slate-50"
                data-testid="article-row"
              >
                <td className="max-w-xl px-3 py-2">
                  <Link
                    href={`/articles/${a.id}`}
                    className="font-medium text-slate-900 hover:underline"
                  >
                    {a.title}
                  </Link>
                  {a.outlet ? (
                    <div className="text-xs text-slate-500">
                      {a.outlet}
                      {a.externalId ? ` · ${a.externalId}` : ""}
                    </div>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={a.status} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {a.engine.name}
                  {a.engine.version ? ` ${a.engine.version}` : ""}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {a.sourceLang} → {a.targetLang}
                </td>
                <td className="px-3 py-2">{a.currentRevision}</td>
                <td className="px-3 py-2">
                  {a.newFeedback > 0 ? (
                    <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                      {a.newFeedback} new
                    </span>
                  ) : (
                    <span className="text-slate-400">–</span>
                  )}
                </td>
                <td className="px-3 py-2 text-slate-600">{a.assignee ?? "–"}</td>
                <td
                  className="px-3 py-2 whitespace-nowrap text-slate-600"
                  title={formatDateTime(a.updatedAt, tz)}
                >
                  {age(a.updatedAt)}
                </td>
                <td className="px-3 py-2">
                  <RiskCell score={a.risk.score} reasons={a.risk.reasons} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex justify-between text-sm">
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
      </div>
    </div>
  );
}
