import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db, transaction, type Tx } from "@/lib/db";
import type { ArticleStatus, ArticleView, SegmentView } from "@/lib/domain/types";
import { canBeAssigned } from "@/lib/domain/workflow";
import { badRequest, notFound } from "@/lib/errors";
import { appendAudit } from "./audit";
import { notifyAssignment } from "./notifications";
import { textsAtRevision } from "./revision-texts";
import { emptyToNull } from "@/lib/text/nullable";
import { metadataFromColumns } from "@/lib/ingest/metadata";

/** The article with its segments' text at `revision` (default: current). */
export async function getArticleView(id: string, revision?: number): Promise<ArticleView> {
  const article = await db().article.findUnique({
    where: { id },
    include: { engine: true, segments: { orderBy: { index: "asc" } } },
  });
  if (!article) throw notFound("Article");
  const at = revision ?? article.currentRevision;
  if (at < 1 || at > article.currentRevision) throw notFound(`Revision ${at}`);
  const texts = await textsAtRevision(db(), id, at);
  const segments: SegmentView[] = article.segments.map((s) => ({
    index: s.index,
    kind: s.kind,
    source: s.source,
    mt: s.mt,
    text: texts.get(s.index) ?? s.mt,
  }));
  return {
    id: article.id,
    slug: article.slug,
    externalId: article.externalId,
    outlet: emptyToNull(article.outlet),
    ...metadataFromColumns(article),
    sourceLang: article.sourceLang,
    targetLang: article.targetLang,
    engine: { name: article.engine.name, version: emptyToNull(article.engine.version) },
    status: article.status,
    footer: article.footer,
    revision: at,
    segments,
  };
}

export async function getArticleMeta(id: string) {
  const article = await db().article.findUnique({
    where: { id },
    include: { engine: true, assignee: { select: { id: true, email: true, name: true } } },
  });
  if (!article) throw notFound("Article");
  return article;
}

export async function lockArticle(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<
    {
      id: string;
      status: ArticleStatus;
      currentRevision: number;
      publishedRevision: number | null;
      approvedRevision: number | null;
      targetLang: string;
    }[]
  >`SELECT "id", "status", "currentRevision", "publishedRevision", "approvedRevision", "targetLang"
    FROM "Article" WHERE "id" = ${id} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("Article");
  return row;
}

export async function assignArticle(id: string, assigneeEmail: string | null, actor: Actor) {
  return transaction(async (tx) => {
    const article = await lockArticle(tx, id);
    let assigneeId: string | null = null;
    if (assigneeEmail) {
      const user = await tx.user.findUnique({ where: { email: assigneeEmail.toLowerCase() } });
      if (!user || user.disabledAt) throw badRequest(`No active user with email ${assigneeEmail}`);
      if (!canBeAssigned(user.role))
        throw badRequest(`A ${user.role.toLowerCase()} cannot be assigned articles`);
      assigneeId = user.id;
    }
    const before = await tx.article.findUnique({ where: { id }, select: { assigneeId: true } });
    await tx.article.update({ where: { id }, data: { assigneeId } });
    await notifyAssignment(tx, {
      articleId: article.id,
      assigneeId,
      previousId: before?.assigneeId ?? null,
      actor,
    });
    await appendAudit(tx, {
      actor,
      action: "article.assign",
      entityType: "article",
      entityId: article.id,
      data: { from: before?.assigneeId ?? null, to: assigneeId },
    });
    return { assigneeId };
  });
}
