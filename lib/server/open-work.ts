import "server-only";
import { readAll, type Tx } from "@/lib/db";
import type { OpenWork } from "@/lib/domain/gates";
import { getArticleWarnings } from "./checks";

/** What is still open on an article: the inputs of the approve/publish gate. */
export async function openWork(tx: Tx, articleId: string): Promise<OpenWork> {
  const [severeAnnotations, newFeedback, openComments, warnings] = await readAll(tx, [
    () =>
      tx.annotation.count({
        where: { articleId, status: "OPEN", severity: { in: ["major", "critical"] } },
      }),
    () => tx.feedback.count({ where: { articleId, status: "NEW" } }),
    () => tx.comment.count({ where: { articleId, parentId: null, resolvedAt: null } }),
    () =>
      // Computed from the text, () => which cannot change while the caller holds the article
      // lock; read through the same transaction, () => never a second pooled connection.
      getArticleWarnings(articleId, undefined, tx),
  ]);
  return { severeAnnotations, qaWarnings: warnings.length, newFeedback, openComments };
}
