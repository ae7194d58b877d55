import Link from "@/components/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { glossaryForPair } from "@/lib/server/glossary";
import { publicRevisionOf } from "@/lib/server/public-articles";
import { getSlugState } from "@/lib/server/article-slug";
import { loadQualityForArticle } from "@/lib/server/quality-workspace";
import { articleTm } from "@/lib/server/translation-memory";
import { loadWorkspace } from "@/lib/server/workspace";
import { ExportMenu } from "@/components/export-menu";
import { SlugOffer } from "@/components/publish/slug-offer";
import { SegmentExtras } from "@/components/intel/segment-extras";
import { TmMatches } from "@/components/intel/tm-matches";
import { UseEverywhere } from "@/components/intel/use-everywhere";
import { MqmScoreCard, SegmentQuality } from "@/components/quality";
import { formatHter } from "@/components/quality/metric-format";
import { GlossaryProvider } from "@/components/workspace/glossary-context";
import { QualitySummary } from "@/components/workspace/quality-summary";
import { KeyedWorkspace } from "@/components/workspace/keyed-workspace";
import { articleMetadata } from "./article-metadata";

export const generateMetadata = articleMetadata("Review");

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
  let tm;
  let slugState;
  try {
    data = await loadWorkspace(id, actor, sp.success ? sp.data.feedback : undefined);
    // Reuses the text the workspace just loaded instead of reading it twice more.
    [quality, glossary, tm] = await Promise.all([
      loadQualityForArticle(id, data.view),
      glossaryForPair(data.view.sourceLang, data.view.targetLang),
      articleTm(id),
    ]);
    // Publishing is when the URL may follow a corrected headline.
    slugState =
      can(actor, "publish:article") && ["APPROVED", "PUBLISHED"].includes(data.view.status)
        ? await getSlugState(id)
        : null;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  const canEdit = can(actor, "edit:revision");
  const tmBySegment = new Map(tm.segments.map((t) => [t.index, t.matches]));
  // QA warnings and MQM annotations per segment, rendered inside each workspace row, with the
  // "use this spelling everywhere" offer for names the reviewer respelled and the translation
  // memory's matches (issue 16).
  // Chips beside the row number: QA warnings and annotations (issue 15).
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
        canEdit={canEdit}
      />,
    ]),
  );
  // Under the current text: name offers and the translation memory's matches (issue 16).
  const below = Object.fromEntries(
    data.view.segments.map((s) => [
      s.index,
      <SegmentExtras key={s.index}>
        {canEdit ? (
          <UseEverywhere mt={s.mt} text={s.text} targetLang={data.view.targetLang} />
        ) : null}
        <TmMatches
          articleId={id}
          segmentIndex={s.index}
          source={s.source}
          revision={data.view.revision}
          matches={tmBySegment.get(s.index) ?? []}
          canEdit={canEdit}
          sourceLang={data.view.sourceLang}
        />
      </SegmentExtras>,
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
        below={below}
        links={links}
        headerExtras={
          <>
            {slugState?.suggested ? (
              <SlugOffer articleId={id} slug={slugState.slug} suggested={slugState.suggested} />
            ) : null}
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
