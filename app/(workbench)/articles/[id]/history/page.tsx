import Link from "@/components/link";
import { Fragment } from "react";
import { z } from "zod";
import { listRevisionsQuerySchema } from "@/lib/api/schemas/history";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "@/lib/auth/session";
import { age, formatDateTime } from "@/lib/format-time";
import { displayTimeZone } from "@/lib/server/time-zone";
import { historyHeader, listRevisions, type RevisionListItem } from "@/lib/server/history";
import { statusChangesBetween, type StatusChangeItem } from "@/lib/server/timeline";
import { STATUS_LABEL } from "@/lib/domain/workflow";
import { HistoryNav } from "@/components/history/history-nav";
import { orNotFound, paramsOrNotFound } from "@/components/history/or-not-found";
import { RevisionKindBadge } from "@/components/history/revision-kind";
import { WordDelta } from "@/components/history/word-delta";
import { StatusBadge } from "@/components/status-badge";
import { RevertForm } from "./revert-form";
import { articleMetadata } from "../article-metadata";

export const generateMetadata = articleMetadata("History");

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const PAGE_SIZE = 50;

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function HistoryPage(props: {
  params: Promise<{ id: string }>;
  searchParams: SP;
}) {
  const { id } = paramsOrNotFound(paramsSchema, await props.params);
  const actor = await requirePageActor("read:article", `/articles/${id}/history`);
  const tz = await displayTimeZone(actor);
  const sp = await props.searchParams;
  const query = listRevisionsQuerySchema.safeParse({
    limit: String(PAGE_SIZE),
    cursor: typeof sp.cursor === "string" && sp.cursor ? sp.cursor : undefined,
  });
  const { limit, cursor } = query.success ? query.data : { limit: PAGE_SIZE, cursor: undefined };
  const [article, page] = await orNotFound(() =>
    Promise.all([historyHeader(id), listRevisions(id, { limit, cursor })]),
  );
  const numbers = page.items.map((r) => r.number);
  const changes = numbers.length
    ? await statusChangesBetween(id, Math.min(...numbers), Math.max(...numbers))
    : [];
  const canRevert = can(actor, "edit:revision");
  const newest = page.items[0]?.number;
  const defaultTo = cursor ? undefined : newest;
  const defaultFrom = cursor ? undefined : page.items[1]?.number;

  return (
    <div>
      <HistoryNav articleId={id} title={article.title} current="history" />
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
        <h1 className="text-2xl font-semibold">Revision history</h1>
        <StatusBadge status={article.status} />
        <span className="text-slate-600">
          Current revision <strong>r{article.currentRevision}</strong>
          {article.publishedRevision ? <> · readers see r{article.publishedRevision}</> : null}
        </span>
      </div>
      {!query.success ? (
        <p
          role="alert"
          className="mb-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm"
        >
          The page link was invalid; showing the newest revisions.
        </p>
      ) : null}

      <form
        id="compare-form"
        method="get"
        action={`/articles/${id}/compare`}
        className="mb-2 flex items-center gap-3 text-sm"
      >
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white">
          Compare selected revisions
        </button>
        <span className="text-slate-600">
          Pick an older revision in “From” and a newer one in “To”.
        </span>
      </form>

      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Revisions of {article.title}, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-2 font-medium">
                From
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                To
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Rev.
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Time
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Author
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Summary
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Words
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Segs
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Status then
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((r) => (
              <Fragment key={r.number}>
                {/* Status changes made while r was current happened after it: above its row. */}
                {changes
                  .filter((c) => c.revision === r.number)
                  .map((c) => (
                    <StatusChangeRow key={c.id} change={c} tz={tz} />
                  ))}
                <RevisionRow
                  tz={tz}
                  articleId={id}
                  r={r}
                  current={article.currentRevision}
                  defaultFrom={defaultFrom}
                  defaultTo={defaultTo}
                  canRevert={canRevert}
                />
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>

      <div className="mt-3 flex justify-between text-sm">
        {cursor ? (
          <Link href={`/articles/${id}/history`} className="text-blue-700 underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link
            href={`/articles/${id}/history?cursor=${page.nextCursor}`}
            className="text-blue-700 underline"
          >
            Older →
          </Link>
        ) : null}
      </div>
    </div>
  );
}

function StatusChangeRow({ change, tz }: { change: StatusChangeItem; tz: string }) {
  return (
    <tr
      className="border-b border-slate-100 bg-slate-50/60 text-slate-700"
      data-testid="status-change-row"
    >
      <td colSpan={3} className="px-2 py-1.5 text-right text-xs text-slate-500">
        status
      </td>
      <td
        className="px-2 py-1.5 whitespace-nowrap text-slate-600"
        title={formatDateTime(change.at, tz)}
      >
        <time dateTime={change.at}>{age(change.at)}</time>
      </td>
      <td className="px-2 py-1.5">
        {change.actor ? <span title={change.actor.email}>{change.actor.name}</span> : "system"}
      </td>
      <td colSpan={5} className="px-2 py-1.5">
        {STATUS_LABEL[change.from]} → <strong>{STATUS_LABEL[change.to]}</strong>
        {change.note ? <span className="whitespace-pre-wrap">: {change.note}</span> : null}
        {change.override ? (
          <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
            gate passed: {change.override}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

function RevisionRow(props: {
  tz: string;
  articleId: string;
  r: RevisionListItem;
  current: number;
  defaultFrom?: number;
  defaultTo?: number;
  canRevert: boolean;
}) {
  const { r, articleId } = props;
  return (
    <tr className="border-b border-slate-100 align-top last:border-0" data-testid="revision-row">
      <td className="px-2 py-2">
        <input
          type="radio"
          name="from"
          value={r.number}
          form="compare-form"
          defaultChecked={r.number === props.defaultFrom}
          aria-label={`Compare from revision ${r.number}`}
        />
      </td>
      <td className="px-2 py-2">
        <input
          type="radio"
          name="to"
          value={r.number}
          form="compare-form"
          defaultChecked={r.number === props.defaultTo}
          aria-label={`Compare to revision ${r.number}`}
        />
      </td>
      <td className="px-2 py-2 font-medium whitespace-nowrap">
        r{r.number}
        {r.number === props.current ? (
          <span className="ml-1 text-xs font-normal text-slate-500">(current)</span>
        ) : null}
        {r.published ? (
          <span
            className="ml-1 rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-900"
            data-testid="published-marker"
          >
            published
          </span>
        ) : null}
      </td>
      <td
        className="px-2 py-2 whitespace-nowrap text-slate-600"
        title={formatDateTime(r.createdAt, props.tz)}
      >
        <time dateTime={r.createdAt}>{age(r.createdAt)}</time>
      </td>
      <td className="px-2 py-2">
        {r.author ? (
          <span title={r.author.email}>
            {r.author.name}
            {r.viaToken ? <span className="text-xs text-slate-500"> (API)</span> : null}
          </span>
        ) : (
          <span className="text-slate-500">system</span>
        )}
      </td>
      <td className="max-w-md px-2 py-2">
        <div className="flex flex-wrap items-center gap-1.5">
          <RevisionKindBadge kind={r.kind} />
          <span>{r.summary ?? <span className="text-slate-500">no summary</span>}</span>
        </div>
        {r.feedbackId ? (
          <Link
            href={`/articles/${articleId}?feedback=${encodeURIComponent(r.feedbackId)}`}
            className="text-xs text-blue-700 underline"
          >
            resolves a feedback item
          </Link>
        ) : null}
      </td>
      <td className="px-2 py-2">
        <WordDelta added={r.wordsAdded} removed={r.wordsRemoved} />
      </td>
      <td className="px-2 py-2 tabular-nums">{r.segmentsChanged}</td>
      <td className="px-2 py-2">
        <StatusBadge status={r.status} />
      </td>
      <td className="px-2 py-2">
        <div className="flex flex-col items-start gap-1">
          {r.number > 1 ? (
            <Link
              href={`/articles/${articleId}/compare?from=${r.number - 1}&to=${r.number}`}
              className="text-xs text-blue-700 underline"
            >
              diff to previous
            </Link>
          ) : null}
          {props.canRevert && r.number !== props.current ? (
            <RevertForm articleId={articleId} to={r.number} baseRevision={props.current} />
          ) : null}
        </div>
      </td>
    </tr>
  );
}
