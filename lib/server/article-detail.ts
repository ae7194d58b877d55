import "server-only";
import { db } from "@/lib/db";
import { getArticleMeta, getArticleView } from "./articles";
import { confirmationProgress } from "./confirmations";

/** GET /api/v1/articles/{id}: metadata, workflow pointers and the current text of each segment. */
export async function getArticleDetail(id: string) {
  // Meta first: it is the cheap 404 for an unknown id.
  const meta = await getArticleMeta(id);
  const [view, progress] = await Promise.all([
    getArticleView(id, meta.currentRevision),
    confirmationProgress(db(), id, meta.currentRevision),
  ]);
  const { segments, ...article } = view;
  return {
    ...article,
    publishedRevision: meta.publishedRevision,
    approvedRevision: meta.approvedRevision,
    assignee: meta.assignee?.email ?? null,
    createdAt: meta.createdAt.toISOString(),
    updatedAt: meta.updatedAt.toISOString(),
    segments: segments.map((s) => ({
      ...s,
      confirmed: progress.bySegment.get(s.index) ?? false,
    })),
    progress: { confirmed: progress.confirmed, total: progress.total },
  };
}
