import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { glossaryForPair } from "@/lib/server/glossary";
import { publicRevisionOf } from "@/lib/server/public-articles";
import { loadQualityForArticle } from "@/lib/server/quality-workspace";
import { loadWorkspace } from "@/lib/server/workspace";
import { ExportMenu } from "@/components/export-menu";
import { MqmScoreCard, SegmentQuality } from "@/components/quality";
import { formatHter } from "@/components/quality/metric-format";
import { GlossaryProvider } from "@/components/workspace/glossary-context";
import { QualitySummary } from "@/components/workspace/quality-summary";
import { KeyedWorkspace } from "@/components/workspace/keyed-workspace";

export const metadata: Metadata = { title: "Review" };

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const searchSchema = z.object({ feedback: z.string().min(1).max(64).optional() });

export default async function ArticleWorkspacePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsedParams = paramsSchema.safeParse(await params);
  if (!parsedParams.success) notFound();
  const { id } = parsedParams.data;
  const actor = await requirePageActor("read:article", `/articles/${id}`);
  const sp = searchSchema.safeParse(await searchParams);
  let data;
  let quality;
  let glossary;
  try {
    data = await loadWorkspace(id, actor, sp.success ? sp.data.feedback : undefined);
    // Reuses the text the workspace just loaded instead of reading it twice more.
    [quality, glossary] = await Promise.all([
      loadQualityForArticle(id, data.view),
      glossaryForPair(data.view.sourceLang, data.view.targetLang),
    ]);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  // QA warnings and MQM annotations per segment, rendered inside each workspace row.
  const extras = Object.fromEntries(
    data.view.segments.map((s) => [
      s.index,
      <SegmentQuality
        key={s.index}
        articleId={id}
        segmentIndex={s.index}
        text={s.text}
        mt={s.mt}
        annotations={quality.annotationsBySegment[s.index] ?? []}
        warnings={quality.warningsBySegment[s.index] ?? []}
        canAnnotate={can(actor, "annotate:revision")}
        canDismiss={can(actor, "dismiss:qa")}
        canResolveAny={can(actor, "approve:article")}
        currentUserId={actor.userId}
        lang={data.view.targetLang}
      />,
    ]),
  );
  const isPublic =
    publicRevisionOf({
      currentRevision: data.view.revision,
      publishedRevision: data.meta.publishedRevision,
      approvedRevision: data.meta.approvedRevision,
    }) !== null;
  const links = (
    <>
      {isPublic ? (
        <a
          href={`/read/${encodeURIComponent(data.view.slug)}`}
          target="_blank"
          rel="noopener"
          className="text-sm text-blue-700 underline"
          title="The public reading page, as readers see it now"
        >
          Public page ↗
        </a>
      ) : null}
      <Link
        href={`/articles/${id}/preview`}
        className="text-sm text-blue-700 underline"
        title="What readers would see if the current revision were published (not public)"
      >
        Preview
      </Link>
    </>
  );
  return (
    <GlossaryProvider entries={glossary}>
      <KeyedWorkspace
        data={data}
        extras={extras}
        links={links}
        headerExtras={
          <>
            {data.permissions.export ? (
              <ExportMenu
                articleId={id}
                hasApprovedRevision={
                  data.meta.approvedRevision !== null || data.meta.publishedRevision !== null
                }
                canImport={data.permissions.edit}
              />
            ) : null}
            <QualitySummary
              label={`MQM ${quality.score.mqm.per1000Words.toFixed(1)}/1k · HTER ${formatHter(quality.score.hter)}`}
            >
              <MqmScoreCard score={quality.score} />
            </QualitySummary>
          </>
        }
      />
    </GlossaryProvider>
  );
}
