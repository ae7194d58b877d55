import Link from "@/components/link";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/session";
import { age, formatDateTime } from "@/lib/format-time";
import { displayTimeZone } from "@/lib/server/time-zone";
import { blame, historyHeader } from "@/lib/server/history";
import { wordBlameAt } from "@/lib/server/word-blame";
import { HistoryNav } from "@/components/history/history-nav";
import { orNotFound, paramsOrNotFound } from "@/components/history/or-not-found";
import { SegmentChanges } from "@/components/history/segment-changes";
import { WordBlameText } from "@/components/history/word-blame-text";
import { articleMetadata } from "../../article-metadata";

export const generateMetadata = articleMetadata("Blame");

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const KIND_LABEL = { TITLE: "Title", PARAGRAPH: "Paragraph", CAPTION: "Caption" } as const;

export default async function BlamePage(props: { params: Promise<{ id: string }> }) {
  const { id } = paramsOrNotFound(paramsSchema, await props.params);
  const actor = await requirePageActor("read:article", `/articles/${id}/history/blame`);
  const tz = await displayTimeZone(actor);
  const article = await orNotFound(() => historyHeader(id));
  const [lines, words] = await Promise.all([
    blame(id, article.currentRevision),
    wordBlameAt(id, article.currentRevision),
  ]);
  const segments = new Map(words.segments.map((s) => [s.index, s]));

  return (
    <div>
      <HistoryNav articleId={id} title={article.title} current="blame" />
      <h1 className="mb-1 text-2xl font-semibold">Who changed each segment, and each word</h1>
      <p className="mb-3 text-sm text-slate-600">
        As of the current revision r{article.currentRevision}. Left: the segment’s last change.
        Right: each word tinted by the revision that introduced it (hover for who); untinted words
        are the machine translation’s. Open “All changes” for a segment’s full history.
      </p>
      <ol className="space-y-2">
        {lines.segments.map((line) => {
          const seg = segments.get(line.index);
          return (
            <li
              key={line.index}
              className="grid gap-3 rounded border border-slate-200 bg-white p-3 text-sm md:grid-cols-[12rem_1fr]"
              data-testid="blame-line"
            >
              <div className="text-slate-600">
                <p className="font-medium text-slate-900">
                  {seg ? KIND_LABEL[seg.kind] : "Segment"} {line.index}
                </p>
                <p>
                  <Link
                    href={`/articles/${id}/compare?from=${Math.max(1, line.revision - 1)}&to=${line.revision}`}
                    className="text-blue-700 underline"
                  >
                    r{line.revision}
                  </Link>{" "}
                  by {line.author?.name ?? "system"}
                </p>
                <p title={formatDateTime(line.changedAt, tz)}>
                  <time dateTime={line.changedAt}>{age(line.changedAt)}</time>
                </p>
              </div>
              <div>
                <WordBlameText pieces={seg?.pieces ?? []} lang={article.targetLang} />
                <SegmentChanges articleId={id} index={line.index} />
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
