import { notFound } from "next/navigation";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
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
import { QualitySummary } from "@/components/workspace/quality-summary";
import { Workspace } from "@/components/workspace/workspace";
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
  let tm;
  let slugState;
  try {
    data = await loadWorkspace(id, actor, sp.success ? sp.data.feedback : undefined);
    // Reuses the text the workspace just loaded instead of reading it twice more.
    [quality, tm] = await Promise.all([loadQualityForArticle(id, data.view), articleTm(id)]);
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
  const extras = Object.fromEntries(
    data.view.segments.map((s) => [
      s.index,
      <SegmentExtras key={s.index}>
        <SegmentQuality
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
        />
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
  return (
    <Workspace
      // A new reader suggestion remounts the workspace so its prefill becomes the draft.
      key={data.prefill?.feedbackId ?? "workspace"}
      data={data}
      extras={extras}
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
            label={`Quality · MQM ${quality.score.mqm.per1000Words.toFixed(1)}/1k words · HTER ${quality.score.hter.toFixed(1)}`}
          >
            <MqmScoreCard score={quality.score} />
          </QualitySummary>
        </>
      }
    />
  );
}
