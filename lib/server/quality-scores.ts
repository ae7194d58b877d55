// Quality figures of one article at one revision: edit effort (HTER, chrF, word edits)
// between the machine translation and the text, and the MQM score of its annotations.
//
// Which annotations count for revision N: every annotation made on revision ≤ N that was
// not rejected. Resolved ones still count (the error was in the translation; mqmScore's
// rule), so fixing an error does not make the score look as if it never happened.
// The denominator is the word count of the text at N.
import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { countWords } from "@/lib/ingest/identity";
import type { ArticleQualityDto, MqmSummaryDto } from "@/lib/quality/dto";
import { chrfCorpus, editedShare, terCorpus, wordEditDistance } from "@/lib/quality/metrics";
import {
  DEFAULT_MQM_WEIGHTS,
  mqmScore,
  type MqmAnnotationInput,
  type MqmWeights,
} from "@/lib/quality/mqm";
import { textsAtRevision } from "./revision-texts";
import type { ArticleView } from "@/lib/domain/types";

/** Weights from GALLEY_MQM_WEIGHTS (validated in lib/env.ts), else the published defaults. */
export function mqmWeights(): MqmWeights {
  return env().GALLEY_MQM_WEIGHTS ?? DEFAULT_MQM_WEIGHTS;
}

export interface EditEffort {
  hter: number;
  chrf: number;
  wordEditDistance: number;
  editedShare: number;
}

/**
 * Edit effort of a whole article, segments taken as a corpus. Argument order matters:
 * the MT is the hypothesis and the post-edited text the reference (HTER's definition).
 */
export function editEffort(mt: readonly string[], text: readonly string[]): EditEffort {
  return {
    hter: terCorpus(mt, text),
    chrf: chrfCorpus(mt, text),
    wordEditDistance: mt.reduce((sum, m, i) => sum + wordEditDistance(m, text[i] ?? ""), 0),
    editedShare: editedShare(mt, text),
  };
}

export function mqmSummary(
  annotations: readonly MqmAnnotationInput[],
  wordCount: number,
  weights: MqmWeights = mqmWeights(),
): MqmSummaryDto {
  return { ...mqmScore(annotations, wordCount, weights), weights };
}

/** Quality of the article at `revision` (default: current). 404 for an unknown article or revision. */
export async function getArticleQuality(
  articleId: string,
  revision?: number,
  /** The article at its current revision, when the caller already loaded it. */
  view?: ArticleView,
): Promise<ArticleQualityDto> {
  let at: number;
  let mt: string[];
  let text: string[];
  if (view && (revision === undefined || revision === view.revision)) {
    at = view.revision;
    mt = view.segments.map((s) => s.mt);
    text = view.segments.map((s) => s.text);
  } else {
    const article = await db().article.findUnique({
      where: { id: articleId },
      select: {
        currentRevision: true,
        segments: { select: { index: true, mt: true }, orderBy: { index: "asc" } },
      },
    });
    if (!article) throw notFound("Article");
    at = revision ?? article.currentRevision;
    if (at < 1 || at > article.currentRevision) throw notFound(`Revision ${at}`);
    const texts = await textsAtRevision(db(), articleId, at);
    mt = article.segments.map((s) => s.mt);
    text = article.segments.map((s) => texts.get(s.index) ?? s.mt);
  }
  const annotations = await db().annotation.findMany({
    where: { articleId, revisionNumber: { lte: at } },
    select: { category: true, severity: true, status: true },
  });
  const wordCount = countWords(text);
  return {
    revision: at,
    wordCount,
    ...editEffort(mt, text),
    mqm: mqmSummary(annotations as MqmAnnotationInput[], wordCount),
  };
}
