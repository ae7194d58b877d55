import Link from "@/components/link";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/session";
import { displayTimeZone } from "@/lib/server/time-zone";
import { AppError } from "@/lib/errors";
import {
  compareRevisions,
  getRevisionsMeta,
  historyHeader,
  type Comparison,
} from "@/lib/server/history";
import { CompareHeader } from "@/components/history/compare-header";
import { CompareSegments } from "@/components/history/compare-segments";
import { HistoryNav } from "@/components/history/history-nav";
import { orNotFound, paramsOrNotFound } from "@/components/history/or-not-found";
import { articleMetadata } from "../article-metadata";

export const generateMetadata = articleMetadata("Compare revisions");

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const revision = z.coerce.number().int().min(1).max(2_147_483_647);
const querySchema = z.object({
  from: revision,
  to: revision,
  view: z.enum(["side", "inline"]).default("side"),
});

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePage(props: {
  params: Promise<{ id: string }>;
  searchParams: SP;
}) {
  const { id } = paramsOrNotFound(paramsSchema, await props.params);
  const actor = await requirePageActor("read:article", `/articles/${id}/compare`);
  const tz = await displayTimeZone(actor);
  const article = await orNotFound(() => historyHeader(id));
  const sp = await props.searchParams;
  const query = querySchema.safeParse({
    from: sp.from,
    to: sp.to,
    view: typeof sp.view === "string" && sp.view ? sp.view : undefined,
  });

  let cmp: Comparison | null = null;
  let problem: string | null = null;
  const asked = sp.from !== undefined || sp.to !== undefined;
  if (!query.success) {
    problem = asked ? "Revisions must be whole numbers from 1." : null;
  } else {
    try {
      cmp = await compareRevisions(id, query.data.from, query.data.to);
    } catch (err) {
      if (!(err instanceof AppError && err.code === "not_found")) throw err;
      problem = `${err.message}: this article has revisions 1 to ${article.currentRevision}.`;
    }
  }

  return (
    <div>
      <HistoryNav articleId={id} title={article.title} current="compare" />
      {cmp && query.success ? (
        <>
          <CompareHeader
            articleId={id}
            cmp={cmp}
            view={query.data.view}
            current={article.currentRevision}
            tz={tz}
            meta={await getRevisionsMeta(id, [cmp.from, cmp.to])}
          />
          <CompareSegments cmp={cmp} view={query.data.view} />
        </>
      ) : (
        <ChooseRevisions articleId={id} current={article.currentRevision} problem={problem} />
      )}
    </div>
  );
}

function ChooseRevisions(props: { articleId: string; current: number; problem: string | null }) {
  return (
    <form
      method="get"
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
    >
      {props.problem ? (
        <p role="alert" className="w-full text-rose-800">
          {props.problem}
        </p>
      ) : (
        <p className="w-full text-slate-700">Choose two revisions to compare.</p>
      )}
      <label className="flex flex-col">
        <span className="mb-1 text-slate-600">From revision</span>
        <input
          name="from"
          type="number"
          min={1}
          max={props.current}
          defaultValue={Math.max(1, props.current - 1)}
          className="w-28 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="flex flex-col">
        <span className="mb-1 text-slate-600">To revision</span>
        <input
          name="to"
          type="number"
          min={1}
          max={props.current}
          defaultValue={props.current}
          className="w-28 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
        Compare
      </button>
      <Link href={`/articles/${props.articleId}/history`} className="pb-1 text-blue-700 underline">
        Back to the history
      </Link>
    </form>
  );
}
