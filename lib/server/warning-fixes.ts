// One-click fixes for QA warnings that carry a replacement (approved names, issue 16). The
// warning is recomputed on the server, so a stale or forged request cannot write arbitrary text.
import "server-only";

import type { UserActor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { articleCheckContext, warningsForContext } from "./checks";
import { saveRevision } from "./revisions";

export async function applyWarningFix(
  articleId: string,
  target: { segmentIndex: number; fingerprint: string; start: number },
  actor: UserActor,
  requestId?: string,
): Promise<{ revision: number; text: string }> {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: { currentRevision: true },
  });
  if (!article) throw notFound("Article");
  const ctx = await articleCheckContext(articleId);
  const warning = (await warningsForContext(articleId, ctx)).find(
    (w) =>
      w.segmentIndex === target.segmentIndex &&
      w.fingerprint === target.fingerprint &&
      w.start === target.start &&
      w.replacement !== undefined,
  );
  const segment = ctx.segments.find((s) => s.index === target.segmentIndex);
  if (!warning || !segment || warning.end === undefined) {
    throw notFound("Warning (it may already be fixed)");
  }
  const text =
    segment.text.slice(0, target.start) + warning.replacement + segment.text.slice(warning.end);
  // Based on the revision the warning was computed from: a save in between answers 409.
  const res = await saveRevision({
    articleId,
    baseRevision: article.currentRevision,
    segments: [{ index: segment.index, text }],
    summary: `Approved spelling: ${warning.replacement}`,
    actor,
    requestId,
  });
  return { revision: res.revision, text };
}
