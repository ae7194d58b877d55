// Everything the review workspace shows about quality, loaded in one call:
// annotations and QA warnings grouped by segment index, and the article's score.
// Records (not Maps) so the result passes from a server component to client components.
import "server-only";

import type { ArticleView } from "@/lib/domain/types";
import type { AnnotationDto, ArticleQualityDto, WarningDto } from "@/lib/quality/dto";
import { listAnnotations } from "./annotations";
import { getArticleWarnings } from "./checks";
import { getArticleQuality } from "./quality-scores";

export interface WorkspaceQuality {
  annotationsBySegment: Record<number, AnnotationDto[]>;
  warningsBySegment: Record<number, WarningDto[]>;
  score: ArticleQualityDto;
}

function bySegment<T extends { segmentIndex: number }>(items: readonly T[]): Record<number, T[]> {
  const grouped: Record<number, T[]> = {};
  for (const item of items) (grouped[item.segmentIndex] ??= []).push(item);
  return grouped;
}

/**
 * Quality data at the current revision. 404 (AppError) for an unknown article.
 * Pass the already-loaded `view` to avoid reading the article's text again.
 */
export async function loadQualityForArticle(
  articleId: string,
  view?: ArticleView,
): Promise<WorkspaceQuality> {
  const [annotations, warnings, score] = await Promise.all([
    listAnnotations(articleId),
    getArticleWarnings(articleId, view),
    getArticleQuality(articleId, undefined, view),
  ]);
  return {
    annotationsBySegment: bySegment(annotations),
    warningsBySegment: bySegment(warnings),
    score,
  };
}
