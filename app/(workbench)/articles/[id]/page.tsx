import { notFound } from "next/navigation";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getSlugState } from "@/lib/server/article-slug";
import { loadQualityForArticle } from "@/lib/server/quality-workspace";
import { loadWorkspace } from "@/lib/server/workspace";
import { ExportMenu } from "@/components/export-menu";
import { SlugOffer } from "@/components/publish/slug-offer";
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
  let slugState;
  try {
    data = await loadWorkspace(id, actor, sp.success ? sp.data.feedback : undefined);
    // Reuses the text the workspace just loaded instead of reading it twice more.
    quality = await loadQualityForArticle(id, data.view);
    // Publishing is when the URL may follow a corrected headline.
    slugState =
      can(actor, "publish:article") && ["APPROVED", "PUBLISHED"].includes(data.view.status)
        ? await getSlugState(id)
        : null;
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
