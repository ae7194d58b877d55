import type { Metadata } from "next";
import { InvalidFilters } from "@/components/invalid-filters";
import { parseFilters, readFilters, type SearchParams } from "@/lib/page-query";
import { metricsQuerySchema } from "@/lib/api/schemas/quality";
import { requirePageActor } from "@/lib/auth/session";
import { MQM_CATEGORIES, MQM_SEVERITIES } from "@/lib/quality/mqm";
import { listEngines } from "@/lib/server/article-queue";
import { engineKey, engineLabel } from "@/lib/domain/engine";
import Link from "@/components/link";
import { getEngineMetrics, type EngineMetrics, type Sample } from "@/lib/server/metrics";
import { EnginePatterns } from "@/components/intel/engine-patterns";
import { can } from "@/lib/auth/policy";
import { getEnginePatterns } from "@/lib/server/error-patterns";
import { EngineBarChart, TrendChart } from "./charts";

export const metadata: Metadata = { title: "Dashboard" };

const DAY_MS = 86_400_000;

/** One decimal, "—" when there is nothing to average (the e2e test formats the API alike). */
const fmt = (n: number | null) => (n === null ? "—" : n.toFixed(1));

/** "n = 4 articles, 1,203 words", marked when under 5 articles: say how much a figure rests on. */
function SampleSize({ sample }: { sample: Sample | { articles: number } }) {
  const small = sample.articles < 5;
  return (
    <span
      className={small ? "text-amber-800" : "text-slate-600"}
      data-small-sample={small || undefined}
    >
      n = {sample.articles} {sample.articles === 1 ? "article" : "articles"}
      {"words" in sample ? `, ${sample.words.toLocaleString("en-US")} words` : ""}
      {small ? " (small sample)" : ""}
    </span>
  );
}

// Per-engine quality. Figures come from getEngineMetrics, the same function behind
// GET /api/v1/metrics, so the page and the API always agree.
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("read:metrics", "/dashboard");
  const raw = await readFilters(searchParams);
  const { query, problems } = parseFilters(metricsQuerySchema, raw);
  const [result, engines, patterns] = await Promise.all([
    getEngineMetrics({ engine: query.engine, from: query.from, to: query.to }),
    listEngines(),
    getEnginePatterns(query.engine),
  ]);
  const fromDay = result.from.slice(0, 10);
  const toDay = new Date(new Date(result.to).getTime() - DAY_MS).toISOString().slice(0, 10);
  const csv = new URLSearchParams({ format: "csv", from: fromDay, to: toDay });
  if (query.engine) csv.set("engine", query.engine);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Engine dashboard</h1>
          <p className="text-sm text-slate-600">
            Articles ingested {fromDay} to {toDay}
            {query.engine ? `, engine ${query.engine}` : ""}.
          </p>
        </div>
        <a
          href={`/api/v1/metrics?${csv.toString()}`}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-blue-800 underline"
          download
        >
          Export CSV
        </a>
      </div>

      <InvalidFilters problems={problems} />
      {result.truncated ? (
        <p role="status" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm">
          More than {result.limit.toLocaleString("en-US")} articles matched; the figures cover the
          newest {result.limit.toLocaleString("en-US")}. Narrow the range or pick an engine.
        </p>
      ) : null}

      <form
        method="get"
        role="search"
        aria-label="Dashboard filters"
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
      >
        <label className="flex flex-col">
          <span className="text-slate-600">Engine</span>
          <select
            name="engine"
            defaultValue={query.engine ?? ""}
            className="rounded border border-slate-300 px-2 py-1"
          >
            <option value="">All engines</option>
            {engines.map((e) => (
              <option key={e.id} value={engineKey(e)}>
                {engineLabel(e)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-slate-600">From</span>
          <input
            type="date"
            name="from"
            defaultValue={fromDay}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col">
          <span className="text-slate-600">To (inclusive)</span>
          <input
            type="date"
            name="to"
            defaultValue={toDay}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button className="rounded bg-slate-900 px-3 py-1 font-medium text-white">Apply</button>
      </form>

      {result.engines.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm">
          No articles in this range.
        </p>
      ) : (
        <>
          <SummaryTable engines={result.engines} />
          <section
            aria-labelledby="charts-h"
            className="grid gap-6 rounded border border-slate-200 bg-white p-4 lg:grid-cols-2"
          >
            <h2 id="charts-h" className="sr-only">
              Charts
            </h2>
            <EngineBarChart
              data={result.engines.map((e) => ({
                engine: e.label,
                meanHter: e.meanHter,
                meanChrf: e.meanChrf,
              }))}
            />
            <TrendChart rows={result.trend} engines={result.engines.map((e) => e.label)} />
          </section>
          <ErrorsTable engines={result.engines} />
        </>
      )}
      <EnginePatterns
        patterns={patterns.items}
        truncated={patterns.truncated}
        canPromote={can(actor, "manage:qa-rules")}
      />
      <Definitions />
    </div>
  );
}

function SummaryTable({ engines }: { engines: EngineMetrics[] }) {
  return (
    <section aria-labelledby="summary-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="summary-h" className="mb-3 text-lg font-semibold">
        Per engine
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-right text-sm" data-testid="engine-summary">
          <thead className="text-slate-600">
            <tr>
              <th className="py-1 text-left">Engine</th>
              <th>Articles</th>
              <th>Reviewed</th>
              <th>Mean HTER</th>
              <th>Mean chrF</th>
              <th className="text-left">HTER/chrF sample</th>
              <th>Approved unreviewed</th>
              <th>MQM per 1,000 words</th>
              <th className="text-left">MQM sample</th>
              <th>Feedback per article</th>
              <th>QA warnings per 1,000 words</th>
              <th className="text-left">QA sample</th>
            </tr>
          </thead>
          <tbody>
            {engines.map((e) => (
              <tr key={e.engineId} className="border-t border-slate-100" data-engine={e.label}>
                <th scope="row" className="py-1.5 text-left font-medium">
                  {/* The articles behind the row, in the queue. */}
                  <Link
                    href={`/articles?engine=${encodeURIComponent(engineKey({ name: e.name, version: e.version ?? "" }))}`}
                    className="text-blue-700 underline"
                  >
                    {e.label}
                  </Link>
                </th>
                <td data-metric="articles">{e.articles}</td>
                <td data-metric="articlesReviewed">{e.articlesReviewed}</td>
                <td data-metric="meanHter">{fmt(e.meanHter)}</td>
                <td data-metric="meanChrf">{fmt(e.meanChrf)}</td>
                <td data-metric="hterChrfSample" className="pl-3 text-left text-xs">
                  <SampleSize sample={e.n.hterChrf} />
                </td>
                <td data-metric="approvedUnreviewed">{e.approvedUnreviewed}</td>
                <td data-metric="mqmPer1000Words">{fmt(e.mqm.per1000Words)}</td>
                <td data-metric="mqmSample" className="pl-3 text-left text-xs">
                  <SampleSize sample={e.n.mqm} />
                </td>
                <td data-metric="feedbackPerArticle">{fmt(e.feedback.perArticle)}</td>
                <td data-metric="qaPer1000Words">{fmt(e.qa.per1000Words)}</td>
                <td data-metric="qaSample" className="pl-3 text-left text-xs">
                  <SampleSize sample={e.n.qa} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ErrorsTable({ engines }: { engines: EngineMetrics[] }) {
  const categories = MQM_CATEGORIES.map((c) => c.top);
  return (
    <section aria-labelledby="errors-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="errors-h" className="mb-3 text-lg font-semibold">
        MQM errors by category and severity
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-right text-sm">
          <thead className="text-slate-600">
            <tr>
              <th className="py-1 text-left">Engine</th>
              {categories.map((c) => (
                <th key={c}>{c}</th>
              ))}
              {MQM_SEVERITIES.map((s) => (
                <th key={s} className="capitalize">
                  {s}
                </th>
              ))}
              <th>Total</th>
            </tr>
          </thead>
          <tbody>
            {engines.map((e) => (
              <tr key={e.engineId} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 text-left font-medium">
                  {e.label}
                </th>
                {categories.map((c) => (
                  <td key={c}>{e.mqm.byCategory[c] ?? 0}</td>
                ))}
                {MQM_SEVERITIES.map((s) => (
                  <td key={s}>{e.mqm.bySeverity[s] ?? 0}</td>
                ))}
                <td>{e.mqm.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Definitions() {
  return (
    <details className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">
      <summary className="cursor-pointer font-medium">How these figures are computed</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          Articles are counted by ingest date. <strong>Reviewed</strong>: saved at least once by a
          person, moved beyond New, or annotated. Every figure shows its sample (n articles, n
          words); under 5 articles it is marked as a small sample.
        </li>
        <li>
          <strong>HTER</strong>: translation edit rate of the machine translation against the
          current text (edits per 100 words of the final text); <strong>chrF</strong>: character
          n-gram F-score of the two. Both are averaged only over articles a reviewer edited or whose
          segments they confirmed; an article approved with neither is counted apart as{" "}
          <strong>approved unreviewed</strong>, never as HTER 0. Weekly trends show a 95% bootstrap
          band where a week rests on 5 articles or more.
        </li>
        <li>
          <strong>MQM</strong>: the weighted penalties of reviewers&apos; error annotations
          (rejected ones excluded), summed over reviewed articles and divided by their words ×
          1,000.
        </li>
        <li>
          <strong>QA warnings</strong>: automatic checks on the current text, dismissed ones
          excluded, per 1,000 words of all articles. <strong>Feedback</strong>: reader reports per
          article.
        </li>
      </ul>
    </details>
  );
}
